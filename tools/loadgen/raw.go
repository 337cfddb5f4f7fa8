package main

import (
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// rawRequests serialises every entry of the plan once: request line, Host (unless the entry
// sets one), the entry's headers, Content-Length when it has a body, then the body. A
// Content-Length header of the entry is replaced by the body's length.
func rawRequests(p *resolved) (requests [][]byte, head []bool) {
	for _, e := range p.entries {
		var b strings.Builder
		b.WriteString(e.method + " " + e.path + " HTTP/1.1\r\n")
		hasHost := false
		for _, h := range e.headers {
			switch strings.ToLower(h[0]) {
			case "content-length":
				continue
			case "host":
				hasHost = true
			}
			b.WriteString(h[0] + ": " + h[1] + "\r\n")
		}
		if !hasHost {
			b.WriteString("Host: " + p.host + "\r\n")
		}
		if e.hasBody {
			b.WriteString("Content-Length: " + strconv.Itoa(len(e.body)) + "\r\n")
		}
		b.WriteString("\r\n")
		req := append([]byte(b.String()), e.body...)
		requests = append(requests, req)
		head = append(head, e.method == "HEAD")
	}
	return requests, head
}

// rawConn sends pre-serialised requests with one write each and parses the responses from a
// reusable buffer (responseParser), over one keep-alive connection reopened after an error or
// a `Connection: close`. It works on the socket through syscall.RawConn, so that it can do
// what net.Conn cannot: write the request inside the read call and go straight to waiting for
// the answer, skipping the read that would find nothing. A request costs one write, usually
// one read, and the runtime's share of epoll_wait.
//
// Waiting without that first read is safe: the read call re-arms the poller's readiness before
// the write, so every event after the write wakes it, and an answer (or the reset of a
// connection the server closed) only comes after the write.
type rawConn struct {
	host     string
	timeout  time.Duration
	requests [][]byte
	head     []bool
	nc       *net.TCPConn
	rc       syscall.RawConn
	deadline time.Time // the socket's deadline, refreshed lazily (see do)
	answer   answerReader
	// the callbacks' state, and the callbacks as method values made once (no allocation per request)
	out       []byte // what is left to write of the request
	space     []byte // where the answer is read
	n         int
	err       error
	readStep  func(uintptr) bool
	writeStep func(uintptr) bool
}

func newRawConn(p *resolved, timeout time.Duration) *rawConn {
	requests, head := rawRequests(p)
	c := &rawConn{host: p.host, timeout: timeout, requests: requests, head: head, answer: newAnswerReader()}
	c.readStep, c.writeStep = c.stepRead, c.stepWrite
	return c
}

// deadlineSlack lets a socket deadline serve many requests: it is moved only when a request
// could outlive it, to timeout + timeout/64 ahead. A request therefore fails as a timeout
// after timeoutMs to at most 1/64 more.
const deadlineSlack = 64

func (c *rawConn) do(i int) (int, int64, error) {
	if c.nc == nil {
		nc, err := net.DialTimeout("tcp", c.host, c.timeout)
		if err != nil {
			return 0, 0, err
		}
		c.nc = nc.(*net.TCPConn)
		if c.rc, err = c.nc.SyscallConn(); err != nil {
			return c.fail(err)
		}
		c.deadline = time.Time{}
	}
	if latest := time.Now().Add(c.timeout); c.deadline.Before(latest) {
		c.deadline = latest.Add(c.timeout / deadlineSlack)
		if err := c.nc.SetDeadline(c.deadline); err != nil {
			return c.fail(err)
		}
	}
	c.out = c.requests[i]
	a := &c.answer
	a.start(c.head[i])
	for {
		var err error
		if c.space, err = a.space(); err != nil {
			return c.fail(err)
		}
		c.n, c.err = 0, nil
		if err := c.rc.Read(c.readStep); err != nil {
			return c.fail(err)
		}
		if c.err == nil && len(c.out) > 0 {
			// The socket buffer is full (a large body): finish writing, then read.
			if err := c.rc.Write(c.writeStep); err != nil {
				return c.fail(err)
			}
			continue
		}
		if c.err != nil {
			return c.fail(c.err)
		}
		done, err := a.got(c.n)
		if err != nil {
			return c.fail(err)
		}
		if done {
			break
		}
	}
	if a.parser.close {
		c.drop()
	}
	return a.parser.status, a.parser.bodyBytes, nil
}

// stepRead is RawConn.Read's callback: it writes the request if it is not written yet (and
// then waits for the answer unless some of it is left to write), else reads what the socket
// has into space. It returns false to wait for the socket to become readable.
func (c *rawConn) stepRead(fd uintptr) bool {
	if len(c.out) > 0 {
		left := c.writeOut(fd)
		return left || c.err != nil
	}
	n, err := syscall.Read(int(fd), c.space)
	switch {
	case err == syscall.EAGAIN:
		return false
	case err != nil:
		c.err = err
	default:
		c.n = n
	}
	return true
}

// stepWrite is RawConn.Write's callback for the rest of a request that did not fit the socket
// buffer. It returns false to wait for room.
func (c *rawConn) stepWrite(fd uintptr) bool {
	left := c.writeOut(fd)
	return !left || c.err != nil
}

// writeOut writes what the socket takes of the request and reports whether some is left.
func (c *rawConn) writeOut(fd uintptr) (left bool) {
	n, err := syscall.Write(int(fd), c.out)
	switch {
	case err == syscall.EAGAIN:
		return true
	case err != nil:
		c.err = err
		return false
	}
	c.out = c.out[n:]
	return len(c.out) > 0
}

// fail closes the connection (the next request opens a new one) and returns err.
func (c *rawConn) fail(err error) (int, int64, error) {
	c.drop()
	return 0, 0, err
}

func (c *rawConn) drop() {
	if c.nc != nil {
		_ = c.nc.Close()
		c.nc, c.rc = nil, nil
	}
	c.answer.clear()
}
