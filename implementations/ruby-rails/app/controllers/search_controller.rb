# Scenario 19: ILIKE substring search vs full-text search on posts.search_vector (GIN index).
class SearchController < ApplicationController
  def like
    q, limit = search_params
    rows = Post.where('title ILIKE :p OR content ILIKE :p', p: LikePattern.contains(q))
               .order(:id).limit(limit).pluck(:id, :author_id, :title)
    render json: rows.map { |id, author_id, title| { id: id, author_id: author_id, title: title } }
  end

  def fulltext
    q, limit = search_params
    query = Post.sanitize_sql(["plainto_tsquery('english', ?)", q])
    rank = Arel.sql("ts_rank(search_vector, #{query})")
    rows = Post.where(Arel.sql("search_vector @@ #{query}"))
               .order(rank.desc, :id).limit(limit).pluck(:id, :author_id, :title, rank)
    render json: rows.map { |id, author_id, title, r| { id: id, author_id: author_id, title: title, rank: r.to_f } }
  end

  private

  def search_params
    q = request.query_parameters['q']
    raise InvalidInput, 'q: 1–100 characters required' unless q.is_a?(String) && q.length.between?(1, 100)

    StorableText.check(q, name: 'q')
    [q, query_int(:limit, min: 1, max: 100, default: 20)]
  end
end
