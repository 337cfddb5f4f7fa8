package main

import (
	"errors"
	"net"
	"os"
	"runtime"
	"syscall"
	"time"
)

const epollAvailable = true

// epollWaitMs bounds each epoll_wait, so that a deadline, the end of the run or the end of the
// grace period is noticed within that time even when no socket is ready.
const epollWaitMs = 2

// epollLoops drives every connection from one goroutine locked to its thread, with its own
// epoll instance (see epollLoop). The closer closes the connections an open run left idle for
// the next (measureSteps) and the epoll instance.
func epollLoops(p *resolved) (loops, func(), error) {
	addr, err := net.ResolveTCPAddr("tcp", p.host)
	if err != nil {
		return nil, nil, err
	}
	e := &epollLoop{timeout: time.Duration(p.timeoutMs) * time.Millisecond, conns: make([]epollConn, p.connections)}
	if ip4 := addr.IP.To4(); ip4 != nil {
		sa := &syscall.SockaddrInet4{Port: addr.Port}
		copy(sa.Addr[:], ip4)
		e.family, e.addr = syscall.AF_INET, sa
	} else {
		sa := &syscall.SockaddrInet6{Port: addr.Port}
		copy(sa.Addr[:], addr.IP.To16())
		e.family, e.addr = syscall.AF_INET6, sa
	}
	e.requests, e.head = rawRequests(p)
	for i := range e.conns {
		e.conns[i] = epollConn{fd: -1, answer: newAnswerReader()}
	}
	// The idle connections of an open run, the most recently used on top: connection 0 is
	// taken first, and a rate that needs k connections keeps using the same k.
	for k := len(e.conns) - 1; k >= 0; k-- {
		e.idle = append(e.idle, k)
	}
	e.events = make([]syscall.EpollEvent, len(e.conns))
	if e.epfd, err = syscall.EpollCreate1(syscall.EPOLL_CLOEXEC); err != nil {
		return nil, nil, os.NewSyscallError("epoll_create1", err)
	}
	return func(l *loadRun) <-chan struct{} {
		e.l = l
		done := make(chan struct{})
		go e.run(done)
		return done
	}, e.closeAll, nil
}

// epollLoop is the event loop of the epoll client: non-blocking sockets, level-triggered
// readiness, one write(2) per request (more only when the socket buffer is full) and one read(2)
// per readiness.
type epollLoop struct {
	l        *loadRun
	timeout  time.Duration
	family   int
	addr     syscall.Sockaddr
	requests [][]byte
	head     []bool
	conns    []epollConn
	idle     []int // open runs: connections without a request in flight, a stack
	epfd     int
	events   []syscall.EpollEvent
	// expire scans every connection at most once per expireEvery (nextExpire): a scan costs
	// O(connections), and an open run may have thousands.
	nextExpire time.Time
}

// expireEvery is how often deadlines are checked: a request times out at most that much late.
const expireEvery = time.Millisecond

func (e *epollLoop) run(done chan<- struct{}) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer close(done)
	if e.l.open() {
		e.runOpen()
		return
	}
	defer e.closeAll()
	now := time.Now()
	for k := range e.conns {
		e.l.busy.Add(1)
		e.start(k, now)
	}
	for e.l.busy.Load() > 0 && !e.l.quit.Load() {
		n, err := syscall.EpollWait(e.epfd, e.events, e.expire(time.Now()))
		if err != nil && err != syscall.EINTR {
			e.failAll(os.NewSyscallError("epoll_wait", err))
			return
		}
		for _, ev := range e.events[:max(n, 0)] {
			e.ready(int(ev.Fd), ev.Events)
		}
	}
}

// runOpen sends each request of an open run at its due time on an idle connection (dropping it
// when there is none) and handles the answers, until the schedule is done and nothing is in
// flight, or the grace period ends. Requests then still in flight are abandoned: their
// connections are closed, so that no late answer reaches the next run. Idle connections stay
// open for it.
func (e *epollLoop) runOpen() {
	l := e.l
	for _, k := range e.idle {
		e.conns[k].state = connParked
	}
	wait := 0           // first take what happened to the idle connections since the last run (closed by the server)
	dispatching := true // requests are still due
	for (l.busy.Load() > 0 || dispatching) && !l.quit.Load() {
		n, err := syscall.EpollWait(e.epfd, e.events, wait)
		if err != nil && err != syscall.EINTR {
			e.failAll(os.NewSyscallError("epoll_wait", err))
			return
		}
		for _, ev := range e.events[:max(n, 0)] {
			e.ready(int(ev.Fd), ev.Events)
		}
		now := time.Now()
		wait = e.expire(now)
		if dispatching {
			if next, ok := e.dispatch(now); ok {
				wait = min(wait, int((time.Until(next)+time.Millisecond-1)/time.Millisecond))
			} else {
				dispatching = false
			}
		}
		wait = max(wait, 0)
	}
	for k := range e.conns {
		if c := &e.conns[k]; c.state != connParked {
			e.drop(k)
			c.state = connParked
			e.idle = append(e.idle, k)
		}
	}
}

