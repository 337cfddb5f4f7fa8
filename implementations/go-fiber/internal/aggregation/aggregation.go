// Package aggregation serves scenario 18: counts and grouped statistics, each in two styles.
// pgx has no ORM, so "orm" is written the way an ORM issues it (one query per aggregate,
// plain GROUP BY with the averages converted in Go) and "raw" as one hand-tuned statement.
package aggregation

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the aggregation endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds the six aggregation routes.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/aggregation")
	g.Get("/count/orm", h.countORM)
	g.Get("/count/raw", h.countRaw)
	g.Get("/stats/country/orm", h.countryORM)
	g.Get("/stats/country/raw", h.countryRaw)
	g.Get("/stats/author/orm", h.authorORM)
	g.Get("/stats/author/raw", h.authorRaw)
}

type counts struct {
	CountStar           int64 `json:"count_star"`
	CountID             int64 `json:"count_id"`
	CountDistinctStatus int64 `json:"count_distinct_status"`
}

// countORM: three separate count queries, as an ORM's count()/count(field)/distinct().count() issue them.
func (h *Handlers) countORM(c *fiber.Ctx) error {
	ctx := c.UserContext()
	var out counts
	for _, q := range []struct {
		sql string
		dst *int64
	}{
		{"SELECT count(*) FROM users_wide", &out.CountStar},
		{"SELECT count(id) FROM users_wide", &out.CountID},
		{"SELECT count(DISTINCT status) FROM users_wide", &out.CountDistinctStatus},
	} {
		if err := h.Pool.QueryRow(ctx, q.sql).Scan(q.dst); err != nil {
			return err
		}
	}
	return c.JSON(out)
}

// countRaw: the three counts in one statement.
func (h *Handlers) countRaw(c *fiber.Ctx) error {
	var out counts
	err := h.Pool.QueryRow(c.UserContext(),
		"SELECT count(*), count(id), count(DISTINCT status) FROM users_wide").
		Scan(&out.CountStar, &out.CountID, &out.CountDistinctStatus)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func statsLimit(c *fiber.Ctx) (int64, error) {
	return httpx.QueryInt(c, "limit", 10, httpx.Between(1, 100))
}

type countryStats struct {
	Country     *string `json:"country"`
	UserCount   int64   `json:"user_count"`
	TotalLogins int64   `json:"total_logins"`
	AvgLogins   float64 `json:"avg_logins"`
}

// countryORM: GROUP BY country with the ORM's default types (SUM nullable, AVG numeric,
// converted in Go).
func (h *Handlers) countryORM(c *fiber.Ctx) error {
	limit, err := statsLimit(c)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(), `
		SELECT country, count(id) AS user_count, sum(login_count) AS total_logins, avg(login_count) AS avg_logins
		  FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT $1`, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	out := []countryStats{}
	for rows.Next() {
		var s countryStats
		var total pgtype.Int8
		var avg pgtype.Numeric
		if err := rows.Scan(&s.Country, &s.UserCount, &total, &avg); err != nil {
			return err
		}
		s.TotalLogins = total.Int64
		if s.AvgLogins, err = numericFloat(avg); err != nil {
			return err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return c.JSON(out)
}

// countryRaw: one hand-written statement that returns the final types (bigint, float8).
func (h *Handlers) countryRaw(c *fiber.Ctx) error {
	limit, err := statsLimit(c)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(), `
		SELECT country, count(*), coalesce(sum(login_count), 0)::bigint, coalesce(avg(login_count), 0)::float8
		  FROM users_wide GROUP BY country ORDER BY 2 DESC, country LIMIT $1`, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	out := []countryStats{}
	for rows.Next() {
		var s countryStats
		if err := rows.Scan(&s.Country, &s.UserCount, &s.TotalLogins, &s.AvgLogins); err != nil {
			return err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return c.JSON(out)
}

type authorStats struct {
	AuthorID   int32   `json:"author_id"`
	AuthorName string  `json:"author_name"`
	PostCount  int64   `json:"post_count"`
	TotalViews int64   `json:"total_views"`
	AvgViews   float64 `json:"avg_views"`
}

// authorORM: authors JOIN posts GROUP BY author with the ORM's default types.
func (h *Handlers) authorORM(c *fiber.Ctx) error {
	limit, err := statsLimit(c)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(), `
		SELECT authors.id, authors.name, count(posts.id) AS post_count, sum(posts.view_count) AS total_views,
		       avg(posts.view_count) AS avg_views
		  FROM authors JOIN posts ON posts.author_id = authors.id
		 GROUP BY authors.id, authors.name ORDER BY post_count DESC, authors.id LIMIT $1`, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	out := []authorStats{}
	for rows.Next() {
		var s authorStats
		var total pgtype.Int8
		var avg pgtype.Numeric
		if err := rows.Scan(&s.AuthorID, &s.AuthorName, &s.PostCount, &total, &avg); err != nil {
			return err
		}
		s.TotalViews = total.Int64
		if s.AvgViews, err = numericFloat(avg); err != nil {
			return err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return c.JSON(out)
}

// authorRaw: one hand-written statement with the final types.
func (h *Handlers) authorRaw(c *fiber.Ctx) error {
	limit, err := statsLimit(c)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(), `
		SELECT a.id, a.name, count(p.id), coalesce(sum(p.view_count), 0)::bigint, avg(p.view_count)::float8
		  FROM authors a JOIN posts p ON p.author_id = a.id
		 GROUP BY a.id ORDER BY 3 DESC, a.id LIMIT $1`, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	out := []authorStats{}
	for rows.Next() {
		var s authorStats
		if err := rows.Scan(&s.AuthorID, &s.AuthorName, &s.PostCount, &s.TotalViews, &s.AvgViews); err != nil {
			return err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return c.JSON(out)
}

// numericFloat converts a NUMERIC average (NULL → 0) to a float64.
func numericFloat(n pgtype.Numeric) (float64, error) {
	if !n.Valid {
		return 0, nil
	}
	v, err := n.Float64Value()
	return v.Float64, err
}
