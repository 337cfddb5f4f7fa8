ENV['BUNDLE_GEMFILE'] ||= File.expand_path('../Gemfile', __dir__)
require 'bundler/setup'
require 'bootsnap/setup' if ENV.fetch('BOOTSNAP', '1') == '1' && ENV['RAILS_ENV'] == 'production'
