// Package db opens the PostgreSQL pool and holds the column types the API renders:
// timestamps and dates as ISO-8601 text, UUIDs as lowercase canonical strings, NULL as null.
package db

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// SQLSTATE codes the handlers react to.
const (
	UniqueViolation      = "23505"
	SerializationFailure = "40001"
)

// Open creates a pgx pool of at most size connections for url and checks it can connect.
// Statements run in pgx's default mode: prepared once per connection and cached.
func Open(ctx context.Context, url string, size int32) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	cfg.MaxConns = size
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return pool, nil
}

// IsCode reports whether err is a PostgreSQL error with SQLSTATE code.
func IsCode(err error, code string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == code
}

// IsNoRows reports whether err says a single-row query found nothing.
func IsNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
