// Package httpx holds the HTTP plumbing every handler group shares: strict integer
// parameters (422 when malformed or out of range), JSON body decoding, the {"detail"} error
// body and server-side timing.
package httpx

import (
	"fmt"
	"math"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// MaxSafeInt is the largest integer a JSON number holds exactly (2^53 - 1); the contract's
// integer parameters stop there.
const MaxSafeInt = 1<<53 - 1

// Bounds is an inclusive range for an integer parameter.
type Bounds struct {
	Min, Max int64
}

// AnyInt accepts every safe integer.
var AnyInt = Bounds{Min: -MaxSafeInt, Max: MaxSafeInt}

// Between is the inclusive range [min, max].
func Between(min, max int64) Bounds { return Bounds{Min: min, Max: max} }

// AtLeast is the range [min, MaxSafeInt].
func AtLeast(min int64) Bounds { return Bounds{Min: min, Max: MaxSafeInt} }

// String renders the range for error messages.
func (b Bounds) String() string {
	switch {
	case b == AnyInt:
		return "an integer"
	case b.Max == MaxSafeInt:
		return fmt.Sprintf("an integer of at least %d", b.Min)
	default:
		return fmt.Sprintf("an integer between %d and %d", b.Min, b.Max)
	}
}

// ParseInt parses URL text as a decimal integer (optional minus sign, digits only: no "+",
// spaces, fractions, exponents or hex) within b. The second result is false when it is not.
func ParseInt(text string, b Bounds) (int64, bool) {
	if text == "" || text == "-" {
		return 0, false
	}
	digits := text
	if digits[0] == '-' {
		digits = digits[1:]
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil || v < -MaxSafeInt || v > MaxSafeInt || v < b.Min || v > b.Max {
		return 0, false
	}
	return v, true
}

// QueryInt reads the optional integer query parameter name: def when absent, 422 when it is
// present but not an integer in b (an empty value is present).
func QueryInt(c *fiber.Ctx, name string, def int64, b Bounds) (int64, error) {
	args := c.Context().QueryArgs()
	if !args.Has(name) {
		return def, nil
	}
	return parseParam("query parameter", name, string(args.Peek(name)), b)
}

// RequiredQueryInt reads the required integer query parameter name: 422 when absent or invalid.
func RequiredQueryInt(c *fiber.Ctx, name string, b Bounds) (int64, error) {
	args := c.Context().QueryArgs()
	if !args.Has(name) {
		return 0, Invalid(fmt.Sprintf("query parameter %s is required", name))
	}
	return parseParam("query parameter", name, string(args.Peek(name)), b)
}

// PathInt reads the integer path parameter name (any safe integer): 422 when it is not one.
func PathInt(c *fiber.Ctx, name string) (int64, error) {
	return parseParam("path parameter", name, c.Params(name), AnyInt)
}

// QueryText reads the required text query parameter name with a length (in characters)
// between minLen and maxLen: 422 when absent or outside.
func QueryText(c *fiber.Ctx, name string, minLen, maxLen int) (string, error) {
	args := c.Context().QueryArgs()
	if !args.Has(name) {
		return "", Invalid(fmt.Sprintf("query parameter %s is required", name))
	}
	v := string(args.Peek(name))
	if n := []rune(v); len(n) < minLen || len(n) > maxLen {
		return "", Invalid(fmt.Sprintf("query parameter %s must be %d to %d characters", name, minLen, maxLen))
	}
	return v, nil
}

func parseParam(kind, name, text string, b Bounds) (int64, error) {
	v, ok := ParseInt(text, b)
	if !ok {
		return 0, Invalid(fmt.Sprintf("%s %s must be %s", kind, name, b))
	}
	return v, nil
}

// FitsInt4 reports whether v fits a PostgreSQL integer column; ids outside it name no row.
func FitsInt4(v int64) bool { return v >= math.MinInt32 && v <= math.MaxInt32 }
