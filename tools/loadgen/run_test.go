package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	hdrhistogram "github.com/HdrHistogram/hdrhistogram-go"
)

// testServer counts what it received per "METHOD path" and serves a few routes:
// /fast, /echo (body back), /status/500, /delay (sleeps 30 ms), /slow (sleeps 300 ms), /reset
// (closes the socket).
type testServer struct {
	*httptest.Server
	mu     sync.Mutex
	counts map[string]int
	bodies map[string]string
}

func startServer(t *testing.T) *testServer {
	t.Helper()
	s := &testServer{counts: map[string]int{}, bodies: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.counts[r.Method+" "+r.URL.Path]++
		s.bodies[r.URL.Path] = string(body)
		s.mu.Unlock()
		switch r.URL.Path {
		case "/fast":
			w.Header().Set("content-type", "application/json")
			_, _ = w.Write([]byte(`{"ok":true}`))
		case "/echo":
			_, _ = w.Write(body)
		case "/status/500":
			w.WriteHeader(500)
		case "/delay":
			time.Sleep(30 * time.Millisecond)
			_, _ = w.Write([]byte("late"))
		case "/slow":
			time.Sleep(300 * time.Millisecond)
			_, _ = w.Write([]byte("later"))
		case "/reset":
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				if tcp, ok := conn.(*net.TCPConn); ok {
					_ = tcp.SetLinger(0)
				}
				_ = conn.Close()
			}
		default:
			w.WriteHeader(404)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testServer) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[key]
}

func planJSON(target string, connections int, durationMs int64, extra string, requests string) string {
	return fmt.Sprintf(`{"target":%q,"connections":%d,"durationMs":%d%s,"requests":[%s]}`, target, connections, durationMs, extra, requests)
}

func measureJSON(t *testing.T, ctx context.Context, client, plan string) *Result {
	t.Helper()
	if client == "epoll" && !epollAvailable {
		t.Skip("the epoll client needs Linux")
	}
	r, err := measure(ctx, "-", client, strings.NewReader(plan), nil)
	if err != nil {
		t.Fatalf("%s: %v", client, err)
	}
	return r
}

func TestClosedLoopCountsLittlesLawAndHistograms(t *testing.T) {
	for _, client := range clientKinds {
		t.Run(client, func(t *testing.T) {
			s := startServer(t)
			const connections = 4
			plan := planJSON(s.URL, connections, 600, "", `{"method":"GET","path":"/fast?x=1","weight":3,"endpoint":"fast","group":"G"},
				{"method":"POST","path":"/echo","headers":{"content-type":"application/json"},"body":"{\"m\":\"hi\"}","endpoint":"echo"}`)
			r := measureJSON(t, context.Background(), client, plan)

			if r.Requests < 20 {
				t.Fatalf("only %d requests", r.Requests)
			}
			if r.Abandoned != 0 || r.Interrupted {
				t.Fatalf("abandoned %d interrupted %v", r.Abandoned, r.Interrupted)
			}
			// Every request the server saw was answered and counted, and nothing else.
			fast, echo := s.count("GET /fast"), s.count("POST /echo")
			if int64(fast+echo) != r.Requests || int64(fast) != r.PerRequest[0] || int64(echo) != r.PerRequest[1] {
				t.Errorf("server saw %d + %d, generator counted %d (%v)", fast, echo, r.Requests, r.PerRequest)
			}
			if s.bodies["/echo"] != `{"m":"hi"}` {
				t.Errorf("echo body %q", s.bodies["/echo"])
			}
			// The shared rotation sends 3:1 to within one rotation per connection.
			if d := r.PerRequest[0] - 3*r.PerRequest[1]; d < -3*connections || d > 3*connections {
				t.Errorf("mix %v is not 3:1", r.PerRequest)
			}
			// Little's law: a closed loop of N connections has at most N requests in flight.
			l := r.InFlightUs / (r.DurationMs * 1000)
			if l > connections || l < 0.5 {
				t.Errorf("mean in flight %.3f for %d connections", l, connections)
			}
			if r.Statuses["200"] != r.Requests || r.Errors != (ErrorCounts{}) {
				t.Errorf("statuses %v errors %+v", r.Statuses, r.Errors)
			}
			if r.CPUSeconds.Total <= 0 {
				t.Errorf("cpu %+v", r.CPUSeconds)
			}
			// Histograms: decodable, with every answered request, and the same percentiles.
			h, err := hdrhistogram.Decode([]byte(r.Overall.Histogram))
			if err != nil {
				t.Fatal(err)
			}
			if p99 := percentiles(h, []float64{99})[0]; h.TotalCount() != r.Requests || h.Max() != r.Overall.Latency.Max || p99 != r.Overall.Latency.Percentiles["99"] {
				t.Errorf("decoded count %d max %d p99 %d vs %+v", h.TotalCount(), h.Max(), p99, r.Overall.Latency)
			}
			if r.Endpoints["fast"].Requests != r.PerRequest[0] || r.Endpoints["echo"].Requests != r.PerRequest[1] || r.Groups["G"].Requests != r.PerRequest[0] {
				t.Errorf("buckets %+v %+v %+v", r.Endpoints["fast"], r.Endpoints["echo"], r.Groups)
			}
			var total int64
			for _, s := range r.Timeline {
				total += s.Requests
			}
			if total != r.Requests {
				t.Errorf("timeline sums to %d of %d", total, r.Requests)
			}
			if r.BytesReceived != r.PerRequest[0]*int64(len(`{"ok":true}`))+r.PerRequest[1]*int64(len(`{"m":"hi"}`)) {
				t.Errorf("bytes %d", r.BytesReceived)
			}
		})
	}
}

