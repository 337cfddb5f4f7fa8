// Package nplusone serves scenario 11: a page of authors with their posts, loaded three ways
// with identical JSON. Go has no lazy-loading ORM, so each strategy is spelled out in SQL:
// lazy = 1 + N queries, eager = 1 JOIN, subquery = 2 queries (authors, then ANY($1)).
package nplusone

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/db"
	"lab/implementations/go-fiber/internal/httpx"
)

// Post is a post nested under its author (no author_id).
type Post struct {
	ID        int32        `json:"id"`
	Title     string       `json:"title"`
	Content   *string      `json:"content"`
	ViewCount *int32       `json:"view_count"`
	CreatedAt db.Timestamp `json:"created_at"`
}

// Author is an author with its posts ORDER BY id.
type Author struct {
	ID        int32        `json:"id"`
	Name      string       `json:"name"`
	Email     string       `json:"email"`
	Bio       *string      `json:"bio"`
	CreatedAt db.Timestamp `json:"created_at"`
	Posts     []Post       `json:"posts"`
}

// AuthorPost is one row of posts with its author id, as the subquery strategy reads it.
type AuthorPost struct {
	AuthorID int32
	Post
}

// Handlers holds what the N+1 endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds the three strategies.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/n-plus-one")
	g.Get("/lazy", h.page(lazy))
	g.Get("/eager", h.page(eager))
	g.Get("/subquery", h.page(subquery))
}

type loader func(ctx context.Context, pool *pgxpool.Pool, limit, offset int64) ([]Author, error)

func (h *Handlers) page(load loader) fiber.Handler {
	return func(c *fiber.Ctx) error {
		limit, err := httpx.QueryInt(c, "limit", 20, httpx.Between(1, 100))
		if err != nil {
			return err
		}
		offset, err := httpx.QueryInt(c, "offset", 0, httpx.Between(0, httpx.MaxOffset))
		if err != nil {
			return err
		}
		authors, err := load(c.UserContext(), h.Pool, limit, offset)
		if err != nil {
			return err
		}
		return c.JSON(authors)
	}
}

const authorsPage = "SELECT id, name, email, bio, created_at FROM authors ORDER BY id OFFSET $1 LIMIT $2"

func queryAuthors(ctx context.Context, pool *pgxpool.Pool, limit, offset int64) ([]Author, error) {
	rows, err := pool.Query(ctx, authorsPage, offset, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Author, error) {
		a := Author{Posts: []Post{}}
		err := row.Scan(&a.ID, &a.Name, &a.Email, &a.Bio, &a.CreatedAt)
		return a, err
	})
}

// lazy: the authors page, then one posts query per author (1 + N statements).
func lazy(ctx context.Context, pool *pgxpool.Pool, limit, offset int64) ([]Author, error) {
	authors, err := queryAuthors(ctx, pool, limit, offset)
	if err != nil {
		return nil, err
	}
	for i := range authors {
		rows, err := pool.Query(ctx,
			"SELECT id, title, content, view_count, created_at FROM posts WHERE author_id = $1 ORDER BY id", authors[i].ID)
		if err != nil {
			return nil, err
		}
		posts, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Post, error) {
			var p Post
			err := row.Scan(&p.ID, &p.Title, &p.Content, &p.ViewCount, &p.CreatedAt)
			return p, err
		})
		if err != nil {
			return nil, err
		}
		authors[i].Posts = posts
	}
	return authors, nil
}

// eager: one statement, the authors page in a subquery LEFT JOIN posts, grouped here.
func eager(ctx context.Context, pool *pgxpool.Pool, limit, offset int64) ([]Author, error) {
	rows, err := pool.Query(ctx, `
		SELECT a.id, a.name, a.email, a.bio, a.created_at,
		       p.id, p.title, p.content, p.view_count, p.created_at
		  FROM (`+authorsPage+`) a
		  LEFT JOIN posts p ON p.author_id = a.id
		 ORDER BY a.id, p.id`, offset, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	authors := []Author{}
	for rows.Next() {
		var a Author
		var postID pgtype.Int4
		var postTitle pgtype.Text
		var p Post
		if err := rows.Scan(&a.ID, &a.Name, &a.Email, &a.Bio, &a.CreatedAt,
			&postID, &postTitle, &p.Content, &p.ViewCount, &p.CreatedAt); err != nil {
			return nil, err
		}
		if n := len(authors); n == 0 || authors[n-1].ID != a.ID {
			a.Posts = []Post{}
			authors = append(authors, a)
		}
		if postID.Valid { // a LEFT JOIN row without a post is an author with none
			p.ID, p.Title = postID.Int32, postTitle.String
			last := &authors[len(authors)-1]
			last.Posts = append(last.Posts, p)
		}
	}
	return authors, rows.Err()
}

// subquery: the authors page, then all their posts in one author_id = ANY($1) query.
func subquery(ctx context.Context, pool *pgxpool.Pool, limit, offset int64) ([]Author, error) {
	authors, err := queryAuthors(ctx, pool, limit, offset)
	if err != nil || len(authors) == 0 {
		return authors, err
	}
	ids := make([]int32, len(authors))
	for i, a := range authors {
		ids[i] = a.ID
	}
	rows, err := pool.Query(ctx,
		"SELECT author_id, id, title, content, view_count, created_at FROM posts WHERE author_id = ANY($1) ORDER BY id", ids)
	if err != nil {
		return nil, err
	}
	posts, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (AuthorPost, error) {
		var p AuthorPost
		err := row.Scan(&p.AuthorID, &p.ID, &p.Title, &p.Content, &p.ViewCount, &p.CreatedAt)
		return p, err
	})
	if err != nil {
		return nil, err
	}
	Attach(authors, posts)
	return authors, nil
}

// Attach appends each post (ordered by id) to its author, keeping that order per author.
func Attach(authors []Author, posts []AuthorPost) {
	index := make(map[int32]int, len(authors))
	for i, a := range authors {
		index[a.ID] = i
	}
	for _, p := range posts {
		if i, ok := index[p.AuthorID]; ok {
			authors[i].Posts = append(authors[i].Posts, p.Post)
		}
	}
}
