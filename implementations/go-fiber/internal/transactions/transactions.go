// Package transactions serves scenario 13: four ways to decrement a product's stock under
// concurrency (no lock, SELECT … FOR UPDATE, version check, SERIALIZABLE).
package transactions

import (
	"context"
	"math"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"lab/implementations/go-fiber/internal/db"
	"lab/implementations/go-fiber/internal/httpx"
)

// Handlers holds what the transaction endpoints need.
type Handlers struct {
	Pool *pgxpool.Pool
}

// Register adds the product read, the reset and the four decrements.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/transactions")
	g.Get("/products/:id", h.product)
	g.Post("/reset", h.reset)
	g.Post("/decrement/no-lock", h.decrement("no-lock", noLock))
	g.Post("/decrement/pessimistic", h.decrement("pessimistic", pessimistic))
	g.Post("/decrement/optimistic", h.decrement("optimistic", optimistic))
	g.Post("/decrement/serializable", h.decrement("serializable", serializable))
}

const productNotFound = "Product not found"

// errNotFound is returned by a strategy when the product does not exist.
var errNotFound = httpx.NotFound(productNotFound)

type product struct {
	ID        int32        `json:"id"`
	Name      string       `json:"name"`
	Stock     int32        `json:"stock"`
	Version   int32        `json:"version"`
	UpdatedAt db.Timestamp `json:"updated_at"`
}

func (h *Handlers) product(c *fiber.Ctx) error {
	id, err := httpx.PathID(c, "id")
	if err != nil {
		return err
	}
	var p product
	err = h.Pool.QueryRow(c.UserContext(), "SELECT id, name, stock, version, updated_at FROM products WHERE id = $1", id).
		Scan(&p.ID, &p.Name, &p.Stock, &p.Version, &p.UpdatedAt)
	if db.IsNoRows(err) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	return c.JSON(p)
}

type message struct {
	Message string `json:"message"`
}

func (h *Handlers) reset(c *fiber.Ctx) error {
	if _, err := h.Pool.Exec(c.UserContext(), "UPDATE products SET stock = 1000, version = 0, updated_at = NOW()"); err != nil {
		return err
	}
	return c.JSON(message{Message: "All stocks reset to 1000"})
}

// Outcome is what a strategy reports; failed attempts are data, not errors.
type Outcome struct {
	Success  bool
	OldStock int64
	NewStock int64
	Retries  int64
	Error    *string
}

type result struct {
	Success   bool    `json:"success"`
	Method    string  `json:"method"`
	ProductID int64   `json:"product_id"`
	OldStock  int64   `json:"old_stock"`
	NewStock  int64   `json:"new_stock"`
	Retries   int64   `json:"retries"`
	ElapsedMs float64 `json:"elapsed_ms"`
	Error     *string `json:"error"`
}

// MaxQuantity is the largest amount one decrement subtracts.
const MaxQuantity = 1000

// errStockOutOfRange is the answer to a decrement that would take the stock below what
// products.stock (a PostgreSQL integer) holds.
var errStockOutOfRange = httpx.Invalid("Stock out of range")

// decremented is stock - quantity, or errStockOutOfRange when the integer column cannot hold
// it. Every strategy checks it before its UPDATE, so nothing changes (a transaction rolls back).
func decremented(stock, quantity int64) (int64, error) {
	next := stock - quantity
	if next < math.MinInt32 || next > math.MaxInt32 {
		return 0, errStockOutOfRange
	}
	return next, nil
}

// request is one decrement: which product, by how much, and (optimistic) how often to retry.
type request struct {
	productID  int32
	quantity   int64
	maxRetries int64
}

type strategy func(ctx context.Context, pool *pgxpool.Pool, req request) (Outcome, error)

func (h *Handlers) decrement(method string, run strategy) fiber.Handler {
	return func(c *fiber.Ctx) error {
		productID, err := httpx.QueryInt(c, "product_id", 1, httpx.RowID)
		if err != nil {
			return err
		}
		quantity, err := httpx.QueryInt(c, "quantity", 1, httpx.Between(1, MaxQuantity))
		if err != nil {
			return err
		}
		var maxRetries int64
		if method == "optimistic" {
			if maxRetries, err = httpx.QueryInt(c, "max_retries", 5, httpx.Between(0, 100)); err != nil {
				return err
			}
		}
		start := time.Now()
		out, err := run(c.UserContext(), h.Pool, request{productID: int32(productID), quantity: quantity, maxRetries: maxRetries})
		if err != nil {
			return err
		}
		return c.JSON(result{
			Success: out.Success, Method: method, ProductID: productID, OldStock: out.OldStock, NewStock: out.NewStock,
			Retries: out.Retries, ElapsedMs: httpx.ElapsedMs(start), Error: out.Error,
		})
	}
}

