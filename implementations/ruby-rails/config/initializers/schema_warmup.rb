# Load every model's schema once at boot (in the Puma master when preloading; workers inherit it
# through fork): columns, primary key and table existence, so that no first request pays for the
# catalogue queries and pg_stat_statements sees only the API's own SQL.
if Rails.env.production? && ENV.fetch('SCHEMA_WARMUP', '1') == '1'
  Rails.application.config.after_initialize do
    cache = ActiveRecord::Base.connection.schema_cache
    ApplicationRecord.descendants.each do |model|
      cache.add(model.table_name)
      model.columns_hash
      model.primary_key
    end
  rescue ActiveRecord::ActiveRecordError => e
    Rails.logger.warn("schema warm-up skipped: #{e.message}")
  ensure
    ActiveRecord::Base.connection_pool.disconnect!
  end
end
