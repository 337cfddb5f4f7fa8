# Scenario 12 on bulk_items: rows name='item_<i>', value=i (i = 0…count-1); updates set value = id*10.
class BulkController < ApplicationController
  def cleanup
    BulkItem.connection.execute('TRUNCATE bulk_items RESTART IDENTITY')
    render json: { message: 'Table truncated' }
  end

  # One create! per row: each is its own BEGIN / INSERT … RETURNING "id" / COMMIT.
  def insert_individual
    timed('insert-individual') { |count| count.times { |i| BulkItem.create!(name: "item_#{i}", value: i) } }
  end

  # insert_all!: ActiveRecord builds one multi-row INSERT (a single statement, so one implicit
  # transaction). Rails 6.1's insert_all does not fill timestamps: created_at is the column default.
  def insert_batch
    timed('insert-batch') do |count|
      BulkItem.insert_all!(Array.new(count) { |i| { name: "item_#{i}", value: i } }, returning: false)
    end
  end

  # One hand-written multi-row INSERT statement.
  def insert_raw
    timed('insert-raw') do |count|
      conn = BulkItem.connection
      values = Array.new(count) { |i| "(#{conn.quote("item_#{i}")}, #{i}, NOW())" }.join(', ')
      conn.execute("INSERT INTO bulk_items (name, value, created_at) VALUES #{values}")
    end
  end

  # One autocommitted UPDATE per id (update_all issues no BEGIN/COMMIT: each statement commits).
  def update_individual
    timed('update-individual') do |count|
      (1..count).each { |id| BulkItem.where(id: id).update_all(value: id * 10) }
    end
  end

  # One UPDATE … SET value = CASE id WHEN 1 THEN 10 … END WHERE id BETWEEN 1 AND count.
  def update_bulk
    timed('update-bulk') do |count|
      cases = (1..count).map { |id| "WHEN #{id} THEN #{id * 10}" }.join(' ')
      BulkItem.where(id: 1..count).update_all(Arel.sql("value = CASE id #{cases} END"))
    end
  end

  private

  def timed(operation)
    count = query_int(:count, min: 1, max: 10_000, default: 1000)
    t0 = monotonic
    yield count
    render json: { operation: operation, count: count, elapsed_ms: elapsed_ms(t0) }
  end
end
