package app

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// These requests are answered before any database or Redis access, so the app runs
// without either.
func newApp() *fiber.App { return New(Deps{Server: "go-fiber", JWTSecret: []byte("k")}) }

type exchange struct {
	status int
	body   map[string]any
	header http.Header
}

func do(t *testing.T, a *fiber.App, req *http.Request) exchange {
	t.Helper()
	res, err := a.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	var body map[string]any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &body); err != nil {
			t.Fatalf("%s %s: body %q is not a JSON object", req.Method, req.URL, raw)
		}
	}
	return exchange{status: res.StatusCode, body: body, header: res.Header}
}

func TestHealth(t *testing.T) {
	ex := do(t, newApp(), httptest.NewRequest("GET", "/health", nil))
	if ex.status != 200 || ex.body["status"] != "ok" || ex.body["server"] != "go-fiber" || len(ex.body) != 2 {
		t.Errorf("health = %d %v", ex.status, ex.body)
	}
	if ex.header.Get("Content-Length") == "" || ex.header.Get("Content-Type") != "application/json" {
		t.Errorf("headers = %v", ex.header)
	}
}

func TestEcho(t *testing.T) {
	a := newApp()
	ex := do(t, a, httptest.NewRequest("POST", "/echo", bytes.NewBufferString(`{"message":"hello","data":{"a":1},"extra":"x"}`)))
	if ex.status != 200 || ex.body["message"] != "hello" || len(ex.body) != 2 {
		t.Errorf("echo = %d %v", ex.status, ex.body)
	}
	for _, body := range []string{`{"data":{}}`, `{"message":42}`, `{"message":"x","data":"not-an-object"}`, `{"message": "unterminated`} {
		if ex := do(t, a, httptest.NewRequest("POST", "/echo", bytes.NewBufferString(body))); ex.status != 422 {
			t.Errorf("echo %s = %d; want 422", body, ex.status)
		}
	}
}

