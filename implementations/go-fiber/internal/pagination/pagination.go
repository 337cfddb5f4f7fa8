// Package pagination serves scenario 09: OFFSET and keyset ("cursor") pages of
// users_pagination (100,000 rows).
package pagination

import (
	"math"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/basic"
	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the pagination endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds /users/offset and /users/cursor; call it before the /users/:id routes.
func (h *Handlers) Register(r fiber.Router) {
	r.Get("/users/offset", h.offset)
	r.Get("/users/cursor", h.cursor)
}

// RegisterOtherMethods answers the methods /users/offset and /users/cursor do not serve; call it
// after every other group. PUT and DELETE still reach /users/:id (a 422 for the id "offset"), but
// any other method gets 405 with these paths' own Allow (GET, HEAD): Fiber's router would also
// list the methods of the /users/:id routes, which match the same path.
func RegisterOtherMethods(r fiber.Router) {
	for _, path := range []string{"/users/offset", "/users/cursor"} {
		r.All(path, httpx.MethodNotAllowed(fiber.MethodGet, fiber.MethodHead))
	}
}

var sizeBounds = httpx.Between(1, 100)

type offsetPage struct {
	Items      []basic.User `json:"items"`
	Total      int64        `json:"total"`
	Page       int64        `json:"page"`
	Size       int64        `json:"size"`
	TotalPages int64        `json:"total_pages"`
}

// Offset is the OFFSET of page (1-based) at size rows per page, and false when it does
// not fit a bigint (such a page is past any table's end).
func Offset(page, size int64) (int64, bool) {
	if page-1 > (1<<63-1)/size {
		return 0, false
	}
	return (page - 1) * size, true
}

// TotalPages is ceil(total / size).
func TotalPages(total, size int64) int64 { return (total + size - 1) / size }

// offset: SELECT count(*), then ORDER BY id OFFSET (page-1)*size LIMIT size.
func (h *Handlers) offset(c *fiber.Ctx) error {
	page, err := httpx.QueryInt(c, "page", 1, httpx.Between(1, httpx.MaxOffset))
	if err != nil {
		return err
	}
	size, err := httpx.QueryInt(c, "size", 20, sizeBounds)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	var total int64
	if err := h.Pool.QueryRow(ctx, "SELECT count(*) FROM users_pagination").Scan(&total); err != nil {
		return err
	}
	items := []basic.User{}
	if off, ok := Offset(page, size); ok && off < total {
		rows, err := h.Pool.Query(ctx,
			"SELECT id, name, email, created_at FROM users_pagination ORDER BY id OFFSET $1 LIMIT $2", off, size)
		if err != nil {
			return err
		}
		if items, err = basic.CollectUsers(rows); err != nil {
			return err
		}
	}
	return c.JSON(offsetPage{Items: items, Total: total, Page: page, Size: size, TotalPages: TotalPages(total, size)})
}

type cursorPage struct {
	Items      []basic.User `json:"items"`
	NextCursor *int32       `json:"next_cursor"`
	Size       int64        `json:"size"`
}

// cursor: WHERE id > cursor ORDER BY id LIMIT size+1; the extra row only says another follows.
func (h *Handlers) cursor(c *fiber.Ctx) error {
	cursor, err := httpx.QueryInt(c, "cursor", 0, httpx.Between(0, math.MaxInt32))
	if err != nil {
		return err
	}
	size, err := httpx.QueryInt(c, "size", 20, sizeBounds)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(),
		"SELECT id, name, email, created_at FROM users_pagination WHERE id > $1::bigint ORDER BY id LIMIT $2", cursor, size+1)
	if err != nil {
		return err
	}
	items, err := basic.CollectUsers(rows)
	if err != nil {
		return err
	}
	page := cursorPage{Items: items, Size: size}
	if int64(len(items)) > size {
		page.Items = items[:size]
		page.NextCursor = &items[size-1].ID
	}
	return c.JSON(page)
}
