require 'test_helper'
require 'stock'

class StockTest < Minitest::Test
  def test_decrement_may_go_below_zero_down_to_the_integer_minimum
    assert_equal 997, Stock.decrement(1000, 3)
    assert_equal(-1000, Stock.decrement(0, 1000))
    assert_equal(-(2**31), Stock.decrement(-(2**31) + 1000, 1000))
  end

  def test_decrement_below_the_integer_column_is_stock_out_of_range
    error = assert_raises(InvalidInput) { Stock.decrement(-(2**31) + 999, 1000) }
    assert_equal 'Stock out of range', error.detail
  end
end
