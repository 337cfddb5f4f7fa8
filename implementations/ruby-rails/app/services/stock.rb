require_relative 'invalid_input'

# products.stock is a PostgreSQL integer: a decrement may take it below zero (the contract sets no
# floor), but not below what the column holds.
module Stock
  PG_INT_MIN = -(2**31)

  module_function

  # stock - quantity, or InvalidInput 'Stock out of range' (422) when the column cannot hold it.
  # Raised before the UPDATE, so nothing changes (inside a transaction it also rolls back).
  def decrement(stock, quantity)
    value = stock - quantity
    raise InvalidInput, 'Stock out of range' if value < PG_INT_MIN

    value
  end
end
