// Package search serves scenario 19: literal substring search (ILIKE) and full-text search
// on posts.
package search

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the search endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds /search/like and /search/fulltext.
func (h *Handlers) Register(r fiber.Router) {
	r.Get("/search/like", h.like)
	r.Get("/search/fulltext", h.fulltext)
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// LikePattern is %q% with \, % and _ escaped so ILIKE matches them literally (PostgreSQL's
// default LIKE escape character is \).
func LikePattern(q string) string { return "%" + likeEscaper.Replace(q) + "%" }

// query reads q (1–100 characters) and limit (1–100, default 20).
func query(c *fiber.Ctx) (string, int64, error) {
	q, err := httpx.QueryText(c, "q", 1, 100)
	if err != nil {
		return "", 0, err
	}
	limit, err := httpx.QueryInt(c, "limit", 20, httpx.Between(1, 100))
	return q, limit, err
}

type hit struct {
	ID       int32  `json:"id"`
	AuthorID int32  `json:"author_id"`
	Title    string `json:"title"`
}

func (h *Handlers) like(c *fiber.Ctx) error {
	q, limit, err := query(c)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(),
		"SELECT id, author_id, title FROM posts WHERE title ILIKE $1 OR content ILIKE $1 ORDER BY id LIMIT $2",
		LikePattern(q), limit)
	if err != nil {
		return err
	}
	hits, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (hit, error) {
		var x hit
		err := row.Scan(&x.ID, &x.AuthorID, &x.Title)
		return x, err
	})
	if err != nil {
		return err
	}
	return c.JSON(hits)
}

type rankedHit struct {
	ID       int32   `json:"id"`
	AuthorID int32   `json:"author_id"`
	Title    string  `json:"title"`
	Rank     float32 `json:"rank"`
}

// fulltext: search_vector @@ plainto_tsquery('english', q) ORDER BY ts_rank DESC, id.
func (h *Handlers) fulltext(c *fiber.Ctx) error {
	q, limit, err := query(c)
	if err != nil {
		return err
	}
	rows, err := h.Pool.Query(c.UserContext(), `
		SELECT id, author_id, title, ts_rank(search_vector, query) AS rank
		  FROM posts, plainto_tsquery('english', $1) AS query
		 WHERE search_vector @@ query
		 ORDER BY rank DESC, id LIMIT $2`, q, limit)
	if err != nil {
		return err
	}
	hits, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (rankedHit, error) {
		var x rankedHit
		err := row.Scan(&x.ID, &x.AuthorID, &x.Title, &x.Rank)
		return x, err
	})
	if err != nil {
		return err
	}
	return c.JSON(hits)
}
