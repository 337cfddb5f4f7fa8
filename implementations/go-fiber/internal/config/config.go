// Package config reads the lab's environment once into a Config, with every default here.
package config

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

// ServerName is the implementation id that /health reports.
const ServerName = "go-fiber"

// Config is the normalised environment.
type Config struct {
	// Host to listen on; default 127.0.0.1.
	Host string
	// Port to listen on; default 8000.
	Port int
	// DatabaseURL is the PostgreSQL URL (postgresql://user@host:port/db).
	DatabaseURL string
	// RedisURL is the Redis URL; default redis://127.0.0.1:6379.
	RedisURL string
	// UpstreamURL is the slow-upstream stub that GET /external calls; default http://127.0.0.1:8001.
	UpstreamURL string
	// DBPoolSize is the maximum number of PostgreSQL connections per process; default 10.
	DBPoolSize int
	// Workers is the number of prefork processes; 1 (default) means no prefork.
	Workers int
	// Prefork is true when PREFORK is "1"/"true": Fiber's Prefork with Workers children.
	Prefork bool
	// JWTSecret signs and verifies HS256 tokens; default benchmark-secret-key-12345.
	JWTSecret string
}

// Load reads the environment through getenv (os.Getenv in production) and reports every
// malformed value at once.
func Load(getenv func(string) string) (Config, error) {
	var problems []string
	str := func(name, def string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		return def
	}
	num := func(name string, def, min int) int {
		raw := strings.TrimSpace(getenv(name))
		if raw == "" {
			return def
		}
		v, err := strconv.Atoi(raw)
		if err != nil || v < min {
			problems = append(problems, fmt.Sprintf("%s=%q must be an integer >= %d", name, raw, min))
			return def
		}
		return v
	}
	cfg := Config{
		Host:        str("HOST", "127.0.0.1"),
		Port:        num("PORT", 8000, 0),
		DatabaseURL: str("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/benchmark"),
		RedisURL:    str("REDIS_URL", "redis://127.0.0.1:6379"),
		UpstreamURL: strings.TrimRight(str("UPSTREAM_URL", "http://127.0.0.1:8001"), "/"),
		DBPoolSize:  num("DB_POOL_SIZE", 10, 1),
		Workers:     num("WORKERS", 1, 1),
		JWTSecret:   str("JWT_SECRET", "benchmark-secret-key-12345"),
	}
	switch strings.ToLower(str("PREFORK", "")) {
	case "", "0", "false":
	case "1", "true":
		cfg.Prefork = true
	default:
		problems = append(problems, fmt.Sprintf("PREFORK=%q must be 1/true or 0/false", getenv("PREFORK")))
	}
	if len(problems) > 0 {
		return cfg, fmt.Errorf("invalid environment: %s", strings.Join(problems, "; "))
	}
	return cfg, nil
}

// Addr is HOST:PORT for the listener.
func (c Config) Addr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// Env is os.Getenv, for Load.
var Env = os.Getenv
