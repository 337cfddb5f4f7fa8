require 'json'

# config.exceptions_app: what Rails renders for errors raised outside an action's rescue_from
# (unknown routes, malformed bodies, unexpected exceptions), always as {"detail": <reason>}.
module ErrorsApp
  module_function

  def call(env)
    status = env['PATH_INFO'].to_s.delete_prefix('/').to_i
    status = 500 if status < 400
    body = JSON.generate(detail: Rack::Utils::HTTP_STATUS_CODES.fetch(status, 'Error'))
    [status, { 'Content-Type' => 'application/json; charset=utf-8', 'Content-Length' => body.bytesize.to_s }, [body]]
  end
end
