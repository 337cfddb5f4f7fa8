// Package app builds the Fiber application: production settings, the {"detail"} error
// handler and every route group of the contract.
package app

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"lab/implementations/go-fiber/internal/aggregation"
	"lab/implementations/go-fiber/internal/auth"
	"lab/implementations/go-fiber/internal/basic"
	"lab/implementations/go-fiber/internal/bulk"
	"lab/implementations/go-fiber/internal/caching"
	"lab/implementations/go-fiber/internal/columns"
	"lab/implementations/go-fiber/internal/httpx"
	"lab/implementations/go-fiber/internal/nplusone"
	"lab/implementations/go-fiber/internal/pagination"
	"lab/implementations/go-fiber/internal/search"
	"lab/implementations/go-fiber/internal/serverconfig"
	"lab/implementations/go-fiber/internal/transactions"
)

// Deps are the shared clients the handlers use.
type Deps struct {
	// Server is the implementation id /health reports.
	Server      string
	Pool        *pgxpool.Pool
	Redis       *redis.Client
	Upstream    *http.Client
	UpstreamURL string
	JWTSecret   []byte
	// Prefork runs Fiber's Prefork (SO_REUSEPORT children) instead of one process.
	Prefork bool
}

// New returns the application with every route registered. No logger or recover
// middleware: no per-request log on the hot path. A request no route matches is answered by
// Fiber's router through httpx.ErrorHandler: 405 with Allow when its path exists under other
// methods (TRACE, OPTIONS, PUT /health …), 404 otherwise.
func New(d Deps) *fiber.App {
	a := fiber.New(fiber.Config{
		AppName:               d.Server,
		DisableStartupMessage: true,
		ErrorHandler:          httpx.ErrorHandler,
		Prefork:               d.Prefork,
		// fasthttp would parse a multipart body while reading the request and answer a malformed
		// one with 400 before any handler runs; parsed on demand (c.FormFile), it is a 422.
		DisablePreParseMultipartForm: true,
		// The read buffer bounds the request line plus headers. fasthttp's 4 KiB answers a
		// multi-KB Authorization header 431; 16 KiB is Node's default header limit.
		ReadBufferSize: 16 * 1024,
	})
	// Literal /users/offset and /users/cursor first: Fiber matches in registration order.
	(&pagination.Handlers{Pool: d.Pool}).Register(a)
	(&basic.Handlers{Server: d.Server, Pool: d.Pool, Upstream: d.Upstream, UpstreamURL: d.UpstreamURL}).Register(a)
	(&columns.Handlers{Pool: d.Pool}).Register(a)
	(&nplusone.Handlers{Pool: d.Pool}).Register(a)
	(&bulk.Handlers{Pool: d.Pool}).Register(a)
	(&transactions.Handlers{Pool: d.Pool}).Register(a)
	(&caching.Handlers{Pool: d.Pool, Redis: d.Redis}).Register(a)
	(&auth.Handlers{Pool: d.Pool, Redis: d.Redis, Secret: d.JWTSecret}).Register(a)
	(&aggregation.Handlers{Pool: d.Pool}).Register(a)
	(&serverconfig.Handlers{Pool: d.Pool}).Register(a)
	(&search.Handlers{Pool: d.Pool}).Register(a)
	pagination.RegisterOtherMethods(a)
	httpx.RouteUnknownMethods(a)
	return a
}
