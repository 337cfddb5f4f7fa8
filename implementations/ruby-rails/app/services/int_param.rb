require_relative 'invalid_input'

# Strict integer parameters (query or path), the contract's `intParam`: decimal digits with an
# optional minus sign, nothing else ('1.5', '1e3', ' 5', '+5', '0x10' and '' are rejected), within
# JavaScript's safe-integer range, then the inclusive bounds. Out of range is an error, never clamped.
module IntParam
  PATTERN = /\A-?\d+\z/
  SAFE_MAX = (2**53) - 1
  # The largest value of PostgreSQL's integer, the type of every id column.
  PG_INT_MAX = (2**31) - 1
  # A row id (/users/:id, user_id, product_id …): what the id columns hold; 422 outside.
  ROW_ID = { min: 1, max: PG_INT_MAX }.freeze
  # The largest page number or N+1 offset.
  MAX_OFFSET = 1_000_000

  module_function

  # Parses `raw` (a String, or nil when absent). Returns the Integer or raises InvalidInput.
  # With `default` an absent parameter takes it; without, absence is an error.
  def parse(raw, name:, min: nil, max: nil, default: nil)
    if raw.nil?
      return default unless default.nil?

      raise InvalidInput, "#{name}: field required"
    end
    raise InvalidInput, "#{name}: must be an integer" unless raw.is_a?(String) && PATTERN.match?(raw)

    value = Integer(raw, 10)
    raise InvalidInput, "#{name}: must be an integer" if value.abs > SAFE_MAX
    raise InvalidInput, "#{name}: must be >= #{min}" if min && value < min
    raise InvalidInput, "#{name}: must be <= #{max}" if max && value > max

    value
  end
end
