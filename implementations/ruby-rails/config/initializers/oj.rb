# Oj (ruby-oj 3.14) takes over ActiveSupport's JSON encoding and JSON.generate/parse: the same
# output bytes, less CPU. Off by default (Rails' own encoder, as a new Rails app ships); the `oj`
# variant sets USE_OJ=1 (docs/tuning-policy.md: anything beyond the framework's defaults is a variant).
if ENV.fetch('USE_OJ', '0') == '1'
  require 'oj'
  Oj.optimize_rails
end
# Timestamps with microseconds (PostgreSQL's precision) instead of Rails' default milliseconds.
ActiveSupport::JSON::Encoding.time_precision = 6
# Plain JSON: no \u003c-style escaping of <, > and & (this API serves no HTML).
ActiveSupport.escape_html_entities_in_json = false
