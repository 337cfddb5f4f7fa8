require 'json'

# GET /mixed/report, phase 2 (CPU): from per-author totals to the summary and the two top-10
# lists (ties broken by id ascending), with a JSON round trip of the whole list as in the original.
module MixedReport
  TOP = 10

  module_function

  # rows: [[id, name, post_count, total_views], …] for every author (LEFT JOIN, zeros when no posts).
  def build(rows)
    entries = rows.map do |id, name, posts, views|
      { 'id' => id, 'name' => name, 'post_count' => posts, 'total_views' => views,
        'avg_views' => posts.zero? ? 0.0 : views.fdiv(posts) }
    end
    entries = JSON.parse(JSON.generate(entries))
    total_posts = entries.sum { |e| e['post_count'] }
    total_views = entries.sum { |e| e['total_views'] }
    {
      summary: {
        total_authors: entries.size,
        total_posts: total_posts,
        total_views: total_views,
        avg_posts_per_author: entries.empty? ? 0.0 : total_posts.fdiv(entries.size),
        avg_views_per_post: total_posts.zero? ? 0.0 : total_views.fdiv(total_posts),
      },
      top_by_posts: entries.min_by(TOP) { |e| [-e['post_count'], e['id']] },
      top_by_views: entries.min_by(TOP) { |e| [-e['total_views'], e['id']] },
    }
  end
end
