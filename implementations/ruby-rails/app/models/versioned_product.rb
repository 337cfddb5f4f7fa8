# products with ActiveRecord's optimistic locking on the `version` column (Rails' lock_version,
# renamed): every update is `UPDATE … SET …, version = v + 1 WHERE id = ? AND version = v` and a
# zero-row update raises ActiveRecord::StaleObjectError. Used only by the optimistic decrement.
class VersionedProduct < Product
  self.lock_optimistically = true
  self.locking_column = :version
end
