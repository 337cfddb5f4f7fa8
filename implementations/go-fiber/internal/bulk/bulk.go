// Package bulk serves scenario 12 on bulk_items: row-by-row vs batched vs single-statement
// inserts and updates.
package bulk

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the bulk endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds the cleanup and the five operations.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/bulk-operations")
	g.Delete("/cleanup", h.cleanup)
	g.Post("/insert-individual", h.operation("insert-individual", insertIndividual))
	g.Post("/insert-batch", h.operation("insert-batch", insertBatch))
	g.Post("/insert-raw", h.operation("insert-raw", insertRaw))
	g.Post("/update-individual", h.operation("update-individual", updateIndividual))
	g.Post("/update-bulk", h.operation("update-bulk", updateBulk))
}

type message struct {
	Message string `json:"message"`
}

func (h *Handlers) cleanup(c *fiber.Ctx) error {
	if _, err := h.Pool.Exec(c.UserContext(), "TRUNCATE bulk_items RESTART IDENTITY"); err != nil {
		return err
	}
	return c.JSON(message{Message: "Table truncated"})
}

type result struct {
	Operation string  `json:"operation"`
	Count     int     `json:"count"`
	ElapsedMs float64 `json:"elapsed_ms"`
}

type operation func(ctx context.Context, conn *pgxpool.Conn, count int) error

// operation runs op on one pooled connection with count (1–10000, default 1000).
func (h *Handlers) operation(name string, op operation) fiber.Handler {
	return func(c *fiber.Ctx) error {
		count, err := httpx.QueryInt(c, "count", 1000, httpx.Between(1, 10000))
		if err != nil {
			return err
		}
		start := time.Now()
		ctx := c.UserContext()
		conn, err := h.Pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer conn.Release()
		if err := op(ctx, conn, int(count)); err != nil {
			return err
		}
		return c.JSON(result{Operation: name, Count: int(count), ElapsedMs: httpx.ElapsedMs(start)})
	}
}

const insertOne = "INSERT INTO bulk_items (name, value) VALUES ($1, $2)"

// ItemName is the name of row i.
func ItemName(i int) string { return "item_" + strconv.Itoa(i) }

// insertIndividual: count INSERT statements, each in its own implicit transaction (autocommit).
func insertIndividual(ctx context.Context, conn *pgxpool.Conn, count int) error {
	for i := 0; i < count; i++ {
		if _, err := conn.Exec(ctx, insertOne, ItemName(i), i); err != nil {
			return err
		}
	}
	return nil
}

// insertBatch: the same INSERT queued count times in a pgx.Batch, sent in one round trip
// inside one transaction (BEGIN, count INSERTs, COMMIT).
func insertBatch(ctx context.Context, conn *pgxpool.Conn, count int) error {
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		batch := &pgx.Batch{}
		for i := 0; i < count; i++ {
			batch.Queue(insertOne, ItemName(i), i)
		}
		return tx.SendBatch(ctx, batch).Close()
	})
}

// InsertValuesSQL is one INSERT with count parameterised rows: VALUES ($1, $2), ($3, $4), ….
func InsertValuesSQL(count int) string {
	var b strings.Builder
	b.Grow(40 + count*16)
	b.WriteString("INSERT INTO bulk_items (name, value) VALUES ")
	for i := 0; i < count; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("($")
		b.WriteString(strconv.Itoa(2*i + 1))
		b.WriteString(", $")
		b.WriteString(strconv.Itoa(2*i + 2))
		b.WriteByte(')')
	}
	return b.String()
}

// insertRaw: one multi-row INSERT statement (autocommit).
func insertRaw(ctx context.Context, conn *pgxpool.Conn, count int) error {
	args := make([]any, 0, 2*count)
	for i := 0; i < count; i++ {
		args = append(args, ItemName(i), i)
	}
	// Sent unprepared: each count is a different statement text, not worth a cache slot.
	_, err := conn.Exec(ctx, InsertValuesSQL(count), append([]any{pgx.QueryExecModeExec}, args...)...)
	return err
}

// updateIndividual: UPDATE … SET value = id*10 for ids 1..count, one autocommitted statement each.
func updateIndividual(ctx context.Context, conn *pgxpool.Conn, count int) error {
	for id := 1; id <= count; id++ {
		if _, err := conn.Exec(ctx, "UPDATE bulk_items SET value = id * 10 WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

// UpdateCaseSQL is one UPDATE setting value per id with a CASE over count (id, value)
// parameter pairs, restricted to those ids by the last parameter (an int[]).
func UpdateCaseSQL(count int) string {
	var b strings.Builder
	b.Grow(80 + count*24)
	b.WriteString("UPDATE bulk_items SET value = CASE id")
	for i := 0; i < count; i++ {
		b.WriteString(" WHEN $")
		b.WriteString(strconv.Itoa(2*i + 1))
		b.WriteString("::int THEN $")
		b.WriteString(strconv.Itoa(2*i + 2))
		b.WriteString("::int")
	}
	b.WriteString(" END WHERE id = ANY($")
	b.WriteString(strconv.Itoa(2*count + 1))
	b.WriteString(")")
	return b.String()
}

// updateBulk: one UPDATE … CASE statement for ids 1..count with value = id*10 computed here.
func updateBulk(ctx context.Context, conn *pgxpool.Conn, count int) error {
	args := make([]any, 0, 2*count+2)
	args = append(args, pgx.QueryExecModeExec)
	ids := make([]int32, count)
	for i := 0; i < count; i++ {
		id := i + 1
		ids[i] = int32(id)
		args = append(args, id, id*10)
	}
	_, err := conn.Exec(ctx, UpdateCaseSQL(count), append(args, ids)...)
	return err
}
