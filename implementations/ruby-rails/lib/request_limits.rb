require 'json'

# Rack middleware, inside ShowExceptions: a query string or form body over Rack's parameter limits
# (more than 4096 parameters, nesting deeper than 100, too many multipart parts) is invalid input,
# 422 {"detail": …}. ShowExceptions cannot render these errors itself: it reads the same
# parameters again to choose a response format, hits the same error and falls back to a
# plain-text 500.
class RequestLimits
  ERRORS = [
    Rack::QueryParser::QueryLimitError,
    Rack::Multipart::MultipartPartLimitError,
    Rack::Multipart::MultipartTotalPartLimitError,
  ].freeze

  def initialize(app)
    @app = app
  end

  def call(env)
    @app.call(env)
  rescue *ERRORS
    body = JSON.generate(detail: 'Invalid parameters: too many, too deeply nested or too many parts')
    [422, { 'Content-Type' => 'application/json; charset=utf-8', 'Content-Length' => body.bytesize.to_s }, [body]]
  end
end
