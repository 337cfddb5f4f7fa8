// Package caching serves scenarios 14–16: cache-aside reads of users through Redis
// (key user:{id}, JSON {"id","name","email"}, TTL 300 s).
package caching

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"lab/implementations/go-fiber/internal/db"
	"lab/implementations/go-fiber/internal/httpx"
)

// TTL is how long a cached user lives.
const TTL = 300 * time.Second

// Key is the Redis key of user id.
func Key(id int64) string { return "user:" + strconv.FormatInt(id, 10) }

// CachedUser is the value stored under Key: {"id","name","email"}.
type CachedUser struct {
	ID    int32  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Handlers holds what the caching endpoints need.
type Handlers struct {
	Pool  *pgxpool.Pool
	Redis *redis.Client
}

// Register adds the five caching routes.
func (h *Handlers) Register(r fiber.Router) {
	g := r.Group("/cache")
	g.Get("/users/:id/no-cache", h.noCache)
	g.Get("/users/:id/cached", h.cached)
	g.Post("/warmup", h.warmup)
	g.Delete("/flush", h.flush)
	g.Delete("/users/:id", h.deleteKey)
}

const userNotFound = "User not found"

type userReply struct {
	Source    string  `json:"source"`
	UserID    int32   `json:"user_id"`
	Name      string  `json:"name"`
	Email     string  `json:"email"`
	ElapsedMs float64 `json:"elapsed_ms"`
}

// loadUser reads id, name and email of user id: 404 when there is none.
func (h *Handlers) loadUser(ctx context.Context, id int64) (CachedUser, error) {
	var u CachedUser
	err := h.Pool.QueryRow(ctx, "SELECT id, name, email FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name, &u.Email)
	if db.IsNoRows(err) {
		return u, httpx.NotFound(userNotFound)
	}
	return u, err
}

func (h *Handlers) noCache(c *fiber.Ctx) error {
	id, err := httpx.PathID(c, "id")
	if err != nil {
		return err
	}
	start := time.Now()
	u, err := h.loadUser(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(userReply{Source: "database", UserID: u.ID, Name: u.Name, Email: u.Email, ElapsedMs: httpx.ElapsedMs(start)})
}

// cached: GET user:{id}; on a miss read the database and SET it with the TTL (misses of
// unknown users are not cached).
func (h *Handlers) cached(c *fiber.Ctx) error {
	id, err := httpx.PathID(c, "id")
	if err != nil {
		return err
	}
	start := time.Now()
	ctx := c.UserContext()
	key := Key(id)
	raw, err := h.Redis.Get(ctx, key).Bytes()
	if err == nil {
		var u CachedUser
		if err := json.Unmarshal(raw, &u); err != nil {
			return err
		}
		return c.JSON(userReply{Source: "cache", UserID: u.ID, Name: u.Name, Email: u.Email, ElapsedMs: httpx.ElapsedMs(start)})
	}
	if !errors.Is(err, redis.Nil) {
		return err
	}
	u, err := h.loadUser(ctx, id)
	if err != nil {
		return err
	}
	value, err := json.Marshal(u)
	if err != nil {
		return err
	}
	if err := h.Redis.Set(ctx, key, value, TTL).Err(); err != nil {
		return err
	}
	return c.JSON(userReply{Source: "database", UserID: u.ID, Name: u.Name, Email: u.Email, ElapsedMs: httpx.ElapsedMs(start)})
}

type warmupReply struct {
	WarmedCount int     `json:"warmed_count"`
	ElapsedMs   float64 `json:"elapsed_ms"`
}

// warmup caches the first count users (ORDER BY id) with one pipelined batch of SETs.
func (h *Handlers) warmup(c *fiber.Ctx) error {
	count, err := httpx.QueryInt(c, "count", 100, httpx.Between(1, 1000))
	if err != nil {
		return err
	}
	start := time.Now()
	ctx := c.UserContext()
	rows, err := h.Pool.Query(ctx, "SELECT id, name, email FROM users ORDER BY id LIMIT $1", count)
	if err != nil {
		return err
	}
	defer rows.Close()
	pipe := h.Redis.Pipeline()
	warmed := 0
	for rows.Next() {
		var u CachedUser
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return err
		}
		value, err := json.Marshal(u)
		if err != nil {
			return err
		}
		pipe.Set(ctx, Key(int64(u.ID)), value, TTL)
		warmed++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if warmed > 0 {
		if _, err := pipe.Exec(ctx); err != nil {
			return err
		}
	}
	return c.JSON(warmupReply{WarmedCount: warmed, ElapsedMs: httpx.ElapsedMs(start)})
}

type message struct {
	Message string `json:"message"`
}

func (h *Handlers) flush(c *fiber.Ctx) error {
	if err := h.Redis.FlushDB(c.UserContext()).Err(); err != nil {
		return err
	}
	return c.JSON(message{Message: "Cache flushed"})
}

type deleteReply struct {
	Deleted string `json:"deleted"`
	Success bool   `json:"success"`
}

func (h *Handlers) deleteKey(c *fiber.Ctx) error {
	id, err := httpx.PathID(c, "id")
	if err != nil {
		return err
	}
	key := Key(id)
	n, err := h.Redis.Del(c.UserContext(), key).Result()
	if err != nil {
		return err
	}
	return c.JSON(deleteReply{Deleted: key, Success: n > 0})
}
