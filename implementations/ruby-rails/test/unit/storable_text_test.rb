require 'test_helper'
require 'storable_text'

class StorableTextTest < Minitest::Test
  def test_accepts_text_postgresql_can_store
    ['', 'abc', 'é😀', '100% power_level'].each { |text| assert_equal text, StorableText.check(text, name: 'q') }
  end

  def test_rejects_nul_and_invalid_utf8_with_a_422
    { "a\0b" => 'q: must not contain NUL characters', "\0" => 'q: must not contain NUL characters',
      "\xFF\xFE".b => 'q: must be valid UTF-8 text', "a\xED\xA0\x80".b => 'q: must be valid UTF-8 text' }.each do |text, detail|
      error = assert_raises(InvalidInput, text.inspect) { StorableText.check(text, name: 'q') }
      assert_equal detail, error.detail
    end
  end
end
