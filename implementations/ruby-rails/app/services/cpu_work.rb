require 'json'

# The server-config CPU workloads, kept free of Rails so they can be unit-tested.
module CpuWork
  JSON_ITEMS = 10_000

  module_function

  # Naive doubly recursive Fibonacci (the point is the CPU time on the request thread).
  def fibonacci(n)
    n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2)
  end

  # 10,000 hashes serialised as compact JSON; returns the byte length of the document.
  def json_serialize_bytes
    items = Array.new(JSON_ITEMS) do |i|
      { 'id' => i, 'name' => "item_#{i}", 'email' => "item_#{i}@benchmark.com", 'value' => i * 3 }
    end
    JSON.generate(items).bytesize
  end
end
