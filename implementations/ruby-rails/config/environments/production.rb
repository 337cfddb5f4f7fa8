Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.consider_all_requests_local = false
  # No public/ folder: skip ActionDispatch::Static's file lookup on every request.
  config.public_file_server.enabled = false
  # warn: no per-request lines (Rails logs requests at info); errors still reach stdout.
  config.log_level = ENV.fetch('RAILS_LOG_LEVEL', 'warn').to_sym
  config.logger = ActiveSupport::Logger.new($stdout)
  config.log_formatter = ::Logger::Formatter.new
  config.active_support.deprecation = :silence
  config.active_record.dump_schema_after_migration = false
  config.i18n.fallbacks = true
end
