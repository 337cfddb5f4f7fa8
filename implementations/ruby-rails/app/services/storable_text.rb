require_relative 'invalid_input'

# Text PostgreSQL can store in a text or varchar column: valid UTF-8 without NUL (U+0000), which
# PostgreSQL refuses with an error. Every request string that reaches the database (`name`,
# `email`, `q`) is checked, so such input is a 422 instead of a driver error (a 500).
module StorableText
  module_function

  # Returns `value` or raises InvalidInput naming the field.
  def check(value, name:)
    raise InvalidInput, "#{name}: must be valid UTF-8 text" unless value.dup.force_encoding(Encoding::UTF_8).valid_encoding?
    raise InvalidInput, "#{name}: must not contain NUL characters" if value.include?("\0")

    value
  end
end
