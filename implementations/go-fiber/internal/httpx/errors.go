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

// ErrorHandler renders every error a handler returns as {"detail": ...}: a *fiber.Error
// keeps its status and message; anything else is a 500 and is logged (errors only, never
// successful requests).
func ErrorHandler(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	detail := "Internal Server Error"
	var fe *fiber.Error
	if errors.As(err, &fe) {
		status, detail = fe.Code, fe.Message
	} else {
		log.Printf("%s %s: %v", c.Method(), c.Path(), err)
	}
	return c.Status(status).JSON(ErrorBody{Detail: detail})
}
