require 'test_helper'
require 'request_body'

class RequestBodyTest < Minitest::Test
  def test_object_rejects_malformed_json_and_non_objects
    ['{"message": "unterminated', '[1]', '"x"', ''].each do |raw|
      assert_raises(InvalidInput, raw) { RequestBody.object(raw) }
    end
    assert_equal({ 'a' => 1 }, RequestBody.object('{"a":1}'))
  end

  def test_echo_drops_extra_keys_and_defaults_data_to_null
    assert_equal({ 'message' => 'hi', 'data' => { 'a' => 1 } },
                 RequestBody.echo('message' => 'hi', 'data' => { 'a' => 1 }, 'timestamp' => 1))
    assert_equal({ 'message' => 'only', 'data' => nil }, RequestBody.echo('message' => 'only'))
  end

  def test_echo_rejects_wrong_types
    [{ 'data' => {} }, { 'message' => 42 }, { 'message' => 'x', 'data' => 'not-an-object' }].each do |body|
      assert_raises(InvalidInput, body.inspect) { RequestBody.echo(body) }
    end
  end

  def test_user_requires_string_fields_on_create_only
    assert_equal({ 'name' => 'a', 'email' => 'a@b' }, RequestBody.user({ 'name' => 'a', 'email' => 'a@b', 'x' => 1 }, partial: false))
    assert_equal({ 'name' => 'a' }, RequestBody.user({ 'name' => 'a' }, partial: true))
    error = assert_raises(InvalidInput) { RequestBody.user({ 'name' => 5 }, partial: false) }
    assert_equal ['name: must be a string', 'email: field required'], error.detail
  end

  def test_user_rejects_text_postgresql_cannot_store
    [{ 'name' => "a\0b", 'email' => 'a@b' }, { 'name' => 'a', 'email' => "a\0@b" }, { 'name' => "\xFF".b }].each do |body|
      assert_raises(InvalidInput, body.inspect) { RequestBody.user(body, partial: true) }
    end
  end

  def test_object_rejects_json_nested_deeper_than_the_parser_allows
    deep = '{"a":' * 101 + '1' + '}' * 101
    assert_raises(InvalidInput) { RequestBody.object(deep) }
  end
end
