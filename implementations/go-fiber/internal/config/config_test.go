package config

import (
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadDefaults(t *testing.T) {
	cfg, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Host != "127.0.0.1" || cfg.Port != 8000 || cfg.DBPoolSize != 10 || cfg.Workers != 1 || cfg.Prefork ||
		cfg.JWTSecret != "benchmark-secret-key-12345" {
		t.Errorf("defaults = %+v", cfg)
	}
	if cfg.Addr() != "127.0.0.1:8000" {
		t.Errorf("Addr() = %q", cfg.Addr())
	}
}

func TestLoadReadsEnvironment(t *testing.T) {
	cfg, err := Load(env(map[string]string{
		"HOST": "::1", "PORT": "9000", "DB_POOL_SIZE": "4", "WORKERS": "2", "PREFORK": "1",
		"UPSTREAM_URL": "http://127.0.0.1:1234/", "JWT_SECRET": "s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr() != "[::1]:9000" || cfg.DBPoolSize != 4 || cfg.Workers != 2 || !cfg.Prefork ||
		cfg.UpstreamURL != "http://127.0.0.1:1234" || cfg.JWTSecret != "s" {
		t.Errorf("cfg = %+v", cfg)
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := Load(env(map[string]string{"PORT": "x", "DB_POOL_SIZE": "0", "PREFORK": "maybe"}))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, name := range []string{"PORT", "DB_POOL_SIZE", "PREFORK"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}
