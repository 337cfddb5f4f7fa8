require 'net/http'

# Scenarios 01–08 without the users table: health, echo, external, protected, upload.
class BasicController < ApplicationController
  UPSTREAM_URI = URI(ENV.fetch('UPSTREAM_URL', 'http://127.0.0.1:8001'))
  UPSTREAM_PATH = "#{UPSTREAM_URI.path.chomp('/')}/delay".freeze

  def health
    render json: { status: 'ok', server: 'ruby-rails' }
  end

  def echo
    render json: RequestBody.echo(json_body)
  end

  # GET {UPSTREAM_URL}/delay over this thread's kept-alive connection (Net::HTTP reconnects and
  # retries an idempotent GET once by itself if the server closed it in between).
  def external
    t0 = monotonic
    response = upstream.request(Net::HTTP::Get.new(UPSTREAM_PATH))
    latency = elapsed_ms(t0)
    return render(json: { detail: "Upstream answered #{response.code}" }, status: :bad_gateway) unless response.is_a?(Net::HTTPSuccess)

    render json: { source: 'upstream', latency_ms: latency, data: JSON.parse(response.body) }
  rescue IOError, SystemCallError, Net::OpenTimeout, Net::ReadTimeout, JSON::ParserError => e
    Thread.current[:lab_upstream] = nil
    render json: { detail: "Upstream error: #{e.class}" }, status: :bad_gateway
  end

  # Simulated bearer check (no verification): header present, "Bearer " prefix, token ≥ 10 chars.
  def protected_resource
    header = request.headers['Authorization']
    return unauthorized('Authorization header required') if header.nil?
    return unauthorized('Invalid authorization format') unless header.start_with?('Bearer ')

    token = header.delete_prefix('Bearer ')
    return unauthorized('Invalid token') if token.length < 10

    render json: { message: 'Access granted', user: "user_from_token_#{token[0, 8]}" }
  end

  def upload
    file = uploaded_file
    raise InvalidInput, 'No file uploaded' unless file.respond_to?(:original_filename)

    render json: { filename: file.original_filename, size: file.size, content_type: file.content_type.to_s }
  end

  private

  # The part `file` of the request body, or nil when the body cannot be read as one: Rack's
  # multipart parser raises EOFError for a body that is not well-formed (truncated, no closing
  # boundary, garbage) and its part-limit errors; Rails raises ParseError for a malformed body of
  # another type (JSON) and BadRequest for parameters it cannot decode. All mean "no file" (422).
  def uploaded_file
    request.request_parameters['file']
  rescue EOFError, Rack::Multipart::MultipartPartLimitError, Rack::Multipart::MultipartTotalPartLimitError,
         ActionDispatch::Http::Parameters::ParseError, ActionController::BadRequest
    nil
  end

  def unauthorized(detail)
    render json: { detail: detail }, status: :unauthorized
  end

  def upstream
    Thread.current[:lab_upstream] ||= Net::HTTP.new(UPSTREAM_URI.host, UPSTREAM_URI.port).tap do |http|
      http.keep_alive_timeout = 30
      http.open_timeout = 5
      http.read_timeout = 30
      http.start
    end
  end
end
