# Scenario 18: the same aggregates through ActiveRecord's query methods and as hand-written SQL.
class AggregationController < ApplicationController
  COUNTRY_SQL = <<~SQL.squish
    SELECT country, COUNT(id) AS user_count, SUM(login_count) AS total_logins, AVG(login_count) AS avg_logins
    FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT $1
  SQL
  AUTHOR_SQL = <<~SQL.squish
    SELECT a.id, a.name, COUNT(p.id) AS post_count, SUM(p.view_count) AS total_views, AVG(p.view_count) AS avg_views
    FROM authors a JOIN posts p ON p.author_id = a.id
    GROUP BY a.id, a.name ORDER BY post_count DESC, a.id LIMIT $1
  SQL

  # Three queries: COUNT(*), COUNT(id), COUNT(DISTINCT status).
  def count_orm
    wide = ColumnOverhead::UsersWide
    render json: { count_star: wide.count, count_id: wide.count(:id), count_distinct_status: wide.distinct.count(:status) }
  end

  def count_raw
    row = connection.select_rows(
      'SELECT COUNT(*), COUNT(id), COUNT(DISTINCT status) FROM users_wide',
    ).first || [0, 0, 0]
    render json: { count_star: row[0].to_i, count_id: row[1].to_i, count_distinct_status: row[2].to_i }
  end

  def country_orm
    count = Arel.sql('COUNT(users_wide.id)')
    rows = ColumnOverhead::UsersWide.group(:country).order(count.desc, :country).limit(stats_limit)
                                    .pluck(:country, count, Arel.sql('SUM(login_count)'), Arel.sql('AVG(login_count)'))
    render json: rows.map { |r| country_row(*r) }
  end

  def country_raw
    render json: raw(COUNTRY_SQL).map { |r| country_row(*r) }
  end

  def author_orm
    count = Arel.sql('COUNT(posts.id)')
    rows = Author.joins(:posts).group(:id, :name).order(count.desc, :id).limit(stats_limit)
                 .pluck(:id, :name, count, Arel.sql('SUM(posts.view_count)'), Arel.sql('AVG(posts.view_count)'))
    render json: rows.map { |r| author_row(*r) }
  end

  def author_raw
    render json: raw(AUTHOR_SQL).map { |r| author_row(*r) }
  end

  private

  def connection = ActiveRecord::Base.connection

  def stats_limit = query_int(:limit, min: 1, max: 100, default: 10)

  # Rows of a prepared statement with the limit bound as $1.
  def raw(sql)
    limit = ActiveRecord::Relation::QueryAttribute.new('limit', stats_limit, ActiveRecord::Type::Integer.new)
    connection.exec_query(sql, 'aggregation', [limit], prepare: true).rows
  end

  def country_row(country, users, logins, avg)
    { country: country.to_s, user_count: users.to_i, total_logins: logins.to_i, avg_logins: avg.to_f }
  end

  def author_row(id, name, posts, views, avg)
    { author_id: id.to_i, author_name: name, post_count: posts.to_i, total_views: views.to_i, avg_views: avg.to_f }
  end
end
