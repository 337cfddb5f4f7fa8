class BulkItem < ApplicationRecord
  self.table_name = 'bulk_items'
end
