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

  def test_unbounded_integers_take_any_safe_integer
    assert_equal(-3, IntParam.parse('-3', name: 'n'))
    assert_equal 2_147_483_648, IntParam.parse('2147483648', name: 'n')
    assert_raises(InvalidInput) { IntParam.parse('99999999999999999999', name: 'n') }
  end

  def test_row_ids_are_postgresql_integers_from_one
    assert_equal 1, IntParam.parse('1', name: 'id', **IntParam::ROW_ID)
    assert_equal 2_147_483_647, IntParam.parse('2147483647', name: 'id', **IntParam::ROW_ID)
    %w[0 -1 2147483648 4398046511105 1124773556684887293952].each do |raw|
      assert_raises(InvalidInput, raw) { IntParam.parse(raw, name: 'id', **IntParam::ROW_ID) }
    end
  end

  def test_offsets_and_cursors_stop_at_their_bounds
    offset = ->(raw) { IntParam.parse(raw, name: 'offset', min: 0, max: IntParam::MAX_OFFSET, default: 0) }
    assert_equal 1_000_000, offset.call('1000000')
    %w[1000001 1124773556684887293952 -1].each { |raw| assert_raises(InvalidInput, raw) { offset.call(raw) } }
    cursor = ->(raw) { IntParam.parse(raw, name: 'cursor', min: 0, max: IntParam::PG_INT_MAX, default: 0) }
    assert_equal 2_147_483_647, cursor.call('2147483647')
    assert_raises(InvalidInput) { cursor.call('9544203041') }
  end

  def test_required_parameter_without_default
    error = assert_raises(InvalidInput) { IntParam.parse(nil, name: 'user_id') }
    assert_equal 'user_id: field required', error.detail
  end
end
