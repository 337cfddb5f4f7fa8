require 'active_record'

# The ILIKE pattern for a literal substring: `%`, `_` and `\` in the query are escaped with
# ActiveRecord's sanitize_sql_like (escape character `\`, PostgreSQL's default for LIKE).
module LikePattern
  module_function

  def contains(query)
    "%#{ActiveRecord::Base.sanitize_sql_like(query)}%"
  end
end
