require 'json'
require_relative 'invalid_input'
require_relative 'storable_text'

# Validation of the JSON request bodies (POST /echo, POST and PUT /users). Types are checked
# before ActiveRecord sees a value: AR would quietly cast 5 to "5".
module RequestBody
  module_function

  # Parses a raw body into a Hash; anything else (malformed JSON, an array, empty) is InvalidInput.
  def object(raw)
    value = JSON.parse(raw.to_s)
    raise InvalidInput, 'body: must be a JSON object' unless value.is_a?(Hash)

    value
  rescue JSON::ParserError
    raise InvalidInput, 'body: malformed JSON'
  end

  # {message: String, data: Hash|nil} from an echo body; extra keys dropped, absent data → nil.
  def echo(body)
    message = body['message']
    data = body['data']
    errors = []
    errors << 'message: must be a string' unless message.is_a?(String)
    errors << 'data: must be an object or null' unless data.nil? || data.is_a?(Hash)
    raise InvalidInput, errors unless errors.empty?

    { 'message' => message, 'data' => data }
  end

  # The user attributes present in `body`, type-checked (name and email must be strings that
  # PostgreSQL can store: no NUL). `partial: false` (creation) requires both. Lengths and "@" are
  # the model's validations.
  def user(body, partial:)
    attrs = body.slice('name', 'email')
    errors = %w[name email].filter_map do |key|
      if !attrs.key?(key)
        "#{key}: field required" unless partial
      elsif !attrs[key].is_a?(String)
        "#{key}: must be a string"
      end
    end
    raise InvalidInput, errors unless errors.empty?

    attrs.each { |key, value| StorableText.check(value, name: key) }
  end
end
