require 'test_helper'
require 'route_methods'

class RouteMethodsTest < Minitest::Test
  # Stands in for Rails.application.routes: recognize_path returns the route's parameters
  # (with :id for /users/:id) and raises for an unrouted method.
  class FakeRoutes
    RoutingError = Class.new(StandardError)

    def initialize(table) = @table = table

    def recognize_path(path, method:)
      params = @table.fetch(path, {})[method]
      raise RoutingError, "No route matches [#{method}] #{path}" unless params

      { controller: 'x', action: 'y' }.merge(params)
    end
  end

  ROUTES = FakeRoutes.new(
    '/health' => { 'GET' => {} }, '/echo' => { 'POST' => {} }, '/users' => { 'GET' => {}, 'POST' => {} },
    '/users/1' => { 'GET' => { id: '1' }, 'PUT' => { id: '1' }, 'DELETE' => { id: '1' } },
    '/users/offset' => { 'GET' => {}, 'PUT' => { id: 'offset' }, 'DELETE' => { id: 'offset' } },
  )

  def test_lists_exactly_the_methods_a_path_serves_with_head_beside_get
    assert_equal %w[GET HEAD], RouteMethods.for('/health', ROUTES)
    assert_equal %w[POST], RouteMethods.for('/echo', ROUTES)
    assert_equal %w[GET HEAD PUT DELETE], RouteMethods.for('/users/1', ROUTES)
    assert_equal %w[GET HEAD POST], RouteMethods.for('/users', ROUTES)
  end

  def test_a_literal_route_wins_over_one_with_dynamic_segments
    assert_equal %w[GET HEAD], RouteMethods.for('/users/offset', ROUTES)
  end

  def test_an_unknown_path_serves_nothing
    assert_empty RouteMethods.for('/nope', ROUTES)
  end
end
