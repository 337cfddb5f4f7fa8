class Post < ApplicationRecord
  self.table_name = 'posts'
  # search_vector is a generated tsvector column: never selected as an attribute, never written.
  self.ignored_columns = %w[search_vector]
  belongs_to :author
end
