package main

import (
	"bytes"
	"errors"
	"fmt"
)

// errMalformed marks a response the raw client cannot parse (counted as "other"); the
// connection is closed after it.
var errMalformed = errors.New("malformed HTTP response")

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errMalformed, fmt.Sprintf(format, args...))
}

// maxLineBytes bounds a chunk-size or trailer line; a status line and headers must fit the
// connection's read buffer.
const maxLineBytes = 4096

type parseState uint8

const (
	stateHead       parseState = iota // status line and headers
	stateFixed                        // Content-Length body, remaining bytes left
	stateUntilClose                   // no length: the body ends when the server closes
	stateChunkSize                    // a chunk-size line (with optional extensions)
	stateChunkData                    // chunk data, remaining bytes left
	stateChunkEnd                     // the CRLF after chunk data
	stateTrailers                     // trailer lines up to an empty line
	stateDone
)

// responseParser reads one HTTP/1.1 response incrementally: status line, Content-Length,
// chunked transfer coding (extensions and trailers skipped), a body up to the close when
// neither is given, no body for HEAD, 1xx, 204 and 304, interim 1xx responses skipped, and
// `Connection: close` (or HTTP/1.0 without keep-alive) reported so that the connection is
// reopened. It keeps no body bytes, only their count. The zero value is not ready: call reset.
type responseParser struct {
	state     parseState
	head      bool // the request was HEAD: the response has no body whatever its headers say
	status    int
	remaining int64
	bodyBytes int64
	close     bool // the server will close the connection after this response
}

// reset prepares the parser for the response to a request; head is true for HEAD requests.
func (p *responseParser) reset(head bool) {
	*p = responseParser{head: head}
}

// done reports whether the whole response has been read.
func (p *responseParser) done() bool { return p.state == stateDone }

// feed parses as much of data as it can and returns how many bytes it consumed. It consumes
// nothing of an incomplete line or header block: the caller keeps those bytes and calls again
// with more. It stops at the end of the response; bytes after it are not consumed.
func (p *responseParser) feed(data []byte) (int, error) {
	n := 0
	for n < len(data) && p.state != stateDone {
		rest := data[n:]
		switch p.state {
		case stateHead:
			end := bytes.Index(rest, []byte("\r\n\r\n"))
			if end < 0 {
				return n, nil
			}
			if err := p.parseHead(rest[:end+2]); err != nil {
				return n, err
			}
			n += end + 4
		case stateFixed, stateChunkData:
			k := int64(len(rest))
			if k > p.remaining {
				k = p.remaining
			}
			p.remaining -= k
			p.bodyBytes += k
			n += int(k)
			if p.remaining == 0 {
				if p.state == stateFixed {
					p.state = stateDone
				} else {
					p.state = stateChunkEnd
				}
			}
		case stateUntilClose:
			p.bodyBytes += int64(len(rest))
			n += len(rest)
		case stateChunkEnd:
			if len(rest) < 2 {
				return n, nil
			}
			if rest[0] != '\r' || rest[1] != '\n' {
				return n, malformed("chunk data not followed by CRLF")
			}
			n += 2
			p.state = stateChunkSize
		case stateChunkSize, stateTrailers:
			line, k, err := nextLine(rest)
			if err != nil || k == 0 {
				return n, err
			}
			n += k
			if p.state == stateTrailers {
				if len(line) == 0 {
					p.state = stateDone
				}
				continue
			}
			size, err := chunkSize(line)
			if err != nil {
				return n, err
			}
			if size == 0 {
				p.state = stateTrailers
			} else {
				p.remaining, p.state = size, stateChunkData
			}
		}
	}
	return n, nil
}

// eof tells the parser that the server closed the connection; it returns nil when that ends
// the response (a body read until the close), else the error for a response cut short.
func (p *responseParser) eof() error {
	if p.state == stateUntilClose {
		p.state = stateDone
		return nil
	}
	return errTruncated
}

// errTruncated is a connection closed before the response was complete (counted as a reset).
var errTruncated = errors.New("connection closed before the response was complete")

// nextLine returns the first CRLF-terminated line of data without its CRLF and the bytes it
// takes, or k == 0 when the line is not complete yet.
func nextLine(data []byte) (line []byte, k int, err error) {
	i := bytes.Index(data, []byte("\r\n"))
	if i < 0 {
		if len(data) > maxLineBytes {
			return nil, 0, malformed("line longer than %d bytes", maxLineBytes)
		}
		return nil, 0, nil
	}
	return data[:i], i + 2, nil
}

// chunkSize reads a chunk-size line: hex digits, then optional whitespace and ;extensions.
func chunkSize(line []byte) (int64, error) {
	var size int64
	digits := 0
	for _, c := range line {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		case c == ';' || c == ' ' || c == '\t':
			if digits == 0 {
				return 0, malformed("chunk size %q", line)
			}
			return size, nil
		default:
			return 0, malformed("chunk size %q", line)
		}
		if digits++; digits > 15 {
			return 0, malformed("chunk size %q too large", line)
		}
		size = size<<4 | int64(d)
	}
	if digits == 0 {
		return 0, malformed("empty chunk size")
	}
	return size, nil
}

