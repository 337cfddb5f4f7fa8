package main

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
)

// Plan is what the generator is asked to do, read as JSON from stdin or a file.
type Plan struct {
	// Target is the origin to load, http://127.0.0.1:<port> (any loopback address).
	Target string `json:"target"`
	// Connections is the number of keep-alive connections, one closed loop each.
	Connections int `json:"connections"`
	// DurationMs is how long new requests are sent.
	DurationMs int64 `json:"durationMs"`
	// GraceMs is how long requests still in flight at the end may take to finish. Default 5000.
	GraceMs *int64 `json:"graceMs,omitempty"`
	// TimeoutMs is the longest a single request may take before it counts as a timeout. Default 60000.
	TimeoutMs int64 `json:"timeoutMs,omitempty"`
	// RatePerSec, when set, makes the run open instead of closed: request i is due i / RatePerSec
	// after the start whatever the server does, and is sent on an idle connection of the
	// Connections (opened on first use), or dropped when every one has a request in flight.
	// Latency counts from the due time (no coordinated omission). Needs the epoll client.
	RatePerSec float64 `json:"ratePerSec,omitempty"`
	// Requests is the fixed mix, sent in a smooth weighted rotation shared by every connection.
	Requests []PlanRequest `json:"requests"`
}

// PlanRequest is one request of the mix.
type PlanRequest struct {
	Method  string            `json:"method"`
	Path    string            `json:"path"`
	Headers map[string]string `json:"headers,omitempty"`
	// Body is sent as UTF-8; BodyBase64 as the bytes it encodes. At most one of the two.
	Body       *string `json:"body,omitempty"`
	BodyBase64 *string `json:"bodyBase64,omitempty"`
	// Weight is the request's share of the rotation (a positive integer). Default 1.
	Weight int `json:"weight,omitempty"`
	// Endpoint names the bucket the request is counted in. Default "METHOD /path" (query dropped).
	Endpoint string `json:"endpoint,omitempty"`
	// Group, when set, also counts the request in that group's bucket.
	Group string `json:"group,omitempty"`
}

// entry is a validated request of the mix.
type entry struct {
	method   string
	path     string
	headers  [][2]string
	body     []byte
	hasBody  bool
	weight   int
	endpoint string
	group    string
}

// resolved is a validated plan.
type resolved struct {
	host        string // host:port
	connections int
	durationMs  int64
	graceMs     int64
	timeoutMs   int64
	ratePerSec  float64 // 0: a closed loop per connection
	entries     []entry
	order       []int // indexes into entries
}

const (
	defaultGraceMs   = 5_000
	defaultTimeoutMs = 60_000
	maxConnections   = 10_000
	maxRotation      = 10_000
	maxRatePerSec    = 1_000_000
)

// errPlan marks a plan the generator refuses (exit code 2).
var errPlan = errors.New("invalid plan")

func planError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errPlan, fmt.Sprintf(format, args...))
}

// readPlan decodes a plan, rejecting unknown fields.
func readPlan(r io.Reader) (*Plan, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p Plan
	if err := dec.Decode(&p); err != nil {
		return nil, planError("cannot read the plan: %v", err)
	}
	return &p, nil
}

