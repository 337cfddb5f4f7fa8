require 'test_helper'

# The Rails application itself, served in-process through Rack::MockRequest: every request here
# is answered before any database or Redis call (routing, 404/405, parameter and body
# validation), so neither needs to run. Production settings, as the lab starts the server.
ENV['RAILS_ENV'] = 'production'
ENV['SECRET_KEY_BASE'] ||= 'test-secret-key-base'
ENV['DATABASE_URL'] ||= 'postgresql://lab@127.0.0.1:1/unused'
ENV['SCHEMA_WARMUP'] = '0'
ENV['BOOTSNAP'] = '0'
ENV['RAILS_LOG_LEVEL'] = 'unknown'
require_relative '../../config/environment'

class ErrorsTest < Minitest::Test
  Reply = Struct.new(:status, :headers, :body)

  def call(method, path, body: nil, type: nil)
    env = Rack::MockRequest.env_for('/', method: method, input: body)
    env['PATH_INFO'], env['QUERY_STRING'] = path.split('?', 2)
    env['QUERY_STRING'] ||= ''
    env['CONTENT_TYPE'] = type if type
    status, headers, chunks = Rails.application.call(env)
    text = +''
    chunks.each { |chunk| text << chunk }
    Reply.new(status, headers, text.empty? ? nil : JSON.parse(text))
  end

  def test_a_method_the_path_does_not_serve_is_405_with_allow
    { %w[TRACE /health] => 'GET, HEAD', %w[OPTIONS /health] => 'GET, HEAD', %w[PUT /health] => 'GET, HEAD',
      %w[QUERY /health] => 'GET, HEAD', %w[FOO /health] => 'GET, HEAD', %w[DELETE /echo] => 'POST',
      %w[PATCH /users] => 'GET, HEAD, POST', %w[OPTIONS /users/1] => 'GET, HEAD, PUT, DELETE',
      %w[GET /cache/users/1] => 'DELETE', %w[POST /transactions/products/1] => 'GET, HEAD',
      %w[QUERY /users/offset] => 'GET, HEAD', %w[TRACE /users/cursor] => 'GET, HEAD' }.each do |(method, path), allow|
      reply = call(method, path)
      assert_equal [405, allow, { 'detail' => 'Method Not Allowed' }], [reply.status, reply.headers['Allow'], reply.body], "#{method} #{path}"
    end
  end

  def test_an_unknown_path_is_404_whatever_the_method
    %w[GET TRACE OPTIONS QUERY].each do |method|
      reply = call(method, '/nope')
      assert_equal [404, nil, { 'detail' => 'Not Found' }], [reply.status, reply.headers['Allow'], reply.body], method
    end
  end

  def test_out_of_range_integers_nul_and_undecodable_parameters_are_422
    ['GET /cache/users/4398046511105/cached', 'GET /cache/users/0/no-cache', 'DELETE /cache/users/2147483648',
     'GET /users/4398046511105', 'GET /users/-1', 'DELETE /users/0', 'GET /transactions/products/2147483648',
     'GET /users/cursor?cursor=9544203041', 'GET /users/offset?page=1000001',
     'GET /n-plus-one/eager?offset=1124773556684887293952', 'GET /n-plus-one/lazy?offset=1000001',
     'POST /transactions/decrement/pessimistic?product_id=3&quantity=-2147483647',
     'POST /transactions/decrement/no-lock?quantity=0', 'POST /transactions/decrement/serializable?quantity=1001',
     'POST /transactions/decrement/optimistic?product_id=2147483648', 'POST /auth/login/jwt?user_id=4398046511105',
     'POST /auth/login/session?user_id=4398046511105', 'GET /search/fulltext?q=a%00b', 'GET /search/like?q=%00',
     'GET /search/like?q=%FF', 'GET /search/like?q=%ZZ', 'GET /cpu/fibonacci?n=39', 'GET /cpu/fibonacci?n=31',
     "GET /health?a#{'[b]' * 150}=1", "GET /search/like?q=x&#{(1..5000).map { |i| "p#{i}=1" }.join('&')}"].each do |target|
      method, path = target.split(' ', 2)
      reply = call(method, path)
      assert_equal 422, reply.status, target[0, 100]
      assert reply.body.key?('detail'), target[0, 100]
    end
    assert_equal({ 'n' => 27, 'result' => 196_418 }, call('GET', '/cpu/fibonacci').body)
  end

  def test_malformed_json_bodies_are_422
    [%w[POST /echo], %w[POST /users], %w[PUT /users/1]].each do |method, path|
      ['{"message":', '{nope', '[1', '"x', "{\"message\":\"\xFF\"}", '{"name":"a\u0000b","email":"a@b"}'].each do |body|
        assert_equal 422, call(method, path, body: body, type: 'application/json').status, "#{method} #{path} #{body}"
      end
    end
  end

  def test_an_upload_without_a_well_formed_file_part_is_422_no_file_uploaded
    b = 'b0undary'
    multipart = "multipart/form-data; boundary=#{b}"
    part = ->(disposition) { "--#{b}\r\nContent-Disposition: #{disposition}\r\nContent-Type: text/plain\r\n\r\nhello\r\n" }
    { 'no closing boundary' => [part.call('form-data; name="file"; filename="a.txt"'), multipart],
      'a file part cut short' => ["--#{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhel", multipart],
      'headers cut short' => ["--#{b}\r\nContent-Disposition: form-da", multipart],
      'no part at all' => ["--#{b}--\r\n", multipart],
      'garbage' => ['not multipart at all', multipart],
      'an empty body' => ['', multipart],
      'a plain field named file' => ["#{part.call('form-data; name="file"')}--#{b}--\r\n", multipart],
      'no boundary parameter' => [part.call('form-data; name="file"; filename="a.txt"'), 'multipart/form-data'],
      'a malformed JSON body' => ['{"file":', 'application/json'],
      'no Content-Type' => ['x', nil] }.each do |what, (body, type)|
      reply = call('POST', '/upload', body: body, type: type)
      assert_equal [422, { 'detail' => 'No file uploaded' }], [reply.status, reply.body], what
    end
    reply = call('POST', '/upload', body: "#{part.call('form-data; name="file"; filename="a.txt"')}--#{b}--\r\n", type: multipart)
    assert_equal({ 'filename' => 'a.txt', 'size' => 5, 'content_type' => 'text/plain' }, reply.body)
  end
end
