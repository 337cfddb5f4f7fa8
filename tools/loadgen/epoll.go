package main

import "time"

// The epoll client (-client epoll, Linux only) drives every connection from one goroutine locked
// to its OS thread, with its own epoll instance, instead of a goroutine per connection parked in
// the runtime's netpoller. Requests are the raw client's (rawRequests), answers are read by an
// answerReader, and latencies go to the recorder as with every client.

// connState is where an epoll connection is in its closed loop.
type connState uint8

const (
	connIdle       connState = iota // between two requests (only while the next one is started)
	connConnecting                  // non-blocking connect in progress
	connSending                     // request partly written (the socket buffer was full)
	connAwaiting                    // request written, answer not complete
	connFinished                    // no new requests: the loop is over
	connParked                      // open runs: no request, on the idle stack until one is due
)

// epollConn is one connection of the event loop and its request in flight.
type epollConn struct {
	fd       int // -1 when closed
	state    connState
	writable bool // EPOLLOUT is watched (connecting, or the socket buffer was full)
	entry    int
	sent     time.Time
	deadline time.Time
	out      []byte // what is left to write of the request
	answer   answerReader
}
