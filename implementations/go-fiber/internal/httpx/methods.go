package httpx

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// MethodNotAllowed is a handler answering 405 with Allow listing methods, for a path whose
// other methods Fiber's router would otherwise answer with a different Allow list.
func MethodNotAllowed(methods ...string) fiber.Handler {
	allow := strings.Join(methods, ", ")
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderAllow, allow)
		return fiber.ErrMethodNotAllowed
	}
}

// RouteUnknownMethods makes a request whose method Fiber does not know (QUERY, or any other
// token fasthttp accepts) answer like every other method its path does not serve. Fiber would
// answer it a plain-text 400 "Invalid http method" before routing; instead it is routed as
// TRACE, which no route serves, so the router answers 405 with Allow for a known path and 404
// otherwise, both through ErrorHandler. A known method costs one short comparison loop.
func RouteUnknownMethods(a *fiber.App) {
	known := a.Config().RequestMethods
	server := a.Server()
	next := server.Handler
	server.Handler = func(ctx *fasthttp.RequestCtx) {
		method := ctx.Method()
		for _, m := range known {
			if string(method) == m {
				next(ctx)
				return
			}
		}
		ctx.Request.Header.SetMethod(fiber.MethodTrace)
		next(ctx)
	}
}