// parseHead reads a status line and headers (each line ending in CRLF) and sets the body's
// framing. An interim 1xx response (not 101) is skipped: the parser waits for the next head.
func (p *responseParser) parseHead(head []byte) error {
	line, k, _ := nextLine(head)
	// "HTTP/1.x SSS[ reason]"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) || line[8] != ' ' || (len(line) > 12 && line[12] != ' ') {
		return malformed("status line %q", truncate(line))
	}
	minor := line[7]
	status := 0
	for _, c := range line[9:12] {
		if c < '0' || c > '9' {
			return malformed("status line %q", truncate(line))
		}
		status = status*10 + int(c-'0')
	}
	if status < 100 {
		return malformed("status %d", status)
	}
	contentLength := int64(-1)
	chunked, hasTE := false, false
	close, keepAlive := false, false
	for rest := head[k:]; len(rest) > 0; {
		line, k, _ = nextLine(rest)
		rest = rest[k:]
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			return malformed("header line %q", truncate(line))
		}
		// Only three headers matter; their lengths rule out the others before any comparison.
		name, value := line[:colon], line[colon+1:]
		switch {
		case len(name) == len("content-length") && bytes.EqualFold(name, []byte("content-length")):
			value = bytes.TrimSpace(value)
			n, ok := parseDecimal(value)
			if !ok || (contentLength >= 0 && n != contentLength) {
				return malformed("Content-Length %q", value)
			}
			contentLength = n
		case len(name) == len("transfer-encoding") && bytes.EqualFold(name, []byte("transfer-encoding")):
			hasTE = true
			chunked = lastToken(value, "chunked")
		case len(name) == len("connection") && bytes.EqualFold(name, []byte("connection")):
			if hasToken(value, "close") {
				close = true
			}
			if hasToken(value, "keep-alive") {
				keepAlive = true
			}
		}
	}
	if status < 200 {
		if status == 101 {
			return malformed("unexpected 101 Switching Protocols")
		}
		return nil // interim: the final response follows
	}
	p.status = status
	// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it.
	p.close = close || (minor == '0' && !keepAlive)
	switch {
	case p.head || status == 204 || status == 304:
		p.state = stateDone
	case hasTE && chunked:
		p.state = stateChunkSize
	case hasTE:
		// A transfer coding other than chunked last: the body runs to the close (RFC 9112 §6.3).
		p.state, p.close = stateUntilClose, true
	case contentLength == 0:
		p.state = stateDone
	case contentLength > 0:
		p.state, p.remaining = stateFixed, contentLength
	default:
		p.state, p.close = stateUntilClose, true
	}
	return nil
}

func parseDecimal(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// hasToken reports whether a comma-separated header value lists token (case-insensitive).
func hasToken(value []byte, token string) bool {
	for len(value) > 0 {
		var item []byte
		if i := bytes.IndexByte(value, ','); i >= 0 {
			item, value = value[:i], value[i+1:]
		} else {
			item, value = value, nil
		}
		if bytes.EqualFold(bytes.TrimSpace(item), []byte(token)) {
			return true
		}
	}
	return false
}

// lastToken reports whether the last item of a comma-separated header value is token.
func lastToken(value []byte, token string) bool {
	if i := bytes.LastIndexByte(value, ','); i >= 0 {
		value = value[i+1:]
	}
	return bytes.EqualFold(bytes.TrimSpace(value), []byte(token))
}

func truncate(b []byte) []byte {
	if len(b) > 80 {
		return b[:80]
	}
	return b
}

// readBufferBytes is the size of an answerReader's buffer.
const readBufferBytes = 64 * 1024

// answerReader is a connection's read buffer and the parser of the answer being read into it,
// shared by the clients that read the socket themselves (raw, epoll). A status line and headers
// must fit the buffer; bodies stream through it. Call start before each request, then, until
// got reports the answer complete, read into space and pass got the count.
type answerReader struct {
	buf    []byte
	r, w   int // unparsed bytes are buf[r:w]
	parser responseParser
}

func newAnswerReader() answerReader {
	return answerReader{buf: make([]byte, readBufferBytes)}
}

// start prepares for the answer to a request; head is true for HEAD requests.
func (a *answerReader) start(head bool) {
	a.parser.reset(head)
}

// space is where the next read must go.
func (a *answerReader) space() ([]byte, error) {
	switch {
	case a.r == a.w:
		a.r, a.w = 0, 0
	case a.w == len(a.buf) && a.r == 0:
		return nil, malformed("status line and headers exceed %d bytes", len(a.buf))
	case a.w == len(a.buf):
		a.w = copy(a.buf, a.buf[a.r:a.w])
		a.r = 0
	}
	return a.buf[a.w:], nil
}

// got takes the n bytes just read into space, 0 meaning that the server closed the connection,
// and reports whether the answer is complete. A complete answer's status, body length and
// whether the connection must be closed are in parser; an error means the connection must be
// closed.
func (a *answerReader) got(n int) (done bool, err error) {
	p := &a.parser
	if n == 0 {
		if err := p.eof(); err != nil {
			return false, err
		}
		p.close = true
		return true, nil
	}
	a.w += n
	k, err := p.feed(a.buf[a.r:a.w])
	a.r += k
	switch {
	case err != nil:
		return false, err
	case !p.done():
		return false, nil
	case a.r != a.w:
		// More than one response to one request: the next answer could not be trusted.
		return false, malformed("%d bytes after the response", a.w-a.r)
	}
	a.r, a.w = 0, 0
	return true, nil
}

// clear drops unparsed bytes (the connection was closed).
func (a *answerReader) clear() {
	a.r, a.w = 0, 0
}
