# The server-configuration endpoints: blocking I/O, one aggregate query, CPU-bound work.
class ServerConfigController < ApplicationController
  PASSWORD = 'benchmark-password'
  BCRYPT_COST = 12

  # sleep releases the GVL: this Puma thread waits, the others keep serving.
  def io_sleep
    sleep 0.1
    render json: { status: 'ok', slept: 0.1 }
  end

  def io_db
    authors = author_totals.map do |id, name, email, posts, views|
      { id: id, name: name, email: email, post_count: posts, total_views: views }
    end
    render json: { count: authors.size, authors: authors }
  end

  def fibonacci
    n = query_int(:n, min: 1, max: 30, default: 27)
    render json: { n: n, result: CpuWork.fibonacci(n) }
  end

  # bcrypt-ruby's C extension (ruby-bcrypt 3.1.18); it releases the GVL while hashing.
  def hash_password
    digest = BCrypt::Password.create(PASSWORD, cost: BCRYPT_COST)
    render json: { status: 'ok', hash_length: digest.to_s.length }
  end

  def json_serialize
    render json: { status: 'ok', items: CpuWork::JSON_ITEMS, bytes: CpuWork.json_serialize_bytes }
  end

  def mixed_report
    rows = author_totals.map { |id, name, _email, posts, views| [id, name, posts, views] }
    render json: MixedReport.build(rows)
  end

  private

  # Every author with COUNT(posts.id) and COALESCE(SUM(view_count), 0): one LEFT JOIN … GROUP BY.
  def author_totals
    Author.left_joins(:posts).group(:id).order(:id)
          .pluck(:id, :name, :email, Arel.sql('COUNT(posts.id)'), Arel.sql('COALESCE(SUM(posts.view_count), 0)'))
  end
end