func TestErrorsByKind(t *testing.T) {
	for _, client := range clientKinds {
		t.Run(client, func(t *testing.T) {
			s := startServer(t)
			r := measureJSON(t, context.Background(), client, planJSON(s.URL, 2, 300, "", `{"method":"GET","path":"/status/500"}`))
			if r.Requests == 0 || r.Errors.Non2xx != r.Requests || r.Statuses["500"] != r.Requests || r.Overall.Errors != r.Requests {
				t.Errorf("non2xx: %+v %v", r.Errors, r.Statuses)
			}
			// Answered non-2xx requests still have a latency.
			if r.Overall.Latency.Count != r.Requests {
				t.Errorf("histogram count %d of %d", r.Overall.Latency.Count, r.Requests)
			}

			r = measureJSON(t, context.Background(), client, planJSON(s.URL, 1, 300, `,"timeoutMs":5`, `{"method":"GET","path":"/delay"}`))
			if r.Requests == 0 || r.Errors.Timeout != r.Requests || r.Overall.Latency.Count != 0 {
				t.Errorf("timeouts: %d requests, %+v", r.Requests, r.Errors)
			}

			r = measureJSON(t, context.Background(), client, planJSON(s.URL, 1, 200, "", `{"method":"GET","path":"/reset"}`))
			if r.Requests == 0 || r.Errors.Reset == 0 || r.Errors.Reset+r.Errors.Other != r.Requests {
				t.Errorf("resets: %d requests, %+v", r.Requests, r.Errors)
			}

			closed := httptest.NewServer(http.NotFoundHandler())
			url := closed.URL
			closed.Close()
			r = measureJSON(t, context.Background(), client, planJSON(url, 1, 100, "", `{"method":"GET","path":"/"}`))
			if r.Requests == 0 || r.Errors.Connect != r.Requests {
				t.Errorf("connect: %d requests, %+v", r.Requests, r.Errors)
			}
		})
	}
}

