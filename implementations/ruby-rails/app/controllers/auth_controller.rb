require 'securerandom'

# Scenario 17: no auth, HS256 JWT (stateless) and Redis sessions (one lookup per request).
class AuthController < ApplicationController
  SESSION_TTL_SECONDS = 1800
  INVALID_HEADER = 'Invalid authorization header'
  USER_NOT_FOUND = 'User not found'

  def public_endpoint
    render json: { message: 'public endpoint', authenticated: false }
  end

  def login_jwt
    t0 = monotonic
    user = User.find_by(id: query_int(:user_id, **IntParam::ROW_ID))
    return unauthorized(USER_NOT_FOUND) unless user

    render json: { access_token: AuthToken.issue(user.id, user.email), token_type: 'bearer', elapsed_ms: elapsed_ms(t0) }
  end

  # 32 random bytes, base64url without padding (43 characters), stored as session:<token> → "<id>".
  def login_session
    t0 = monotonic
    user = User.find_by(id: query_int(:user_id, **IntParam::ROW_ID))
    return unauthorized(USER_NOT_FOUND) unless user

    token = SecureRandom.urlsafe_base64(32)
    redis.setex("session:#{token}", SESSION_TTL_SECONDS, user.id.to_s)
    render json: { session_token: token, token_type: 'session', elapsed_ms: elapsed_ms(t0) }
  end

  def protected_jwt
    t0 = monotonic
    token = AuthToken.bearer(request.headers['Authorization'])
    return unauthorized(INVALID_HEADER) unless token

    claims = AuthToken.verify(token)
    return unauthorized('Invalid JWT token') unless claims

    protected_body('jwt', claims['sub'], t0)
  end

  def protected_session
    t0 = monotonic
    token = AuthToken.bearer(request.headers['Authorization'])
    return unauthorized(INVALID_HEADER) unless token

    user_id = redis.get("session:#{token}")
    return unauthorized('Invalid or expired session') unless user_id

    protected_body('session', user_id, t0)
  end

  private

  # One database read of the token's user, then the protected resource.
  def protected_body(auth_type, user_id, t0)
    user = IntParam::PATTERN.match?(user_id.to_s) && User.find_by(id: user_id.to_i)
    return unauthorized(USER_NOT_FOUND) unless user

    render json: { message: 'protected resource', auth_type: auth_type, user_id: user.id, email: user.email,
                   elapsed_ms: elapsed_ms(t0) }
  end

  def unauthorized(detail)
    render json: { detail: detail }, status: :unauthorized
  end
end
