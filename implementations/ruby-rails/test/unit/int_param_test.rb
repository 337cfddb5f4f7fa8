require 'test_helper'
require 'int_param'

class IntParamTest < Minitest::Test
  def size(raw) = IntParam.parse(raw, name: 'size', min: 1, max: 100, default: 20)

  def test_accepts_decimal_integers_within_bounds
    { nil => 20, '1' => 1, '100' => 100, '007' => 7 }.each { |raw, want| assert_equal want, size(raw) }
  end

  def test_rejects_non_integers_and_out_of_range_values
    ['0', '101', '-1', 'abc', '', ' 5', '1.5', '1e2', '0x10', '+5', ['5'], { 'a' => '1' }].each do |raw|
      assert_raises(InvalidInput, "size #{raw.inspect}") { size(raw) }
    end
  end

  def test_unbounded_ids_take_any_safe_integer
    assert_equal(-3, IntParam.parse('-3', name: 'id'))
    assert_equal 2_147_483_648, IntParam.parse('2147483648', name: 'id')
    assert_raises(InvalidInput) { IntParam.parse('99999999999999999999', name: 'id') }
  end

  def test_required_parameter_without_default
    error = assert_raises(InvalidInput) { IntParam.parse(nil, name: 'user_id') }
    assert_equal 'user_id: field required', error.detail
  end
end
