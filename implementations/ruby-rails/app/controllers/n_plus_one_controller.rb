# Scenario 11: the same body (authors ORDER BY id OFFSET/LIMIT, each with its posts ORDER BY id)
# loaded three ways; see the README for the SQL each one issues.
class NPlusOneController < ApplicationController
  # 1 + N: the page of authors, then `author.posts` loads lazily, one SELECT per author.
  def lazy
    render json: page.to_a.map { |author| AuthorJson.author(author) }
  end

  # 1 query: eager_load (LEFT OUTER JOIN) over the page as a FROM subquery. `eager_load` with
  # limit/offset on the outer relation would first run a separate SELECT DISTINCT of the page's
  # ids (2 queries) and LIMIT the joined rows; the subquery keeps LIMIT/OFFSET on authors.
  def eager
    authors = Author.from(page, :authors).eager_load(:posts).order(:id, Post.arel_table[:id])
    render json: authors.map { |author| AuthorJson.author(author) }
  end

  # 2 queries: preload: the page of authors, then posts WHERE author_id IN (…) ORDER BY id.
  def subquery
    render json: page.preload(:posts).map { |author| AuthorJson.author(author) }
  end

  private

  def page
    limit = query_int(:limit, min: 1, max: 100, default: 20)
    offset = query_int(:offset, min: 0, max: IntParam::MAX_OFFSET, default: 0)
    Author.order(:id).offset(offset).limit(limit)
  end
end