func TestProtected(t *testing.T) {
	a := newApp()
	for header, want := range map[string]struct {
		status int
		field  string
	}{
		"Bearer test-token-12345": {200, "user_from_token_test-tok"},
		"":                        {401, "Authorization header required"},
		"Basic dXNlcjpwYXNz":      {401, "Invalid authorization format"},
		"Bearer short":            {401, "Invalid token"},
	} {
		req := httptest.NewRequest("GET", "/protected", nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		ex := do(t, a, req)
		got := ex.body["detail"]
		if ex.status == 200 {
			got = ex.body["user"]
		}
		if ex.status != want.status || got != want.field {
			t.Errorf("%q: %d %v; want %d %q", header, ex.status, ex.body, want.status, want.field)
		}
	}
}

func TestUpload(t *testing.T) {
	a := newApp()
	send := func(field string) exchange {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		h := make(map[string][]string)
		h["Content-Disposition"] = []string{`form-data; name="` + field + `"; filename="test.txt"`}
		h["Content-Type"] = []string{"text/plain"}
		part, _ := w.CreatePart(h)
		_, _ = part.Write(bytes.Repeat([]byte("x"), 1024))
		_ = w.Close()
		req := httptest.NewRequest("POST", "/upload", &buf)
		req.Header.Set("Content-Type", w.FormDataContentType())
		return do(t, a, req)
	}
	if ex := send("file"); ex.status != 200 || ex.body["size"] != float64(1024) || ex.body["filename"] != "test.txt" || ex.body["content_type"] != "text/plain" {
		t.Errorf("upload = %d %v", ex.status, ex.body)
	}
	if ex := send("other"); ex.status != 422 || ex.body["detail"] != "No file uploaded" {
		t.Errorf("upload without file = %d %v", ex.status, ex.body)
	}
}

// Invalid parameters are 422 before any query; /users/offset wins over /users/{id}.
func TestInvalidParametersAre422(t *testing.T) {
	a := newApp()
	for _, target := range []string{
		"GET /users/abc", "GET /users/1.5", "GET /users/offset?page=0", "GET /users/offset?size=101",
		"GET /users/cursor?cursor=-1", "GET /column-overhead/narrow?limit=1001", "GET /n-plus-one/eager?limit=x",
		"POST /bulk-operations/insert-batch?count=0", "POST /transactions/decrement/optimistic?max_retries=101",
		"GET /cache/users/x/cached", "POST /cache/warmup?count=1001", "POST /auth/login/jwt",
		"GET /aggregation/stats/country/raw?limit=0", "GET /cpu/fibonacci?n=41", "GET /search/like?q=",
		"GET /search/fulltext?q=x&limit=101",
	} {
		method, path, _ := strings.Cut(target, " ")
		ex := do(t, a, httptest.NewRequest(method, path, nil))
		if _, isString := ex.body["detail"].(string); ex.status != 422 || !isString {
			t.Errorf("%s = %d %v; want 422 {detail}", target, ex.status, ex.body)
		}
	}
}

func TestUnknownRouteIsJSON404(t *testing.T) {
	ex := do(t, newApp(), httptest.NewRequest("GET", "/nope", nil))
	if ex.status != 404 || ex.body["detail"] != "Not Found" {
		t.Errorf("unknown route = %d %v", ex.status, ex.body)
	}
}

// A multi-KB Authorization header is an ordinary (if useless) token, not a 431.
func TestLongAuthorizationHeader(t *testing.T) {
	req := httptest.NewRequest("GET", "/protected", nil)
	req.Header.Set("Authorization", "Bearer "+strings.Repeat("t", 12000))
	if ex := do(t, newApp(), req); ex.status != 200 || ex.body["user"] != "user_from_token_tttttttt" {
		t.Errorf("12,000-character token = %d %v; want 200", ex.status, ex.body)
	}
}

func TestAuthHeaderChecksPrecedeLookups(t *testing.T) {
	a := newApp()
	for _, path := range []string{"/auth/protected/jwt", "/auth/protected/session"} {
		if ex := do(t, a, httptest.NewRequest("GET", path, nil)); ex.status != 401 || ex.body["detail"] != "Invalid authorization header" {
			t.Errorf("%s without header = %d %v", path, ex.status, ex.body)
		}
	}
	req := httptest.NewRequest("GET", "/auth/protected/jwt", nil)
	req.Header.Set("Authorization", "Bearer not.a.jwt")
	if ex := do(t, a, req); ex.status != 401 || ex.body["detail"] != "Invalid JWT token" {
		t.Errorf("bad jwt = %d %v", ex.status, ex.body)
	}
}

func TestFibonacciAndCPU(t *testing.T) {
	a := newApp()
	if ex := do(t, a, httptest.NewRequest("GET", "/cpu/fibonacci?n=10", nil)); ex.status != 200 || ex.body["result"] != float64(55) || ex.body["n"] != float64(10) {
		t.Errorf("fibonacci = %d %v", ex.status, ex.body)
	}
	if ex := do(t, a, httptest.NewRequest("GET", "/cpu/json-serialize", nil)); ex.status != 200 || ex.body["items"] != float64(10000) {
		t.Errorf("json-serialize = %d %v", ex.status, ex.body)
	}
}

// A known path with a method it does not serve is 405 with exactly its methods in Allow
// (Fiber serves HEAD beside GET); methods Fiber does not know (QUERY, FOO) included.
func TestOtherMethodsAre405WithAllow(t *testing.T) {
	a := newApp()
	for _, tc := range []struct{ method, path, allow string }{
		{"TRACE", "/health", "GET, HEAD"},
		{"OPTIONS", "/health", "GET, HEAD"},
		{"PUT", "/health", "GET, HEAD"},
		{"QUERY", "/health", "GET, HEAD"},
		{"FOO", "/health", "GET, HEAD"},
		{"DELETE", "/echo", "POST"},
		{"PATCH", "/users", "GET, HEAD, POST"},
		{"OPTIONS", "/users/1", "GET, HEAD, PUT, DELETE"},
		{"GET", "/cache/users/1", "DELETE"},
		{"POST", "/transactions/products/1", "GET, HEAD"},
		{"GET", "/transactions/decrement/optimistic", "POST"},
		{"QUERY", "/users/offset", "GET, HEAD"},
		{"TRACE", "/users/cursor", "GET, HEAD"},
		{"POST", "/users/offset", "GET, HEAD"},
	} {
		ex := do(t, a, httptest.NewRequest(tc.method, tc.path, nil))
		if ex.status != 405 || ex.body["detail"] != "Method Not Allowed" || ex.header.Get("Allow") != tc.allow {
			t.Errorf("%s %s = %d %v Allow %q; want 405 Allow %q", tc.method, tc.path, ex.status, ex.body, ex.header.Get("Allow"), tc.allow)
		}
	}
	for _, method := range []string{"GET", "TRACE", "OPTIONS", "QUERY"} {
		if ex := do(t, a, httptest.NewRequest(method, "/nope", nil)); ex.status != 404 || ex.body["detail"] != "Not Found" {
			t.Errorf("%s /nope = %d %v; want 404", method, ex.status, ex.body)
		}
	}
	// PUT and DELETE /users/offset are /users/:id with the id "offset".
	for _, method := range []string{"PUT", "DELETE"} {
		if ex := do(t, a, httptest.NewRequest(method, "/users/offset", nil)); ex.status != 422 {
			t.Errorf("%s /users/offset = %d %v; want 422 (/users/:id)", method, ex.status, ex.body)
		}
	}
}

// Row ids, cursors, pages, offsets, quantities and n outside the contract's bounds, and NUL
// in stored text, are 422 before any query.
func TestOutOfRangeAndNULAre422(t *testing.T) {
	a := newApp()
	for _, target := range []string{
		"GET /cache/users/4398046511105/cached", "GET /cache/users/0/no-cache", "DELETE /cache/users/2147483648",
		"GET /users/4398046511105", "GET /users/-1", "DELETE /users/0", "PUT /users/2147483648",
		"GET /transactions/products/2147483648", "GET /users/cursor?cursor=9544203041", "GET /users/offset?page=1000001",
		"GET /users/offset?page=", "GET /n-plus-one/eager?offset=1124773556684887293952", "GET /n-plus-one/lazy?offset=1000001",
		"POST /transactions/decrement/pessimistic?product_id=3&quantity=-2147483647",
		"POST /transactions/decrement/no-lock?quantity=0", "POST /transactions/decrement/serializable?quantity=1001",
		"POST /transactions/decrement/optimistic?product_id=2147483648",
		"POST /auth/login/jwt?user_id=4398046511105", "POST /auth/login/session?user_id=4398046511105",
		"POST /auth/login/session?user_id=0", "GET /search/fulltext?q=a%00b", "GET /search/like?q=%00",
		"GET /search/like?q=%FF%FE", "GET /cpu/fibonacci?n=39", "GET /cpu/fibonacci?n=31",
	} {
		method, path, _ := strings.Cut(target, " ")
		ex := do(t, a, httptest.NewRequest(method, path, nil))
		if _, isString := ex.body["detail"].(string); ex.status != 422 || !isString {
			t.Errorf("%s = %d %v; want 422 {detail}", target, ex.status, ex.body)
		}
	}
	if ex := do(t, a, httptest.NewRequest("GET", "/cpu/fibonacci", nil)); ex.status != 200 || ex.body["n"] != float64(27) || ex.body["result"] != float64(196418) {
		t.Errorf("fibonacci default = %d %v; want n=27", ex.status, ex.body)
	}
}

func TestMalformedBodiesAre422(t *testing.T) {
	a := newApp()
	for _, target := range []string{"POST /echo", "POST /users", "PUT /users/1"} {
		method, path, _ := strings.Cut(target, " ")
		for _, body := range []string{`{"message":`, `{nope`, ``, `[1`, `"x`, `{"name":"a"}}`, "\xff\xfe",
			`{"name":"a\u0000b","email":"a@b"}`, `{"name":"ab","email":"a\u0000@b"}`} {
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if ex := do(t, a, req); ex.status != 422 {
				t.Errorf("%s %q = %d %v; want 422", target, body, ex.status, ex.body)
			}
		}
	}
	deep := `{"message":"m","data":` + strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000) + "}"
	if ex := do(t, a, httptest.NewRequest("POST", "/echo", strings.NewReader(deep))); ex.status != 422 {
		t.Errorf("echo nested 20000 deep = %d; want 422", ex.status)
	}
}

