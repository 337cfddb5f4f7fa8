package main

import (
	"errors"
	"strings"
	"testing"
)

// parsed is what responseParser made of a response.
type parsed struct {
	status    int
	bodyBytes int64
	close     bool
	rest      string // bytes after the response, not consumed
}

// parseInPieces feeds response to a parser in reads of at most `piece` bytes, keeping the
// unconsumed bytes as the raw connection does, then reports the end of the stream when the
// parser still wants more (a body read until the close).
func parseInPieces(response string, head bool, piece int) (parsed, error) {
	var p responseParser
	p.reset(head)
	var pending []byte
	for off := 0; off < len(response) && !p.done(); off += piece {
		pending = append(pending, response[off:min(off+piece, len(response))]...)
		n, err := p.feed(pending)
		if err != nil {
			return parsed{}, err
		}
		pending = pending[n:]
		if p.done() {
			return parsed{p.status, p.bodyBytes, p.close, string(pending) + response[min(off+piece, len(response)):]}, nil
		}
	}
	if !p.done() {
		if err := p.eof(); err != nil {
			return parsed{}, err
		}
	}
	return parsed{p.status, p.bodyBytes, p.close, string(pending)}, nil
}

func TestResponseParserFramesBodies(t *testing.T) {
	cases := []struct {
		name     string
		response string
		head     bool
		want     parsed
	}{
		{"content-length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}", false, parsed{200, 11, false, ""}},
		{"content-length 0", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, parsed{200, 0, false, ""}},
		{"no reason phrase", "HTTP/1.1 404\r\ncontent-length: 3\r\n\r\nnot", false, parsed{404, 3, false, ""}},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n", false, parsed{200, 12, false, ""}},
		{"chunked with extensions and trailers", "HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\n\r\nA;name=value\r\n0123456789\r\n1 ; last\r\nx\r\n0;end\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n", false, parsed{200, 11, false, ""}},
		{"204 without body", "HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n", false, parsed{204, 0, false, ""}},
		{"304 ignores its Content-Length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\n\r\n", false, parsed{304, 0, false, ""}},
		{"HEAD ignores its Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 35\r\n\r\n", true, parsed{200, 0, false, ""}},
		{"1xx skipped", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", false, parsed{201, 2, false, ""}},
		{"Connection: close", "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\nok", false, parsed{200, 2, true, ""}},
		{"HTTP/1.0 closes by default", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false, parsed{200, 2, true, ""}},
		{"HTTP/1.0 keep-alive", "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", false, parsed{200, 2, false, ""}},
		{"body until the close", "HTTP/1.1 200 OK\r\n\r\nstreamed to the end", false, parsed{200, 19, true, ""}},
		{"bytes after the response are left", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1", false, parsed{200, 2, false, "HTTP/1.1"}},
	}
	for _, c := range cases {
		// Every split: whole, byte by byte, and sizes that cut lines and CRLFs in two.
		for _, piece := range []int{len(c.response), 1, 2, 3, 7, 16} {
			got, err := parseInPieces(c.response, c.head, piece)
			if err != nil || got != c.want {
				t.Errorf("%s in pieces of %d: got %+v, %v; want %+v", c.name, piece, got, err, c.want)
			}
		}
	}
}

func TestResponseParserRejectsMalformedResponses(t *testing.T) {
	cases := []struct {
		name     string
		response string
		want     error
	}{
		{"not HTTP", "HELLO WORLD\r\n\r\n", errMalformed},
		{"status not a number", "HTTP/1.1 2x0 OK\r\n\r\n", errMalformed},
		{"status below 100", "HTTP/1.1 099 Odd\r\n\r\n", errMalformed},
		{"header without colon", "HTTP/1.1 200 OK\r\nbroken header\r\n\r\n", errMalformed},
		{"bad Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n", errMalformed},
		{"negative Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", errMalformed},
		{"conflicting Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok", errMalformed},
		{"bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", errMalformed},
		{"empty chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n;ext\r\n", errMalformed},
		{"chunk without CRLF", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n0\r\n\r\n", errMalformed},
		{"chunk-size line that never ends", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + strings.Repeat("1", 5000), errMalformed},
		{"switching protocols", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", errMalformed},
		{"closed in the head", "HTTP/1.1 200 OK\r\nContent-Len", errTruncated},
		{"closed in the body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", errTruncated},
		{"closed between chunks", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n", errTruncated},
		{"closed before anything", "", errTruncated},
	}
	for _, c := range cases {
		for _, piece := range []int{max(len(c.response), 1), 1, 5} {
			_, err := parseInPieces(c.response, false, piece)
			if !errors.Is(err, c.want) {
				t.Errorf("%s in pieces of %d: got %v, want %v", c.name, piece, err, c.want)
			}
		}
	}
}

func TestRawRequestsAreSerialisedOnce(t *testing.T) {
	plan := `{"target":"http://127.0.0.1:9","connections":1,"durationMs":1,"requests":[
		{"method":"get","path":"/a?b=1"},
		{"method":"POST","path":"/echo","headers":{"Content-Type":"application/json","content-length":"999"},"body":"{\"m\":1}"},
		{"method":"HEAD","path":"/h","headers":{"Host":"example.test"}}]}`
	p, err := readPlan(strings.NewReader(plan))
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.resolve()
	if err != nil {
		t.Fatal(err)
	}
	requests, head := rawRequests(r)
	want := []string{
		"GET /a?b=1 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n",
		"POST /echo HTTP/1.1\r\nContent-Type: application/json\r\nHost: 127.0.0.1:9\r\nContent-Length: 7\r\n\r\n{\"m\":1}",
		"HEAD /h HTTP/1.1\r\nHost: example.test\r\n\r\n",
	}
	for i := range want {
		if string(requests[i]) != want[i] {
			t.Errorf("request %d = %q, want %q", i, requests[i], want[i])
		}
	}
	if head[0] || head[1] || !head[2] {
		t.Errorf("head = %v", head)
	}
}
