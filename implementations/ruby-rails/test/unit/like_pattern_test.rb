require 'test_helper'
require 'like_pattern'

class LikePatternTest < Minitest::Test
  def test_wraps_in_percent_signs
    assert_equal '%Zeppelin%', LikePattern.contains('Zeppelin')
  end

  def test_escapes_wildcards_and_the_escape_character
    { '%' => '%\%%', '_' => '%\_%', '100%' => '%100\%%', 'a_b' => '%a\_b%', '\\' => '%\\\\%' }.each do |q, want|
      assert_equal want, LikePattern.contains(q), q
    end
  end
end
