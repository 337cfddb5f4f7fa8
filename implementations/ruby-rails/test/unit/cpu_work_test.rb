require 'test_helper'
require 'cpu_work'

class CpuWorkTest < Minitest::Test
  def test_fibonacci
    { 1 => 1, 2 => 1, 10 => 55, 20 => 6765 }.each { |n, want| assert_equal want, CpuWork.fibonacci(n) }
  end

  # The compact JSON of the 10,000 items, counted independently: brackets, separators, and each
  # object's fixed text plus its digits.
  def test_json_serialize_bytes
    digits = ->(n) { n.to_s.size }
    per_item = (0...10_000).sum do |i|
      '{"id":,"name":"item_","email":"item_@benchmark.com","value":}'.size + (3 * digits.(i)) + digits.(i * 3)
    end
    assert_equal 2 + per_item + 9_999, CpuWork.json_serialize_bytes
  end
end
