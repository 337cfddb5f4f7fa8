// Package basic serves the basic group (scenarios 01–08): health, echo, users CRUD,
// the upstream call, the simulated bearer check and the upload.
package basic

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the basic endpoints need.
type Handlers struct {
	// Server is the implementation id /health reports.
	Server string
	Pool   *pgxpool.Pool
	// Upstream is the keep-alive client for GET /external.
	Upstream *http.Client
	// UpstreamURL is the stub's base URL (no trailing slash).
	UpstreamURL string
}

// Register adds the basic routes. /users/offset and /users/cursor (pagination) must be
// registered before this group's /users/:id.
func (h *Handlers) Register(r fiber.Router) {
	r.Get("/health", h.health)
	r.Post("/echo", echo)
	r.Get("/users", h.listUsers)
	r.Post("/users", h.createUser)
	r.Get("/users/:id", h.getUser)
	r.Put("/users/:id", h.updateUser)
	r.Delete("/users/:id", h.deleteUser)
	r.Get("/external", h.external)
	r.Get("/protected", protected)
	r.Post("/upload", upload)
}

type healthReply struct {
	Status string `json:"status"`
	Server string `json:"server"`
}

func (h *Handlers) health(c *fiber.Ctx) error {
	return c.JSON(healthReply{Status: "ok", Server: h.Server})
}

type echoReply struct {
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

// echo validates {message, data} and rebuilds it: extra keys are dropped, absent data is null.
func echo(c *fiber.Ctx) error {
	obj, err := httpx.DecodeObject(c.Body())
	if err != nil {
		return err
	}
	msg, err := obj.RequiredString("message")
	if err != nil {
		return err
	}
	data, err := obj.NullableObject("data")
	if err != nil {
		return err
	}
	return c.JSON(echoReply{Message: msg, Data: data})
}

type protectedReply struct {
	Message string `json:"message"`
	User    string `json:"user"`
}

// protected simulates a bearer check: header present, "Bearer " scheme, token of >= 10 chars.
func protected(c *fiber.Ctx) error {
	header := c.Get(fiber.HeaderAuthorization)
	if header == "" {
		return httpx.Unauthorized("Authorization header required")
	}
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok {
		return httpx.Unauthorized("Invalid authorization format")
	}
	if len(token) < 10 {
		return httpx.Unauthorized("Invalid token")
	}
	return c.JSON(protectedReply{Message: "Access granted", User: "user_from_token_" + token[:8]})
}

type uploadReply struct {
	Filename    string `json:"filename"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
}

// upload reports the multipart part "file": its name, byte count and declared type.
func upload(c *fiber.Ctx) error {
	file, err := c.FormFile("file")
	if err != nil {
		return httpx.Invalid("No file uploaded")
	}
	return c.JSON(uploadReply{Filename: file.Filename, Size: file.Size, ContentType: file.Header.Get("Content-Type")})
}
