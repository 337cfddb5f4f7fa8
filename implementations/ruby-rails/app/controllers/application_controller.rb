# Shared by every controller: strict parameter parsing, the {"detail"} error bodies, timing.
# Parameters are read from the query string and the path only (never `params`, which would also
# parse a JSON body); JSON bodies are parsed explicitly by RequestBody.
class ApplicationController < ActionController::API
  rescue_from(InvalidInput) { |e| render json: { detail: e.detail }, status: :unprocessable_entity }
  rescue_from(ActionDispatch::Http::Parameters::ParseError) do
    render json: { detail: 'body: malformed request' }, status: :unprocessable_entity
  end

  private

  # An integer query parameter (see IntParam for the rules).
  def query_int(name, **rules)
    IntParam.parse(request.query_parameters[name.to_s], name: name.to_s, **rules)
  end

  # The row id path parameter `:id` (1 to 2147483647, else 422; unknown ids are the caller's 404).
  def path_id
    IntParam.parse(request.path_parameters[:id], name: 'id', **IntParam::ROW_ID)
  end

  def json_body
    RequestBody.object(request.raw_post)
  end

  def not_found(detail)
    render json: { detail: detail }, status: :not_found
  end

  def monotonic
    Process.clock_gettime(Process::CLOCK_MONOTONIC)
  end

  # Milliseconds since `t0` (a `monotonic` reading), rounded to 2 decimals.
  def elapsed_ms(t0)
    ((monotonic - t0) * 1000).round(2)
  end

  # One Redis client per Puma thread, created lazily (after the fork when Puma runs workers).
  def redis
    Thread.current[:lab_redis] ||= Redis.new(url: ENV.fetch('REDIS_URL', 'redis://127.0.0.1:6379/0'))
  end
end
