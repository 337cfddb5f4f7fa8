require 'json'
require_relative 'route_methods'

# config.exceptions_app: what Rails renders for errors raised outside an action's rescue_from
# (unknown routes, malformed bodies, unexpected exceptions), always as {"detail": <reason>}.
#
# A routing miss (404) or an unknown method (405) on a path the application serves under other
# methods is answered 405 {"detail":"Method Not Allowed"} with Allow listing exactly those
# methods; an unknown path stays 404.
module ErrorsApp
  module_function

  def call(env)
    status = env['PATH_INFO'].to_s.delete_prefix('/').to_i
    status = 500 if status < 400
    headers = { 'Content-Type' => 'application/json; charset=utf-8' }
    if [404, 405].include?(status)
      allowed = RouteMethods.for(env['action_dispatch.original_path'].to_s, Rails.application.routes)
      status = allowed.empty? ? 404 : 405
      headers['Allow'] = allowed.join(', ') unless allowed.empty?
    end
    body = JSON.generate(detail: Rack::Utils::HTTP_STATUS_CODES.fetch(status, 'Error'))
    [status, headers.merge('Content-Length' => body.bytesize.to_s), [body]]
  end
end
