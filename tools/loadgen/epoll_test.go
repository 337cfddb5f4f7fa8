package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// silentServer reads requests and never answers.
func silentServer(t *testing.T) string {
	return rawServer(t, func(c net.Conn) { _, _ = io.Copy(io.Discard, c) })
}

func TestEpollTimesOutAndStopsOnTime(t *testing.T) {
	// Every request times out after timeoutMs, is counted as a timeout, and the run ends once
	// the last one has: no grace period is needed.
	r := measureJSON(t, context.Background(), "epoll", planJSON(silentServer(t), 3, 300, `,"timeoutMs":50`, `{"method":"GET","path":"/"}`))
	if r.Requests < 3*4 || r.Errors.Timeout != r.Requests || r.Overall.Latency.Count != 0 || r.Abandoned != 0 {
		t.Errorf("%d requests, errors %+v, abandoned %d", r.Requests, r.Errors, r.Abandoned)
	}
	if perRequest := r.InFlightUs / float64(r.Requests) / 1000; perRequest < 50 || perRequest > 80 {
		t.Errorf("a timed-out request lasted %.1f ms on average, timeoutMs 50", perRequest)
	}
	if r.DurationMs < 300 || r.DurationMs > 500 {
		t.Errorf("ran %.0f ms for 300 ms and 50 ms timeouts", r.DurationMs)
	}

	// Requests that outlive the grace period are abandoned and not counted.
	r = measureJSON(t, context.Background(), "epoll", planJSON(silentServer(t), 4, 200, `,"graceMs":100`, `{"method":"GET","path":"/"}`))
	if r.Requests != 0 || r.Abandoned != 4 || r.DurationMs < 300 || r.DurationMs > 600 {
		t.Errorf("%d requests, abandoned %d, after %.0f ms", r.Requests, r.Abandoned, r.DurationMs)
	}
}

func TestEpollManyConnectionsAndInterrupt(t *testing.T) {
	s := startServer(t)
	const connections = 50
	r := measureJSON(t, context.Background(), "epoll", planJSON(s.URL, connections, 500, "", `{"method":"GET","path":"/fast"}`))
	if r.Requests < connections || r.Statuses["200"] != r.Requests || int64(s.count("GET /fast")) != r.Requests || r.Abandoned != 0 {
		t.Fatalf("%d requests (server saw %d), statuses %v, errors %+v", r.Requests, s.count("GET /fast"), r.Statuses, r.Errors)
	}
	if l := r.InFlightUs / (r.DurationMs * 1000); l > connections || l < connections/2 {
		t.Errorf("mean in flight %.2f for %d connections", l, connections)
	}
	if r.DurationMs < 500 || r.DurationMs > 700 {
		t.Errorf("ran %.0f ms for 500", r.DurationMs)
	}

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	r = measureJSON(t, ctx, "epoll", planJSON(s.URL, 2, 60_000, "", `{"method":"GET","path":"/delay"}`))
	if !r.Interrupted || r.DurationMs > 1000 || r.Requests == 0 || r.Abandoned != 0 {
		t.Errorf("interrupted %v after %.0f ms with %d requests, abandoned %d", r.Interrupted, r.DurationMs, r.Requests, r.Abandoned)
	}
}

func TestEpollRefusedElsewhere(t *testing.T) {
	if epollAvailable {
		t.Skip("epoll is available here")
	}
	var out, errOut bytes.Buffer
	code := run([]string{"-client", "epoll"}, strings.NewReader(planJSON("http://127.0.0.1:9", 1, 100, "", `{"method":"GET","path":"/"}`)), &out, &errOut)
	if code != 2 || !strings.Contains(errOut.String(), "needs Linux") {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
}

func TestDefaultClientIsEpollOnLinuxUnlessLOADGEN_CLIENTSaysOtherwise(t *testing.T) {
	t.Setenv("LOADGEN_CLIENT", "")
	if got := defaultClient(); got != "epoll" {
		t.Fatalf("default client %q, want epoll", got)
	}
	t.Setenv("LOADGEN_CLIENT", "fasthttp")
	if got := defaultClient(); got != "fasthttp" {
		t.Fatalf("default client %q with LOADGEN_CLIENT=fasthttp", got)
	}
}