func TestInterruptAndAbandon(t *testing.T) {
	s := startServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	r := measureJSON(t, ctx, clientKinds[0], planJSON(s.URL, 2, 60_000, "", `{"method":"GET","path":"/fast"}`))
	if !r.Interrupted || r.DurationMs > 30_000 || r.Requests == 0 {
		t.Errorf("interrupted %v after %.0f ms with %d requests", r.Interrupted, r.DurationMs, r.Requests)
	}

	// No grace: requests still in flight at the end are abandoned, and not counted. Each
	// connection's first request takes 300 ms, so it is in flight when the 100 ms window ends
	// however slowly the host runs (with a 30 ms request, whether one is in flight at the end
	// depended on the host's speed).
	r = measureJSON(t, context.Background(), clientKinds[0], planJSON(s.URL, 3, 100, `,"graceMs":0`, `{"method":"GET","path":"/slow"}`))
	if r.Abandoned == 0 || r.Requests != 0 || int64(s.count("GET /slow")) < r.Requests+int64(r.Abandoned) {
		t.Errorf("abandoned %d, counted %d, server saw %d", r.Abandoned, r.Requests, s.count("GET /slow"))
	}
}

func TestCommandLine(t *testing.T) {
	s := startServer(t)
	var out, errOut bytes.Buffer
	code := run([]string{"-progress"}, strings.NewReader(planJSON(s.URL, 1, 1200, "", `{"method":"GET","path":"/fast"}`)), &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var r map[string]any
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"requests", "ratePerSec", "durationMs", "statuses", "errors", "bytesReceived", "inFlightUs", "cpuSeconds", "overall", "endpoints", "timeline"} {
		if _, ok := r[key]; !ok {
			t.Errorf("result lacks %s", key)
		}
	}
	if !strings.Contains(errOut.String(), `{"progress":{"elapsedMs":`) {
		t.Errorf("no progress line in %q", errOut.String())
	}

	out.Reset()
	errOut.Reset()
	code = run(nil, strings.NewReader(planJSON("http://10.1.2.3:80", 1, 100, "", `{"method":"GET","path":"/"}`)), &out, &errOut)
	if code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), "loopback") {
		t.Errorf("non-loopback: exit %d, out %q, err %q", code, out.String(), errOut.String())
	}
	if code := run([]string{"-client", "curl"}, strings.NewReader(planJSON(s.URL, 1, 100, "", `{"method":"GET","path":"/"}`)), &out, &errOut); code != 2 {
		t.Errorf("unknown client: exit %d", code)
	}
}

// selfReadingClients are the clients that parse answers with responseParser.
var selfReadingClients = []string{"raw", "epoll"}

// TestRawClientAgainstRealServers runs the raw and epoll clients against net/http's server with
// every framing they parse, then against servers that answer garbage or hang up mid-response.
func TestRawClientAgainstRealServers(t *testing.T) {
	for _, client := range selfReadingClients {
		t.Run(client, func(t *testing.T) { testFramings(t, client) })
	}
}

// countingServer starts a test server with handler and returns it with a count of the
// connections it has accepted so far.
func countingServer(t *testing.T, handler http.HandlerFunc) (*httptest.Server, func() int) {
	t.Helper()
	var mu sync.Mutex
	opened := 0
	s := httptest.NewUnstartedServer(handler)
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			mu.Lock()
			opened++
			mu.Unlock()
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s, func() int {
		mu.Lock()
		defer mu.Unlock()
		return opened
	}
}

