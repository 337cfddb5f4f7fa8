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
