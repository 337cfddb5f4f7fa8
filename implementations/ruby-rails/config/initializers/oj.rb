# Oj (ruby-oj 3.14) takes over ActiveSupport's JSON encoding and JSON.generate/parse: the same
# output bytes, less CPU. USE_OJ=0 turns it off (used to measure the difference; see README).
if ENV.fetch('USE_OJ', '1') == '1'
  require 'oj'
  Oj.optimize_rails
end
# Timestamps with microseconds (PostgreSQL's precision) instead of Rails' default milliseconds.
ActiveSupport::JSON::Encoding.time_precision = 6
# Plain JSON: no \u003c-style escaping of <, > and & (this API serves no HTML).
ActiveSupport.escape_html_entities_in_json = false
