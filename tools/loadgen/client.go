package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/valyala/fasthttp"
)

// errorKind is how a request failed (the lab's error kinds; non2xx is decided from the status).
type errorKind int

const (
	errNone errorKind = iota
	errTimeout
	errConnect
	errReset
	errOther
)

// conn sends the requests of one closed loop over one keep-alive connection (reopened after an
// error). A conn is used by one goroutine only.
type conn interface {
	// do sends entry i and reads the whole response; it returns the status and the body length.
	do(i int) (status int, bodyBytes int64, err error)
}

// clientKinds are the HTTP clients the generator can use (platformClient picks the default).
var clientKinds = []string{"fasthttp", "nethttp", "raw", "epoll"}

// newLoops prepares the loops of a client: one event loop for all connections (epoll), else a
// goroutine per connection, closed loops only. The closer releases what the loops keep between
// runs (measureSteps).
func newLoops(kind string, p *resolved) (loops, func(), error) {
	if kind == "epoll" {
		return epollLoops(p)
	}
	if p.ratePerSec > 0 {
		return nil, nil, fmt.Errorf("ratePerSec (an open run) needs the epoll client, not %s", kind)
	}
	conns := make([]conn, p.connections)
	for i := range conns {
		c, err := newConn(kind, p)
		if err != nil {
			return nil, nil, err
		}
		conns[i] = c
	}
	return connLoops(conns), func() {}, nil
}

func newConn(kind string, p *resolved) (conn, error) {
	timeout := time.Duration(p.timeoutMs) * time.Millisecond
	switch kind {
	case "fasthttp":
		return newFastConn(p, timeout), nil
	case "nethttp":
		return newStdConn(p, timeout)
	case "raw":
		return newRawConn(p, timeout), nil
	}
	return nil, fmt.Errorf("unknown client %q (known: %s)", kind, strings.Join(clientKinds, ", "))
}

// fastConn: a fasthttp.HostClient limited to one connection, no retries, requests prepared once.
type fastConn struct {
	client   *fasthttp.HostClient
	requests []*fasthttp.Request
	resp     *fasthttp.Response
}

func newFastConn(p *resolved, timeout time.Duration) *fastConn {
	c := &fastConn{
		client: &fasthttp.HostClient{
			Addr:                          p.host,
			MaxConns:                      1,
			MaxIdemponentCallAttempts:     1,
			RetryIfErr:                    func(*fasthttp.Request, int, error) (bool, bool) { return false, false },
			ReadTimeout:                   timeout,
			WriteTimeout:                  timeout,
			MaxIdleConnDuration:           time.Hour,
			DisablePathNormalizing:        true,
			DisableHeaderNamesNormalizing: true,
			NoDefaultUserAgentHeader:      true,
			MaxConnWaitTimeout:            timeout,
		},
		resp: fasthttp.AcquireResponse(),
	}
	for _, e := range p.entries {
		req := fasthttp.AcquireRequest()
		req.Header.SetMethod(e.method)
		req.SetRequestURI(e.path)
		req.Header.SetHost(p.host)
		for _, h := range e.headers {
			req.Header.Set(h[0], h[1])
		}
		if e.hasBody {
			req.SetBody(e.body)
		}
		c.requests = append(c.requests, req)
	}
	return c
}

func (c *fastConn) do(i int) (int, int64, error) {
	err := c.client.Do(c.requests[i], c.resp)
	if err != nil {
		return 0, 0, err
	}
	return c.resp.StatusCode(), int64(len(c.resp.Body())), nil
}

// stdConn: a net/http Transport limited to one connection, compression off, requests prepared once.
type stdConn struct {
	client   *http.Client
	requests []*http.Request
	bodies   [][]byte
	buf      []byte
}

func newStdConn(p *resolved, timeout time.Duration) (*stdConn, error) {
	transport := &http.Transport{
		Proxy:               nil,
		MaxConnsPerHost:     1,
		MaxIdleConnsPerHost: 1,
		MaxIdleConns:        1,
		IdleConnTimeout:     time.Hour,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
		DialContext:         (&net.Dialer{Timeout: timeout}).DialContext,
	}
	c := &stdConn{client: &http.Client{Transport: transport, Timeout: timeout}, buf: make([]byte, 32*1024)}
	for _, e := range p.entries {
		u, err := url.Parse("http://" + p.host + e.path)
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", e.path, err)
		}
		req := (&http.Request{Method: e.method, URL: u, Header: http.Header{}, Host: p.host, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}).WithContext(context.Background())
		for _, h := range e.headers {
			req.Header.Set(h[0], h[1])
		}
		c.requests = append(c.requests, req)
		if e.hasBody {
			c.bodies = append(c.bodies, e.body)
		} else {
			c.bodies = append(c.bodies, nil)
		}
	}
	return c, nil
}

func (c *stdConn) do(i int) (int, int64, error) {
	req := c.requests[i]
	if body := c.bodies[i]; body != nil {
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	n, err := io.CopyBuffer(io.Discard, resp.Body, c.buf)
	resp.Body.Close()
	if err != nil {
		return 0, n, err
	}
	return resp.StatusCode, n, nil
}

// classify maps a client error to the lab's error kinds.
func classify(err error) errorKind {
	if err == nil {
		return errNone
	}
	var ne net.Error
	switch {
	case errors.Is(err, fasthttp.ErrTimeout), errors.Is(err, fasthttp.ErrDialTimeout), errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return errTimeout
	case errors.As(err, &ne) && ne.Timeout():
		return errTimeout
	case isDial(err), errors.Is(err, syscall.ECONNREFUSED):
		return errConnect
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, fasthttp.ErrConnectionClosed), errors.Is(err, errTruncated):
		return errReset
	}
	return errOther
}

func isDial(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