// loopbackHost checks that target is http://<loopback IP>:<port>[/] and returns host:port.
func loopbackHost(target string) (string, error) {
	u, err := url.Parse(target)
	if err != nil {
		return "", planError("target %q is not a URL: %v", target, err)
	}
	if u.Scheme != "http" {
		return "", planError("target %q: only http:// is supported", target)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || (u.Path != "" && u.Path != "/") {
		return "", planError("target %q must be an origin: http://127.0.0.1:<port>", target)
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return "", planError("refusing target %q: only loopback addresses (127.0.0.1, [::1]) are allowed", target)
	}
	if u.Port() == "" {
		return "", planError("target %q needs a port", target)
	}
	return u.Host, nil
}

// resolve validates the plan and computes the rotation.
func (p *Plan) resolve() (*resolved, error) {
	host, err := loopbackHost(p.Target)
	if err != nil {
		return nil, err
	}
	var problems []string
	if p.Connections < 1 || p.Connections > maxConnections {
		problems = append(problems, fmt.Sprintf("connections: expected 1..%d, got %d", maxConnections, p.Connections))
	}
	if p.DurationMs < 1 {
		problems = append(problems, fmt.Sprintf("durationMs: expected ≥ 1, got %d", p.DurationMs))
	}
	grace := int64(defaultGraceMs)
	if p.GraceMs != nil {
		grace = *p.GraceMs
	}
	if grace < 0 {
		problems = append(problems, fmt.Sprintf("graceMs: expected ≥ 0, got %d", grace))
	}
	timeout := p.TimeoutMs
	if timeout == 0 {
		timeout = defaultTimeoutMs
	}
	if timeout < 1 {
		problems = append(problems, fmt.Sprintf("timeoutMs: expected ≥ 1, got %d", timeout))
	}
	if p.RatePerSec < 0 || p.RatePerSec > maxRatePerSec {
		problems = append(problems, fmt.Sprintf("ratePerSec: expected 0 (a closed loop) or up to %d, got %g", maxRatePerSec, p.RatePerSec))
	}
	if len(p.Requests) == 0 {
		problems = append(problems, "requests: at least one request is needed")
	}
	entries := make([]entry, 0, len(p.Requests))
	for i, r := range p.Requests {
		e, errs := r.toEntry()
		for _, msg := range errs {
			problems = append(problems, fmt.Sprintf("requests[%d].%s", i, msg))
		}
		entries = append(entries, e)
	}
	if len(problems) > 0 {
		return nil, planError("%s", strings.Join(problems, "; "))
	}
	weights := make([]int, len(entries))
	for i, e := range entries {
		weights[i] = e.weight
	}
	order, err := weightedRotation(weights)
	if err != nil {
		return nil, planError("%v", err)
	}
	return &resolved{host: host, connections: p.Connections, durationMs: p.DurationMs, graceMs: grace, timeoutMs: timeout, ratePerSec: p.RatePerSec, entries: entries, order: order}, nil
}

func (r PlanRequest) toEntry() (entry, []string) {
	var problems []string
	e := entry{method: strings.ToUpper(r.Method), path: r.Path, weight: r.Weight, endpoint: r.Endpoint, group: r.Group}
	if e.weight == 0 {
		e.weight = 1
	}
	if e.weight < 0 {
		problems = append(problems, fmt.Sprintf("weight: expected a positive integer, got %d", r.Weight))
	}
	if !isToken(e.method) {
		problems = append(problems, fmt.Sprintf("method: not an HTTP method: %q", r.Method))
	}
	if !strings.HasPrefix(e.path, "/") || strings.ContainsAny(e.path, " \r\n") {
		problems = append(problems, fmt.Sprintf("path: expected an absolute path without spaces, got %q", r.Path))
	}
	for k, v := range r.Headers {
		if !isToken(k) || strings.ContainsAny(v, "\r\n") {
			problems = append(problems, fmt.Sprintf("headers: invalid header %q", k))
			continue
		}
		e.headers = append(e.headers, [2]string{k, v})
	}
	sortHeaders(e.headers)
	switch {
	case r.Body != nil && r.BodyBase64 != nil:
		problems = append(problems, "body: give body or bodyBase64, not both")
	case r.Body != nil:
		e.body, e.hasBody = []byte(*r.Body), true
	case r.BodyBase64 != nil:
		b, err := base64.StdEncoding.DecodeString(*r.BodyBase64)
		if err != nil {
			problems = append(problems, fmt.Sprintf("bodyBase64: %v", err))
		}
		e.body, e.hasBody = b, true
	}
	if e.endpoint == "" {
		p := e.path
		if i := strings.IndexByte(p, '?'); i >= 0 {
			p = p[:i]
		}
		e.endpoint = e.method + " " + p
	}
	return e, problems
}

func sortHeaders(h [][2]string) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && strings.ToLower(h[j][0]) < strings.ToLower(h[j-1][0]); j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// isToken reports whether s is a non-empty RFC 9110 token (method and header names).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// weightedRotation is the order in which a weighted mix is sent: smooth weighted round-robin
// over the weights reduced by their gcd, so 3:1 is sent A A B A rather than in blocks (the
// same order the wrk driver's script uses). Returns 0-based indexes.
func weightedRotation(weights []int) ([]int, error) {
	g := 0
	for _, w := range weights {
		if w < 1 {
			return nil, fmt.Errorf("weights must be positive, got %d", w)
		}
		g = gcd(g, w)
	}
	total := 0
	reduced := make([]int, len(weights))
	for i, w := range weights {
		reduced[i] = w / g
		total += reduced[i]
	}
	if total > maxRotation {
		return nil, fmt.Errorf("weights sum to %d after reduction; keep it ≤ %d", total, maxRotation)
	}
	current := make([]int, len(weights))
	order := make([]int, 0, total)
	for n := 0; n < total; n++ {
		best := 0
		for i := range reduced {
			current[i] += reduced[i]
			if current[i] > current[best] {
				best = i
			}
		}
		current[best] -= total
		order = append(order, best)
	}
	return order, nil
}