// dispatch sends every request of the open run due by now, and returns when the next is due;
// false when none is left (or the run was stopped).
func (e *epollLoop) dispatch(now time.Time) (time.Time, bool) {
	l := e.l
	for !l.stop.Load() && l.scheduled < l.total {
		due := l.due(l.scheduled)
		if due.After(now) {
			return due, true
		}
		l.scheduled++
		l.maxSendLag = max(l.maxSendLag, now.Sub(due))
		if len(e.idle) == 0 {
			l.dropped++
			continue
		}
		k := e.idle[len(e.idle)-1]
		e.idle = e.idle[:len(e.idle)-1]
		l.busy.Add(1)
		e.sendEntry(k, l.nextEntry(), due)
		if e.conns[k].state == connIdle { // it failed at once, and was recorded
			e.start(k, now)
		}
	}
	return time.Time{}, false
}

// sendEntry sends entry i on connection k, opening the connection first if it has none; its latency
// counts from sent.
func (e *epollLoop) sendEntry(k, i int, sent time.Time) {
	c := &e.conns[k]
	c.entry, c.sent, c.deadline = i, sent, sent.Add(e.timeout)
	c.out = e.requests[i]
	c.answer.start(e.head[i])
	c.state = connSending
	if c.fd < 0 {
		e.open(k)
	}
	if c.state == connSending {
		e.send(k)
	}
}

// ready handles the readiness of connection k's socket.
func (e *epollLoop) ready(k int, events uint32) {
	c := &e.conns[k]
	switch c.state {
	case connIdle, connFinished, connParked:
		// Nothing asked: the server closed the connection, or sent what cannot be trusted.
		e.drop(k)
		return
	case connConnecting:
		if errno, err := syscall.GetsockoptInt(c.fd, syscall.SOL_SOCKET, syscall.SO_ERROR); err != nil || errno != 0 {
			if err == nil {
				err = syscall.Errno(errno)
			}
			e.fail(k, dialError(err))
		} else {
			c.state = connSending
			e.send(k)
		}
	case connSending:
		if events&syscall.EPOLLOUT != 0 {
			e.send(k)
		}
	}
	if (c.state == connAwaiting || c.state == connSending) && events&(syscall.EPOLLIN|syscall.EPOLLERR|syscall.EPOLLHUP) != 0 {
		e.receive(k)
	}
	if c.state == connIdle { // the request failed
		e.start(k, time.Now())
	}
}

// receive reads once from connection k and, when that completes the answer, sends the next
// request before recording this one. After a failure, the caller starts the next request.
func (e *epollLoop) receive(k int) {
	c := &e.conns[k]
	space, err := c.answer.space()
	if err != nil {
		e.fail(k, err)
		return
	}
	n, err := syscall.Read(c.fd, space)
	switch {
	case err == syscall.EAGAIN || err == syscall.EINTR:
		return
	case err != nil:
		e.fail(k, err)
		return
	}
	done, err := c.answer.got(n)
	if err != nil {
		e.fail(k, err)
		return
	}
	if !done {
		return
	}
	t1 := time.Now()
	i, t0, p := c.entry, c.sent, &c.answer.parser
	status, bodyBytes := p.status, p.bodyBytes
	if p.close || len(c.out) > 0 {
		e.drop(k)
	}
	c.state = connIdle
	e.start(k, t1)
	e.l.finish(i, t0, t1, status, bodyBytes, nil)
}

// start sends connection k's next request, opening a connection first if it has none, unless
// the run takes no new requests: then the loop is finished. A request that fails at once is
// recorded and followed by the next.
//
// In an open run the connection goes back to the idle stack instead: dispatch sends the next
// request when it is due.
func (e *epollLoop) start(k int, now time.Time) {
	c := &e.conns[k]
	if e.l.open() {
		if c.state == connIdle {
			c.state = connParked
			e.idle = append(e.idle, k)
			e.l.busy.Add(-1)
		}
		return
	}
	for c.state == connIdle {
		if !e.l.sends(now) {
			c.state = connFinished
			e.l.busy.Add(-1)
			return
		}
		e.sendEntry(k, e.l.nextEntry(), now)
		now = time.Now()
	}
}

