package httpx

import (
	"errors"
	"log"

	"github.com/gofiber/fiber/v2"
)

// ErrorBody is every error response: {"detail": message}.
type ErrorBody struct {
	Detail string `json:"detail"`
}

// Invalid is a 422 with detail as its message.
func Invalid(detail string) error { return fiber.NewError(fiber.StatusUnprocessableEntity, detail) }

// NotFound is a 404 with detail as its message.
func NotFound(detail string) error { return fiber.NewError(fiber.StatusNotFound, detail) }

// Unauthorized is a 401 with detail as its message.
func Unauthorized(detail string) error { return fiber.NewError(fiber.StatusUnauthorized, detail) }

// Conflict is a 409 with detail as its message.
func Conflict(detail string) error { return fiber.NewError(fiber.StatusConflict, detail) }

// ErrorHandler renders every error as {"detail": ...}: a *fiber.Error keeps its status and
// message; anything else is a 500 and is logged (errors only, never successful requests).
//
// It also renders what Fiber's router answers when no route matched: 405 (the path exists
// under other methods; the router has already set Allow to exactly those) or 404, whose
// "Cannot GET /path" message becomes "Not Found".
func ErrorHandler(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	detail := "Internal Server Error"
	var fe *fiber.Error
	switch {
	case errors.As(err, &fe) && fe.Code == fiber.StatusNotFound && unrouted(c):
		status, detail = fe.Code, "Not Found"
	case errors.As(err, &fe):
		status, detail = fe.Code, fe.Message
	default:
		log.Printf("%s %s: %v", c.Method(), c.Path(), err)
	}
	return c.Status(status).JSON(ErrorBody{Detail: detail})
}

// unrouted reports whether no route matched the request: Fiber then hands the error handler
// a placeholder route without handlers.
func unrouted(c *fiber.Ctx) bool { return len(c.Route().Handlers) == 0 }
