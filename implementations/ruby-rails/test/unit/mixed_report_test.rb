require 'test_helper'
require 'mixed_report'

class MixedReportTest < Minitest::Test
  def test_summary_and_top_lists_break_ties_by_id
    rows = (1..12).map { |id| [id, "A#{id}", id <= 3 ? 5 : 2, id.even? ? 100 : 10] } + [[13, 'A13', 0, 0]]
    report = MixedReport.build(rows)
    assert_equal 13, report[:summary][:total_authors]
    assert_equal (3 * 5) + (9 * 2), report[:summary][:total_posts]
    assert_in_delta 33.0 / 13, report[:summary][:avg_posts_per_author]
    assert_equal [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], report[:top_by_posts].map { |e| e['id'] }
    assert_equal [2, 4, 6, 8, 10, 12, 1, 3, 5, 7], report[:top_by_views].map { |e| e['id'] }
    assert_in_delta 20.0, report[:top_by_views].first['avg_views']
  end

  def test_author_without_posts_has_zero_average
    report = MixedReport.build([[1, 'A', 0, 0]])
    assert_equal 0.0, report[:top_by_posts].first['avg_views']
    assert_equal 0.0, report[:summary][:avg_views_per_post]
  end
end
