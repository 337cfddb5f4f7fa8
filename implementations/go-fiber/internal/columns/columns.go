// Package columns serves scenario 10: the first limit rows of tables of growing width and of
// each column type, every column, ORDER BY id.
package columns

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the column-overhead endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds the nine column-overhead routes.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/column-overhead")
	g.Get("/narrow", rowsHandler[NarrowRow](h.Pool,
		"SELECT id, name, email, status, created_at FROM users_narrow ORDER BY id LIMIT $1"))
	g.Get("/wide", rowsHandler[WideRow](h.Pool,
		`SELECT id, name, email, status, created_at, phone, address, city, country, postal_code, birth_date,
		        gender, occupation, company, website, bio, avatar_url, last_login, login_count, preferences
		   FROM users_wide ORDER BY id LIMIT $1`))
	g.Get("/extra-wide", rowsHandler[ExtraWideRow](h.Pool,
		`SELECT id, name, email, field_01, field_02, field_03, field_04, field_05, field_06, field_07, field_08, field_09, field_10, field_11, field_12, field_13, field_14, field_15, field_16, field_17, field_18, field_19, field_20, field_21, field_22, field_23, field_24, field_25, field_26, field_27, field_28, field_29, field_30, field_31, field_32, field_33, field_34, field_35, field_36, field_37, field_38, field_39, field_40, field_41, field_42, field_43, field_44, field_45,
		        created_at
		   FROM users_extra_wide ORDER BY id LIMIT $1`))
	g.Get("/type/int", rowsHandler[IntRow](h.Pool,
		"SELECT id, name, email, int_col_01, int_col_02, int_col_03, int_col_04, int_col_05 FROM users_type_int ORDER BY id LIMIT $1"))
	g.Get("/type/varchar", rowsHandler[VarcharRow](h.Pool,
		"SELECT id, name, email, varchar_col_01, varchar_col_02, varchar_col_03, varchar_col_04, varchar_col_05 FROM users_type_varchar ORDER BY id LIMIT $1"))
	g.Get("/type/text", rowsHandler[TextRow](h.Pool,
		"SELECT id, name, email, text_col_01, text_col_02, text_col_03, text_col_04, text_col_05 FROM users_type_text ORDER BY id LIMIT $1"))
	g.Get("/type/jsonb", rowsHandler[JsonbRow](h.Pool,
		"SELECT id, name, email, json_col_01, json_col_02, json_col_03, json_col_04, json_col_05 FROM users_type_jsonb ORDER BY id LIMIT $1"))
	g.Get("/type/timestamp", rowsHandler[TimestampRow](h.Pool,
		"SELECT id, name, email, ts_col_01, ts_col_02, ts_col_03, ts_col_04, ts_col_05 FROM users_type_timestamp ORDER BY id LIMIT $1"))
	g.Get("/type/uuid", rowsHandler[UUIDRow](h.Pool,
		"SELECT id, name, email, uuid_col_01, uuid_col_02, uuid_col_03, uuid_col_04, uuid_col_05 FROM users_type_uuid ORDER BY id LIMIT $1"))
}

// row is a row type whose pointer lists its scan targets.
type row[R any] interface {
	*R
	dest() []any
}

// rowsHandler runs query with limit (1–1000, default 100) and renders the rows as R.
func rowsHandler[R any, P row[R]](pool *pgxpool.Pool, query string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		limit, err := httpx.QueryInt(c, "limit", 100, httpx.Between(1, 1000))
		if err != nil {
			return err
		}
		rows, err := pool.Query(c.UserContext(), query, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		out := make([]R, 0, limit)
		for rows.Next() {
			var r R
			if err := rows.Scan(P(&r).dest()...); err != nil {
				return err
			}
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return c.JSON(out)
	}
}