func testFramings(t *testing.T, client string) {
	s, opened := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/chunked": // flushed in parts: Transfer-Encoding: chunked
			_, _ = w.Write([]byte("part one,"))
			w.(http.Flusher).Flush()
			_, _ = w.Write([]byte("part two"))
		case "/close":
			w.Header().Set("Connection", "close")
			_, _ = w.Write([]byte("bye"))
		case "/empty":
			w.WriteHeader(http.StatusNoContent)
		case "/hints":
			w.Header().Set("Link", "</style.css>; rel=preload")
			w.WriteHeader(http.StatusEarlyHints)
			w.Header().Set("Content-Length", "5")
			_, _ = w.Write([]byte("hints"))
		case "/head":
			w.Header().Set("Content-Length", "35")
			if r.Method != "HEAD" {
				_, _ = w.Write([]byte(strings.Repeat("x", 35)))
			}
		case "/big":
			_, _ = w.Write(bytes.Repeat([]byte("y"), 300_000))
		case "/upload": // answers the length of what it read
			n, _ := io.Copy(io.Discard, r.Body)
			_, _ = w.Write([]byte(strconv.FormatInt(n, 10)))
		}
	})
	r := measureJSON(t, context.Background(), client, planJSON(s.URL, 2, 400, "", `{"method":"GET","path":"/chunked"},{"method":"GET","path":"/close"},
		{"method":"GET","path":"/empty"},{"method":"GET","path":"/hints"},{"method":"HEAD","path":"/head"},{"method":"GET","path":"/big"}`))
	if r.Requests < 12 || r.Errors != (ErrorCounts{}) || r.Abandoned != 0 {
		t.Fatalf("%d requests, errors %+v, abandoned %d", r.Requests, r.Errors, r.Abandoned)
	}
	n := r.PerRequest
	if r.Statuses["200"] != n[0]+n[1]+n[3]+n[4]+n[5] || r.Statuses["204"] != n[2] {
		t.Errorf("statuses %v for %v", r.Statuses, n)
	}
	if want := n[0]*int64(len("part one,part two")) + n[1]*3 + n[3]*5 + n[5]*300_000; r.BytesReceived != want {
		t.Errorf("bytesReceived %d, want %d (decoded chunks, no HEAD body)", r.BytesReceived, want)
	}
	// Each Connection: close answer made the client open a new connection for the loop's next
	// request (a loop's last answer may have been one: nothing followed it).
	if o := int64(opened()); o < n[1] || o > n[1]+2 {
		t.Errorf("%d connections opened for %d Connection: close answers on 2 loops", o, n[1])
	}

	// A body larger than the socket buffers is written in several goes.
	body := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("z"), 16<<20))
	r = measureJSON(t, context.Background(), client, planJSON(s.URL, 1, 50, "", `{"method":"POST","path":"/upload","bodyBase64":"`+body+`"}`))
	if r.Requests == 0 || r.Statuses["200"] != r.Requests || r.BytesReceived != r.Requests*int64(len("16777216")) {
		t.Errorf("upload: %d requests, statuses %v, errors %+v, bytes %d", r.Requests, r.Statuses, r.Errors, r.BytesReceived)
	}
}

// rawServer answers every connection with handle, from its own goroutine.
func rawServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

func TestRawClientCountsBrokenAnswersWithoutHanging(t *testing.T) {
	readRequest := func(c net.Conn) bool {
		buf := make([]byte, 4096)
		n, err := c.Read(buf)
		return err == nil && bytes.Contains(buf[:n], []byte("\r\n\r\n"))
	}
	cases := []struct {
		name   string
		answer string
		kind   func(ErrorCounts) int64
	}{
		{"garbage", "SSH-2.0-OpenSSH\r\n\r\n", func(e ErrorCounts) int64 { return e.Other }},
		{"bad chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nnope\r\n", func(e ErrorCounts) int64 { return e.Other }},
		{"cut short", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this", func(e ErrorCounts) int64 { return e.Reset }},
		{"two answers to one request", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", func(e ErrorCounts) int64 { return e.Other }},
	}
	for _, client := range selfReadingClients {
		for _, c := range cases {
			t.Run(client+"/"+c.name, func(t *testing.T) {
				url := rawServer(t, func(conn net.Conn) {
					// Answer, then hold the connection open: only the client's parser can end the request.
					if readRequest(conn) {
						_, _ = conn.Write([]byte(c.answer))
					}
					if c.name == "cut short" {
						return
					}
					_, _ = io.Copy(io.Discard, conn)
				})
				r := measureJSON(t, context.Background(), client, planJSON(url, 1, 200, `,"timeoutMs":10000`, `{"method":"GET","path":"/"}`))
				if r.Requests == 0 || c.kind(r.Errors) != r.Requests || r.Abandoned != 0 || r.Errors.Timeout != 0 {
					t.Errorf("%d requests, errors %+v, abandoned %d", r.Requests, r.Errors, r.Abandoned)
				}
			})
		}
	}
}
