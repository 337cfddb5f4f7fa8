// Package httpx holds the HTTP plumbing every handler group shares: strict integer
// parameters (422 when malformed or out of range), text PostgreSQL can store, JSON body
// decoding, the {"detail"} error body, 404/405 for unrouted requests and server-side timing.
package httpx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

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

// RowID is the range of a row id (/users/:id, user_id, product_id …): what PostgreSQL's
// integer id columns hold. Anything outside is a 422 before any query.
var RowID = Between(1, math.MaxInt32)

// MaxOffset is the largest page number or N+1 offset the contract accepts.
const MaxOffset = 1_000_000

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
// spaces, fractions, exponents or hex) within b. The second result is false when it is not,
// including text too long for an int64 (e.g. 1124773556684887293952).
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

// PathID reads the row id path parameter name (1 to 2147483647): 422 when it is not one.
func PathID(c *fiber.Ctx, name string) (int64, error) {
	return parseParam("path parameter", name, c.Params(name), RowID)
}

// StorableText checks that v can be stored in a PostgreSQL text column: valid UTF-8 without
// NUL (U+0000), which PostgreSQL refuses. Otherwise it is a 422 naming the field.
func StorableText(name, v string) error {
	if !utf8.ValidString(v) {
		return Invalid(fmt.Sprintf("%s must be valid UTF-8 text", name))
	}
	if strings.IndexByte(v, 0) >= 0 {
		return Invalid(fmt.Sprintf("%s must not contain NUL characters", name))
	}
	return nil
}

// QueryText reads the required text query parameter name with a length (in characters)
// between minLen and maxLen that PostgreSQL can store (see StorableText): 422 otherwise.
func QueryText(c *fiber.Ctx, name string, minLen, maxLen int) (string, error) {
	args := c.Context().QueryArgs()
	if !args.Has(name) {
		return "", Invalid(fmt.Sprintf("query parameter %s is required", name))
	}
	v := string(args.Peek(name))
	if err := StorableText("query parameter "+name, v); err != nil {
		return "", err
	}
	if n := utf8.RuneCountInString(v); n < minLen || n > maxLen {
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

// FitsInt4 reports whether v fits a PostgreSQL integer column; an id read from a token or a
// session that does not fit names no row.
func FitsInt4(v int64) bool { return v >= math.MinInt32 && v <= math.MaxInt32 }
