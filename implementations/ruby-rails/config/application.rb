require_relative 'boot'
require 'rails'
require 'active_model/railtie'
require 'active_record/railtie'
require 'action_controller/railtie'
Bundler.require(*Rails.groups)
require_relative '../lib/buffered_content_length'
require_relative '../lib/request_limits'

module LabApi
  # API-only Rails 6.1: ActiveRecord + ActionController, nothing else (no mailer, jobs, cable, views).
  class Application < Rails::Application
    config.load_defaults 6.1
    config.api_only = true
    config.time_zone = 'UTC'
    config.active_record.default_timezone = :utc
    # Every error the framework renders itself (unknown route, malformed JSON …) is {"detail": …}.
    config.middleware.insert_before 0, BufferedContentLength
    config.exceptions_app = ->(env) { ErrorsApp.call(env) }
    # Malformed JSON bodies and parameters Rails cannot decode (invalid %-encoding or UTF-8) are
    # invalid input (422), not 400.
    config.action_dispatch.rescue_responses['ActionDispatch::Http::Parameters::ParseError'] = :unprocessable_entity
    config.action_dispatch.rescue_responses['ActionController::BadRequest'] = :unprocessable_entity
    # So are parameters over Rack's limits (count, nesting depth, multipart parts): lib/request_limits.rb.
    config.middleware.insert_after ActionDispatch::ShowExceptions, RequestLimits
  end
end
