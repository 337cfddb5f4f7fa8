class Author < ApplicationRecord
  self.table_name = 'authors'
  has_many :posts, -> { order(:id) }, inverse_of: :author
end
