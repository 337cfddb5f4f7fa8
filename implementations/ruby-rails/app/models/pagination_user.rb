# users_pagination (100,000 rows): the pagination endpoints' table.
class PaginationUser < ApplicationRecord
  self.table_name = 'users_pagination'
end
