require 'test_helper'
require 'base64'
require 'json'
require 'auth_token'

class AuthTokenTest < Minitest::Test
  KEY = 'benchmark-secret-key-12345'
  NOW = Time.at(1_700_000_000)

  def test_claims_are_sub_as_string_email_and_integer_exp
    assert_equal({ sub: '7', email: 'u@x', exp: 1_700_001_800 }, AuthToken.claims(7, 'u@x', now: NOW))
  end

  def test_issue_signs_hs256_and_verify_round_trips
    token = AuthToken.issue(7, 'u@x', key: KEY)
    header = JSON.parse(Base64.urlsafe_decode64(token.split('.').first))
    assert_equal 'HS256', header['alg']
    claims = AuthToken.verify(token, key: KEY)
    assert_equal '7', claims['sub']
    assert_kind_of Integer, claims['exp']
  end

  def test_verify_rejects_tampered_unsigned_expired_and_foreign_tokens
    token = AuthToken.issue(7, 'u@x', key: KEY)
    header, payload, signature = token.split('.')
    tampered = [header, Base64.urlsafe_encode64('{"sub":"2","email":"u@x","exp":9999999999}', padding: false), signature].join('.')
    unsigned = "#{Base64.urlsafe_encode64('{"alg":"none","typ":"JWT"}', padding: false)}.#{payload}."
    expired = AuthToken.issue(7, 'u@x', now: Time.now - 3600, key: KEY)
    [tampered, unsigned, expired, AuthToken.issue(7, 'u@x', key: 'other'), 'garbage'].each do |bad|
      assert_nil AuthToken.verify(bad, key: KEY), bad
    end
  end

  def test_bearer_extracts_the_token
    assert_equal 'abc', AuthToken.bearer('Bearer abc')
    [nil, 'abc', 'Basic abc', 'Bearer ', 'bearer abc'].each { |h| assert_nil AuthToken.bearer(h), h.inspect }
  end
end
