# The HTTP methods the application's routes serve for a path, for the Allow header of a 405.
# Rails has no 405 of its own: a known path requested with another method is a routing miss
# (404), and a method Rails does not know (QUERY …) is UnknownHttpMethod (405 without Allow);
# ErrorsApp asks this module which methods the path does serve.
module RouteMethods
  # Every method a route here is declared with; HEAD is answered by the GET routes.
  VERBS = %w[GET POST PUT PATCH DELETE].freeze

  module_function

  # `routes` answers recognize_path(path, method:) with the route's parameters
  # (Rails.application.routes) and raises for a path it does not route with that method.
  # Returns e.g. ["GET", "HEAD"], or [] for an unknown path. A literal route wins over one with
  # dynamic segments, as in the contract: /users/offset lists GET only, although PUT and DELETE
  # reach /users/:id with the id "offset".
  def for(path, routes)
    found = VERBS.to_h { |verb| [verb, recognize(routes, path, verb)] }.compact
    literal = found.reject { |_verb, params| dynamic?(params) }
    allowed = (literal.empty? ? found : literal).keys
    allowed.insert(1, 'HEAD') if allowed.first == 'GET'
    allowed
  end

  def recognize(routes, path, verb)
    routes.recognize_path(path, method: verb)
  rescue StandardError # ActionController::RoutingError, or a path the router cannot even parse
    nil
  end

  # Parameters beyond controller and action come from dynamic segments (:id, *kind).
  def dynamic?(params)
    (params.keys.map(&:to_sym) - %i[controller action]).any?
  end
end