// open starts a non-blocking connect for connection k.
func (e *epollLoop) open(k int) {
	c := &e.conns[k]
	fd, err := syscall.Socket(e.family, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, syscall.IPPROTO_TCP)
	if err != nil {
		e.fail(k, dialError(err))
		return
	}
	c.fd = fd
	_ = syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1) // as net.Dial does
	switch err := syscall.Connect(fd, e.addr); err {
	case nil:
	case syscall.EINPROGRESS:
		c.state = connConnecting
	default:
		e.fail(k, dialError(err))
		return
	}
	c.writable = c.state == connConnecting
	if err := e.watch(k, syscall.EPOLL_CTL_ADD); err != nil {
		e.fail(k, err)
	}
}

// send writes what is left of connection k's request; when the socket buffer is full it also
// waits for the socket to become writable.
func (e *epollLoop) send(k int) {
	c := &e.conns[k]
	for len(c.out) > 0 {
		n, err := syscall.Write(c.fd, c.out)
		switch {
		case err == syscall.EAGAIN:
			if !c.writable {
				c.writable = true
				if err := e.watch(k, syscall.EPOLL_CTL_MOD); err != nil {
					e.fail(k, err)
				}
			}
			return
		case err == syscall.EINTR:
			continue
		case err != nil:
			e.fail(k, err)
			return
		}
		c.out = c.out[n:]
	}
	c.state = connAwaiting
	if c.writable {
		c.writable = false
		if err := e.watch(k, syscall.EPOLL_CTL_MOD); err != nil {
			e.fail(k, err)
		}
	}
}

// watch adds connection k's socket to the epoll set or changes its events: readable always,
// writable while c.writable.
func (e *epollLoop) watch(k int, op int) error {
	c := &e.conns[k]
	ev := syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(k)}
	if c.writable {
		ev.Events |= syscall.EPOLLOUT
	}
	return os.NewSyscallError("epoll_ctl", syscall.EpollCtl(e.epfd, op, c.fd, &ev))
}

// expire fails the requests past their deadline and returns how long epoll_wait may wait (ms).
// It scans the connections at most once per expireEvery.
func (e *epollLoop) expire(now time.Time) int {
	wait := time.Duration(epollWaitMs) * time.Millisecond
	if now.Before(e.nextExpire) {
		return epollWaitMs
	}
	e.nextExpire = now.Add(expireEvery)
	for k := range e.conns {
		c := &e.conns[k]
		if c.state == connFinished || c.state == connParked {
			continue
		}
		if !now.Before(c.deadline) {
			e.fail(k, os.ErrDeadlineExceeded)
			e.start(k, time.Now())
			if c.state == connFinished || c.state == connParked {
				continue
			}
		}
		wait = min(wait, c.deadline.Sub(now))
	}
	return int((wait + time.Millisecond - 1) / time.Millisecond)
}

// fail closes connection k and records its request as failed with err; the caller starts the next.
func (e *epollLoop) fail(k int, err error) {
	c := &e.conns[k]
	t1 := time.Now()
	e.drop(k)
	c.state = connIdle
	e.l.finish(c.entry, c.sent, t1, 0, 0, err)
}

// failAll gives up every request in flight after the event loop itself failed.
func (e *epollLoop) failAll(err error) {
	if e.l.open() {
		for k := range e.conns {
			if e.conns[k].state != connParked {
				e.fail(k, err)
				e.start(k, time.Now())
			}
		}
		return
	}
	for k := range e.conns {
		c := &e.conns[k]
		if c.state == connFinished {
			continue
		}
		if c.state != connIdle {
			e.fail(k, err)
		}
		c.state = connFinished
		e.l.busy.Add(-1)
	}
}

// drop closes connection k's socket (closing also removes it from the epoll set).
func (e *epollLoop) drop(k int) {
	c := &e.conns[k]
	if c.fd >= 0 {
		_ = syscall.Close(c.fd)
		c.fd = -1
	}
	c.writable = false
	c.answer.clear()
}

func (e *epollLoop) closeAll() {
	for k := range e.conns {
		e.drop(k)
	}
	if e.epfd >= 0 {
		_ = syscall.Close(e.epfd)
		e.epfd = -1
	}
}

// dialError marks an error of opening a connection, so that classify counts it as connect.
func dialError(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		err = os.NewSyscallError("connect", errno)
	}
	return &net.OpError{Op: "dial", Net: "tcp", Err: err}
}
