// Package serverconfig serves the server-configuration endpoints: I/O waits, CPU work
// (recursion, bcrypt, JSON) and a report computed in Go from one query.
package serverconfig

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/crypto/bcrypt"

	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the server-configuration endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds the six routes.
func (h *Handlers) Register(r fiber.Router) {
	r.Get("/io/sleep", sleep)
	r.Get("/io/db", h.ioDB)
	r.Get("/cpu/fibonacci", fibonacci)
	r.Get("/cpu/hash", hash)
	r.Get("/cpu/json-serialize", jsonSerialize)
	r.Get("/mixed/report", h.mixedReport)
}

type sleepReply struct {
	Status string  `json:"status"`
	Slept  float64 `json:"slept"`
}

// sleep waits 100 ms. fasthttp serves each connection on its own goroutine, so the sleep
// parks only this goroutine (the runtime's timer wakes it); other requests keep running.
func sleep(c *fiber.Ctx) error {
	time.Sleep(100 * time.Millisecond)
	return c.JSON(sleepReply{Status: "ok", Slept: 0.1})
}

const authorTotalsSQL = `
	SELECT a.id, a.name, a.email, count(p.id), coalesce(sum(p.view_count), 0)::bigint
	  FROM authors a LEFT JOIN posts p ON p.author_id = a.id
	 GROUP BY a.id ORDER BY a.id`

func authorTotals(ctx context.Context, pool *pgxpool.Pool) ([]AuthorTotals, error) {
	rows, err := pool.Query(ctx, authorTotalsSQL)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (AuthorTotals, error) {
		var a AuthorTotals
		err := row.Scan(&a.ID, &a.Name, &a.Email, &a.PostCount, &a.TotalViews)
		return a, err
	})
}

type ioDBReply struct {
	Count   int            `json:"count"`
	Authors []AuthorTotals `json:"authors"`
}

// ioDB: every author with post totals, one LEFT JOIN … GROUP BY query.
func (h *Handlers) ioDB(c *fiber.Ctx) error {
	authors, err := authorTotals(c.UserContext(), h.Pool)
	if err != nil {
		return err
	}
	return c.JSON(ioDBReply{Count: len(authors), Authors: authors})
}

type fibReply struct {
	N      int64 `json:"n"`
	Result int64 `json:"result"`
}

// fibonacci computes fib(n) (1–30, default 27) on the request goroutine.
func fibonacci(c *fiber.Ctx) error {
	n, err := httpx.QueryInt(c, "n", 27, httpx.Between(1, 30))
	if err != nil {
		return err
	}
	return c.JSON(fibReply{N: n, Result: Fibonacci(int(n))})
}

type hashReply struct {
	Status     string `json:"status"`
	HashLength int    `json:"hash_length"`
}

// BcryptCost is the work factor of /cpu/hash.
const BcryptCost = 12

func hash(c *fiber.Ctx) error {
	h, err := bcrypt.GenerateFromPassword([]byte("benchmark-password"), BcryptCost)
	if err != nil {
		return err
	}
	return c.JSON(hashReply{Status: "ok", HashLength: len(h)})
}

type serializeReply struct {
	Status string `json:"status"`
	Items  int    `json:"items"`
	Bytes  int    `json:"bytes"`
}

// JSONItems is the number of objects /cpu/json-serialize builds.
const JSONItems = 10_000

func jsonSerialize(c *fiber.Ctx) error {
	items := Items(JSONItems)
	n, err := SerializedBytes(items)
	if err != nil {
		return err
	}
	return c.JSON(serializeReply{Status: "ok", Items: len(items), Bytes: n})
}

// mixedReport: per-author totals from the database, the summary and top lists computed in Go.
func (h *Handlers) mixedReport(c *fiber.Ctx) error {
	authors, err := authorTotals(c.UserContext(), h.Pool)
	if err != nil {
		return err
	}
	return c.JSON(BuildReport(authors))
}