// readStock scans the product's stock from row; errNotFound when there is none.
func readStock(row pgx.Row) (int64, error) {
	var stock int64
	if err := row.Scan(&stock); err != nil {
		if db.IsNoRows(err) {
			return 0, errNotFound
		}
		return 0, err
	}
	return stock, nil
}

const writeStock = "UPDATE products SET stock = $2, updated_at = NOW() WHERE id = $1"

// noLock reads, computes in Go and writes the absolute value: concurrent callers lose updates.
func noLock(ctx context.Context, pool *pgxpool.Pool, req request) (Outcome, error) {
	old, err := readStock(pool.QueryRow(ctx, "SELECT stock FROM products WHERE id = $1", req.productID))
	if err != nil {
		return Outcome{}, err
	}
	stock, err := decremented(old, req.quantity)
	if err != nil {
		return Outcome{}, err
	}
	if _, err := pool.Exec(ctx, writeStock, req.productID, stock); err != nil {
		return Outcome{}, err
	}
	return Outcome{Success: true, OldStock: old, NewStock: stock}, nil
}

// pessimistic locks the row with SELECT … FOR UPDATE inside a transaction, then writes.
func pessimistic(ctx context.Context, pool *pgxpool.Pool, req request) (Outcome, error) {
	var out Outcome
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		old, err := readStock(tx.QueryRow(ctx, "SELECT stock FROM products WHERE id = $1 FOR UPDATE", req.productID))
		if err != nil {
			return err
		}
		stock, err := decremented(old, req.quantity)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, writeStock, req.productID, stock); err != nil {
			return err
		}
		out = Outcome{Success: true, OldStock: old, NewStock: stock}
		return nil
	})
	return out, err
}

// optimistic reads stock and version, then updates WHERE version is unchanged; a lost race is
// retried at once (no back-off) up to maxRetries times.
func optimistic(ctx context.Context, pool *pgxpool.Pool, req request) (Outcome, error) {
	var old int64
	for attempt := int64(0); attempt <= req.maxRetries; attempt++ {
		var version int32
		err := pool.QueryRow(ctx, "SELECT stock, version FROM products WHERE id = $1", req.productID).Scan(&old, &version)
		if db.IsNoRows(err) {
			return Outcome{}, errNotFound
		}
		if err != nil {
			return Outcome{}, err
		}
		stock, err := decremented(old, req.quantity)
		if err != nil {
			return Outcome{}, err
		}
		tag, err := pool.Exec(ctx,
			"UPDATE products SET stock = $2, version = version + 1, updated_at = NOW() WHERE id = $1 AND version = $3",
			req.productID, stock, version)
		if err != nil {
			return Outcome{}, err
		}
		if tag.RowsAffected() == 1 {
			return Outcome{Success: true, OldStock: old, NewStock: stock, Retries: attempt}, nil
		}
	}
	msg := "Max retries exceeded"
	return Outcome{OldStock: old, NewStock: old, Retries: req.maxRetries, Error: &msg}, nil
}

// serializable runs read and write in a SERIALIZABLE transaction; a serialization failure
// (SQLSTATE 40001, at any statement or at COMMIT) is reported as success:false, not retried.
func serializable(ctx context.Context, pool *pgxpool.Pool, req request) (Outcome, error) {
	var out Outcome
	err := pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{IsoLevel: pgx.Serializable}, func(tx pgx.Tx) error {
		old, err := readStock(tx.QueryRow(ctx, "SELECT stock FROM products WHERE id = $1", req.productID))
		if err != nil {
			return err
		}
		stock, err := decremented(old, req.quantity)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, writeStock, req.productID, stock); err != nil {
			return err
		}
		out = Outcome{Success: true, OldStock: old, NewStock: stock}
		return nil
	})
	if db.IsCode(err, db.SerializationFailure) {
		msg := err.Error()
		return Outcome{Error: &msg}, nil
	}
	return out, err
}