func TestMalformedUploadsAre422(t *testing.T) {
	a := newApp()
	const boundary = "b0undary"
	multipartType := "multipart/form-data; boundary=" + boundary
	part := func(disposition string) string {
		return "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
	}
	for _, tc := range []struct{ what, body, contentType string }{
		{"no closing boundary", part(`form-data; name="file"; filename="a.txt"`), multipartType},
		{"a file part cut short", "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhel", multipartType},
		{"headers cut short", "--" + boundary + "\r\nContent-Disposition: form-da", multipartType},
		{"no part at all", "--" + boundary + "--\r\n", multipartType},
		{"garbage", "not multipart at all", multipartType},
		{"an empty body", "", multipartType},
		{"a plain field named file", part(`form-data; name="file"`) + "--" + boundary + "--\r\n", multipartType},
		{"no boundary parameter", part(`form-data; name="file"; filename="a.txt"`), "multipart/form-data"},
		{"a JSON body", `{"file":"x"}`, "application/json"},
		{"no Content-Type", "x", ""},
	} {
		req := httptest.NewRequest("POST", "/upload", strings.NewReader(tc.body))
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		if ex := do(t, a, req); ex.status != 422 || ex.body["detail"] != "No file uploaded" {
			t.Errorf("upload with %s = %d %v; want 422 No file uploaded", tc.what, ex.status, ex.body)
		}
	}
}
