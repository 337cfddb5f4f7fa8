package auth

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TokenTTL is how long a JWT or a session is valid.
const TokenTTL = 1800 * time.Second

// Claims is the JWT payload: {"sub": "<user id>", "email", "exp": <unix seconds>}.
type Claims struct {
	Subject string `json:"sub"`
	Email   string `json:"email"`
	Expires int64  `json:"exp"`
}

// GetExpirationTime and the other jwt.Claims methods let the library validate exp.
func (c Claims) GetExpirationTime() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.Expires, 0)), nil
}

// GetIssuedAt is absent from these tokens.
func (c Claims) GetIssuedAt() (*jwt.NumericDate, error) { return nil, nil }

// GetNotBefore is absent from these tokens.
func (c Claims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }

// GetIssuer is absent from these tokens.
func (c Claims) GetIssuer() (string, error) { return "", nil }

// GetSubject is the user id as a string.
func (c Claims) GetSubject() (string, error) { return c.Subject, nil }

// GetAudience is absent from these tokens.
func (c Claims) GetAudience() (jwt.ClaimStrings, error) { return nil, nil }

// IssueJWT signs an HS256 token for user id with email, expiring TokenTTL after now.
func IssueJWT(secret []byte, id int32, email string, now time.Time) (string, error) {
	claims := Claims{Subject: strconv.Itoa(int(id)), Email: email, Expires: now.Add(TokenTTL).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

// ErrInvalidJWT covers every token that must be refused: bad signature, other algorithm
// (including "none"), expired, missing exp or a sub that is not an integer id.
var ErrInvalidJWT = errors.New("invalid JWT")

// VerifyJWT checks token (HS256 with secret, exp required and after now) and returns its user id.
func VerifyJWT(secret []byte, token string, now time.Time) (int64, error) {
	var claims Claims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil || claims.Expires == 0 {
		return 0, ErrInvalidJWT
	}
	id, err := strconv.ParseInt(claims.Subject, 10, 32)
	if err != nil {
		return 0, ErrInvalidJWT
	}
	return id, nil
}

// NewSessionToken is 32 random bytes, base64url without padding (43 characters).
func NewSessionToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}
