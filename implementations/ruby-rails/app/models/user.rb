# users. The unique index on email is the duplicate check (ActiveRecord::RecordNotUnique → 409):
# no uniqueness validation, which would cost an extra SELECT per insert and still race.
class User < ApplicationRecord
  self.table_name = 'users'

  validates :name, length: { minimum: 1, maximum: 100 }
  validates :email, length: { maximum: 255 }, format: { with: /@/, message: 'must contain "@"' }
end
