# Scenario 13: four ways to decrement products.stock under concurrency.
class TransactionsController < ApplicationController
  PRODUCT_NOT_FOUND = 'Product not found'
  MAX_QUANTITY = 1000

  def show
    product = Product.find_by(id: path_id)
    return not_found(PRODUCT_NOT_FOUND) unless product

    render json: product.slice(:id, :name, :stock, :version, :updated_at)
  end

  def reset
    Product.update_all(stock: 1000, version: 0, updated_at: Time.now.utc)
    render json: { message: 'All stocks reset to 1000' }
  end

  # Read, compute in Ruby, write the absolute value: concurrent requests lose updates.
  def no_lock
    decrement('no-lock') do |id, quantity|
      product = Product.find_by(id: id)
      next unless product

      old = product.stock
      product.update!(stock: Stock.decrement(old, quantity))
      result(old, product.stock)
    end
  end

  # SELECT … FOR UPDATE inside a transaction; the row stays locked until COMMIT.
  def pessimistic
    decrement('pessimistic') do |id, quantity|
      Product.transaction do
        product = Product.lock.find_by(id: id)
        next unless product

        old = product.stock
        product.update!(stock: Stock.decrement(old, quantity))
        result(old, product.stock)
      end
    end
  end

  # ActiveRecord optimistic locking on `version` (VersionedProduct): a stale version raises
  # StaleObjectError; re-read and retry at once, at most max_retries times.
  def optimistic
    max_retries = query_int(:max_retries, min: 0, max: 100, default: 5)
    decrement('optimistic') { |id, quantity| optimistic_decrement(id, quantity, max_retries) }
  end

  # SERIALIZABLE transaction; a serialization failure (SQLSTATE 40001) is reported, not retried.
  def serializable
    decrement('serializable') do |id, quantity|
      Product.transaction(isolation: :serializable) do
        product = Product.find_by(id: id)
        next unless product

        old = product.stock
        product.update!(stock: Stock.decrement(old, quantity))
        result(old, product.stock)
      end
    rescue ActiveRecord::TransactionRollbackError => e
      failure(0, 0, 0, e.message.lines.first.to_s.strip)
    end
  end

  private

  def decrement(method)
    id = query_int(:product_id, default: 1, **IntParam::ROW_ID)
    quantity = query_int(:quantity, default: 1, min: 1, max: MAX_QUANTITY)
    t0 = monotonic
    outcome = yield(id, quantity)
    return not_found(PRODUCT_NOT_FOUND) unless outcome

    render json: { success: outcome[:error].nil?, method: method, product_id: id, old_stock: outcome[:old_stock],
                   new_stock: outcome[:new_stock], retries: outcome[:retries], elapsed_ms: elapsed_ms(t0),
                   error: outcome[:error] }
  end

  # Up to 1 + max_retries attempts; `retries` is the number of failed attempts before the success.
  def optimistic_decrement(id, quantity, max_retries)
    old = 0
    (0..max_retries).each do |attempt|
      product = VersionedProduct.find_by(id: id)
      return nil unless product

      old = product.stock
      product.update!(stock: Stock.decrement(old, quantity))
      return result(old, product.stock, retries: attempt)
    rescue ActiveRecord::StaleObjectError
      next
    end
    failure(old, old, max_retries, 'Max retries exceeded')
  end

  def result(old, new, retries: 0)
    { old_stock: old, new_stock: new, retries: retries, error: nil }
  end

  def failure(old, new, retries, error)
    { old_stock: old, new_stock: new, retries: retries, error: error }
  end
end
