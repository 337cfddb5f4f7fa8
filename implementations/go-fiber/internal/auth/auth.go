// Package auth serves scenario 17: no auth, HS256 JWTs and Redis sessions, each protected
// resource reading its user from the database once.
package auth

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"lab/implementations/go-fiber/internal/db"
	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the auth endpoints need.
type Handlers struct {
	Pool   *pgxpool.Pool
	Redis  *redis.Client
	Secret []byte
}

// Register adds the five auth routes.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/auth")
	g.Get("/public", public)
	g.Post("/login/jwt", h.loginJWT)
	g.Post("/login/session", h.loginSession)
	g.Get("/protected/jwt", h.protectedJWT)
	g.Get("/protected/session", h.protectedSession)
}

const (
	userNotFound   = "User not found"
	invalidHeader  = "Invalid authorization header"
	invalidJWT     = "Invalid JWT token"
	invalidSession = "Invalid or expired session"
)

// SessionKey is the Redis key of a session token.
func SessionKey(token string) string { return "session:" + token }

type publicReply struct {
	Message       string `json:"message"`
	Authenticated bool   `json:"authenticated"`
}

func public(c *fiber.Ctx) error {
	return c.JSON(publicReply{Message: "public endpoint", Authenticated: false})
}

// findUser reads the id and email of user id; ok is false when there is none.
func (h *Handlers) findUser(ctx context.Context, id int64) (email string, ok bool, err error) {
	if !httpx.FitsInt4(id) {
		return "", false, nil
	}
	err = h.Pool.QueryRow(ctx, "SELECT email FROM users WHERE id = $1", id).Scan(&email)
	if db.IsNoRows(err) {
		return "", false, nil
	}
	return email, err == nil, err
}

// loginUser reads the required user_id query parameter and that user's email (401 when unknown).
func (h *Handlers) loginUser(c *fiber.Ctx) (int64, string, error) {
	id, err := httpx.RequiredQueryInt(c, "user_id", httpx.RowID)
	if err != nil {
		return 0, "", err
	}
	email, ok, err := h.findUser(c.UserContext(), id)
	if err != nil {
		return 0, "", err
	}
	if !ok {
		return 0, "", httpx.Unauthorized(userNotFound)
	}
	return id, email, nil
}

type jwtLoginReply struct {
	AccessToken string  `json:"access_token"`
	TokenType   string  `json:"token_type"`
	ElapsedMs   float64 `json:"elapsed_ms"`
}

func (h *Handlers) loginJWT(c *fiber.Ctx) error {
	start := time.Now()
	id, email, err := h.loginUser(c)
	if err != nil {
		return err
	}
	token, err := IssueJWT(h.Secret, int32(id), email, time.Now())
	if err != nil {
		return err
	}
	return c.JSON(jwtLoginReply{AccessToken: token, TokenType: "bearer", ElapsedMs: httpx.ElapsedMs(start)})
}

type sessionLoginReply struct {
	SessionToken string  `json:"session_token"`
	TokenType    string  `json:"token_type"`
	ElapsedMs    float64 `json:"elapsed_ms"`
}

// loginSession stores session:<token> → "<user id>" with the TTL.
func (h *Handlers) loginSession(c *fiber.Ctx) error {
	start := time.Now()
	id, _, err := h.loginUser(c)
	if err != nil {
		return err
	}
	token, err := NewSessionToken()
	if err != nil {
		return err
	}
	if err := h.Redis.Set(c.UserContext(), SessionKey(token), strconv.FormatInt(id, 10), TokenTTL).Err(); err != nil {
		return err
	}
	return c.JSON(sessionLoginReply{SessionToken: token, TokenType: "session", ElapsedMs: httpx.ElapsedMs(start)})
}

// BearerToken is the token of an "Authorization: Bearer <token>" header; false when the
// header is missing, uses another scheme or has no token.
func BearerToken(header string) (string, bool) {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || token == "" {
		return "", false
	}
	return token, true
}

type protectedReply struct {
	Message   string  `json:"message"`
	AuthType  string  `json:"auth_type"`
	UserID    int64   `json:"user_id"`
	Email     string  `json:"email"`
	ElapsedMs float64 `json:"elapsed_ms"`
}

// protected reads the authenticated user once and renders the protected resource.
func (h *Handlers) protected(c *fiber.Ctx, authType string, id int64, start time.Time) error {
	email, ok, err := h.findUser(c.UserContext(), id)
	if err != nil {
		return err
	}
	if !ok {
		return httpx.Unauthorized(userNotFound)
	}
	return c.JSON(protectedReply{
		Message: "protected resource", AuthType: authType, UserID: id, Email: email, ElapsedMs: httpx.ElapsedMs(start),
	})
}

func (h *Handlers) protectedJWT(c *fiber.Ctx) error {
	start := time.Now()
	token, ok := BearerToken(c.Get(fiber.HeaderAuthorization))
	if !ok {
		return httpx.Unauthorized(invalidHeader)
	}
	id, err := VerifyJWT(h.Secret, token, time.Now())
	if err != nil {
		return httpx.Unauthorized(invalidJWT)
	}
	return h.protected(c, "jwt", id, start)
}

func (h *Handlers) protectedSession(c *fiber.Ctx) error {
	start := time.Now()
	token, ok := BearerToken(c.Get(fiber.HeaderAuthorization))
	if !ok {
		return httpx.Unauthorized(invalidHeader)
	}
	value, err := h.Redis.Get(c.UserContext(), SessionKey(token)).Result()
	if errors.Is(err, redis.Nil) {
		return httpx.Unauthorized(invalidSession)
	}
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		return httpx.Unauthorized(invalidSession)
	}
	return h.protected(c, "session", id, start)
}
