# CPU time per GET /users body, in process (no HTTP, so other load on the machine matters less):
#   USE_OJ=1 RAILS_ENV=production DATABASE_URL=… bundle exec ruby script/json_bench.rb
#   USE_OJ=0 RAILS_ENV=production DATABASE_URL=… bundle exec ruby script/json_bench.rb
# Prints the median process-CPU milliseconds of (a) the query + ActiveRecord objects + JSON, and
# (b) the JSON encoding alone, over ROUNDS rounds.
require_relative '../config/environment'

ROUNDS = Integer(ENV.fetch('ROUNDS', 30))
cpu_ms = -> { Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) * 1000 }
median = ->(xs) { xs.sort[xs.size / 2].round(2) }
measure = lambda do |&work|
  3.times { work.call } # warm-up
  Array.new(ROUNDS) do
    t0 = cpu_ms.call
    work.call
    cpu_ms.call - t0
  end
end

users = User.order(:id).to_a
full = measure.call { User.order(:id).to_a.to_json }
encode = measure.call { users.to_json }
puts({ use_oj: ENV.fetch('USE_OJ', '1'), yjit: defined?(RubyVM::YJIT) && RubyVM::YJIT.enabled?, rows: users.size,
       bytes: users.to_json.bytesize, full_ms: median.call(full), encode_ms: median.call(encode) }.to_json)
