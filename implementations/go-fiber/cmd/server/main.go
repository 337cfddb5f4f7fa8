// Command server runs the go-fiber implementation of the Backend Benchmark Lab API.
//
// Environment: PORT, HOST (127.0.0.1), DATABASE_URL, REDIS_URL, UPSTREAM_URL,
// DB_POOL_SIZE (10), WORKERS (1; used with PREFORK=1), JWT_SECRET. GOMAXPROCS follows the
// CPU limit (Go 1.25+ reads the cgroup quota) unless set explicitly.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/redis/go-redis/v9"

	"lab/implementations/go-fiber/internal/app"
	"lab/implementations/go-fiber/internal/basic"
	"lab/implementations/go-fiber/internal/config"
	"lab/implementations/go-fiber/internal/db"
)

// shutdownTimeout bounds a graceful shutdown: in-flight requests get this long to finish.
const shutdownTimeout = 10 * time.Second

func main() {
	if err := run(); err != nil {
		log.Fatalf("%s: %v", config.ServerName, err)
	}
}

func run() error {
	cfg, err := config.Load(config.Env)
	if err != nil {
		return err
	}
	if cfg.Prefork && !fiber.IsChild() {
		// Fiber's prefork master starts one child per GOMAXPROCS; WORKERS decides how many.
		runtime.GOMAXPROCS(cfg.Workers)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	pool, err := db.Open(context.Background(), cfg.DatabaseURL, int32(cfg.DBPoolSize))
	if err != nil {
		return err
	}
	defer pool.Close()
	redisOpts, err := redis.ParseURL(cfg.RedisURL)
	if err != nil {
		return fmt.Errorf("REDIS_URL: %w", err)
	}
	rdb := redis.NewClient(redisOpts)
	defer rdb.Close()
	upstream := basic.NewUpstreamClient(256)
	defer upstream.CloseIdleConnections()

	a := app.New(app.Deps{
		Server:      config.ServerName,
		Pool:        pool,
		Redis:       rdb,
		Upstream:    upstream,
		UpstreamURL: cfg.UpstreamURL,
		JWTSecret:   []byte(cfg.JWTSecret),
		Prefork:     cfg.Prefork,
	})

	children := watchChildren(a)
	a.Hooks().OnListen(func(fiber.ListenData) error {
		mode := fmt.Sprintf("GOMAXPROCS %d", runtime.GOMAXPROCS(0))
		if cfg.Prefork {
			mode = fmt.Sprintf("prefork: %d children, GOMAXPROCS 1 each", cfg.Workers)
		}
		log.Printf("%s listening on http://%s (pid %d, %s)", config.ServerName, cfg.Addr(), os.Getpid(), mode)
		return nil
	})

	served := make(chan error, 1)
	go func() { served <- a.Listen(cfg.Addr()) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Signals stay caught until run returns: a second SIGTERM must not kill a draining process.
	if cfg.Prefork && !fiber.IsChild() {
		// The prefork master serves nothing; its Listen returns once a child has exited.
		children.terminate()
		return <-served
	}
	if err := a.ShutdownWithTimeout(shutdownTimeout); err != nil {
		return err
	}
	return <-served
}

// childSet records the prefork children the master starts.
type childSet struct {
	mu   sync.Mutex
	pids []int
}

// watchChildren records every prefork child of a (none outside prefork).
func watchChildren(a *fiber.App) *childSet {
	set := &childSet{}
	a.Hooks().OnFork(func(pid int) error {
		set.mu.Lock()
		defer set.mu.Unlock()
		set.pids = append(set.pids, pid)
		return nil
	})
	return set
}

// terminate forwards SIGTERM to every child, so that stopping only the master (not its
// process group) still shuts the children down gracefully.
func (s *childSet) terminate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, pid := range s.pids {
		_ = syscall.Kill(pid, syscall.SIGTERM)
	}
}
