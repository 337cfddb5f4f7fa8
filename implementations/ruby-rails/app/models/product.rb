# products, without optimistic locking: no-lock and pessimistic write plain UPDATEs.
class Product < ApplicationRecord
  self.table_name = 'products'
  self.lock_optimistically = false
end
