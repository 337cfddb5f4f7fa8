require 'jwt'

# HS256 access tokens with the contract's claims: {"sub": "<user id>", "email", "exp": now + 1800}.
module AuthToken
  TTL_SECONDS = 1800
  ALGORITHM = 'HS256'

  module_function

  def secret
    ENV.fetch('JWT_SECRET', 'benchmark-secret-key-12345')
  end

  def claims(user_id, email, now: Time.now)
    { sub: user_id.to_s, email: email, exp: now.to_i + TTL_SECONDS }
  end

  def issue(user_id, email, now: Time.now, key: secret)
    JWT.encode(claims(user_id, email, now: now), key, ALGORITHM)
  end

  # The verified claims (signature, algorithm HS256 only, exp), or nil for any bad token.
  def verify(token, key: secret)
    payload, = JWT.decode(token, key, true, algorithm: ALGORITHM)
    payload
  rescue JWT::DecodeError
    nil
  end

  # The token of `Authorization: Bearer <token>`, or nil when the header is missing or malformed.
  def bearer(header)
    return nil unless header.is_a?(String) && header.start_with?('Bearer ')

    token = header.delete_prefix('Bearer ')
    token.empty? ? nil : token
  end
end
