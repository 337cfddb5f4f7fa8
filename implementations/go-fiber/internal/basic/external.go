package basic

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"

	"lab/implementations/go-fiber/internal/httpx"
)

// NewUpstreamClient is the keep-alive client for GET /external: idle connections to the one
// upstream host are kept (up to maxIdle) so each call reuses a socket.
func NewUpstreamClient(maxIdle int) *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConns = maxIdle
	transport.MaxIdleConnsPerHost = maxIdle
	transport.IdleConnTimeout = 90 * time.Second
	return &http.Client{Transport: transport, Timeout: 30 * time.Second}
}

type externalReply struct {
	Source    string          `json:"source"`
	LatencyMs float64         `json:"latency_ms"`
	Data      json.RawMessage `json:"data"`
}

// external calls GET {UPSTREAM_URL}/delay and returns its JSON body with the measured wait.
// The goroutine blocks on the socket; fasthttp serves other connections meanwhile.
func (h *Handlers) external(c *fiber.Ctx) error {
	start := time.Now()
	req, err := http.NewRequestWithContext(c.UserContext(), http.MethodGet, h.UpstreamURL+"/delay", nil)
	if err != nil {
		return err
	}
	res, err := h.Upstream.Do(req)
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, "Upstream request failed")
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK || !json.Valid(body) {
		return fiber.NewError(fiber.StatusBadGateway, fmt.Sprintf("Upstream answered %d", res.StatusCode))
	}
	return c.JSON(externalReply{Source: "upstream", LatencyMs: httpx.ElapsedMs(start), Data: body})
}
