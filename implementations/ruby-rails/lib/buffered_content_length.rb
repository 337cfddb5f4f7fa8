# Rack middleware: every response carries Content-Length. Rails' response body is not an Array,
# so Puma would otherwise send `Transfer-Encoding: chunked`, which the contract reports (and which
# costs an extra write per response). Bodies here are small, complete JSON strings.
class BufferedContentLength
  NO_BODY = Rack::Utils::STATUS_WITH_NO_ENTITY_BODY

  def initialize(app)
    @app = app
  end

  def call(env)
    status, headers, body = @app.call(env)
    return [status, headers, body] if NO_BODY.key?(status.to_i) || headers.key?('Content-Length')

    parts = []
    length = 0
    body.each do |part|
      parts << part
      length += part.bytesize
    end
    body.close if body.respond_to?(:close)
    headers['Content-Length'] = length.to_s
    [status, headers, parts]
  end
end
