# `ruby -Itest test/all.rb` (lab.json's test command) runs every test/unit/*_test.rb, then
# test/integration/*_test.rb (the Rails app in-process, no database needed).
(Dir[File.join(__dir__, 'unit', '*_test.rb')].sort + Dir[File.join(__dir__, 'integration', '*_test.rb')].sort).each { |f| require f }
