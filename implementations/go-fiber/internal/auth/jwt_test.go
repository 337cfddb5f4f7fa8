package auth

import (
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

var secret = []byte("benchmark-secret-key-12345")

func payload(t *testing.T, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token %q is not a JWS", token)
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	return claims
}

func TestIssueJWTClaims(t *testing.T) {
	now := time.Unix(1_750_000_000, 0)
	token, err := IssueJWT(secret, 42, "user42@benchmark.com", now)
	if err != nil {
		t.Fatal(err)
	}
	claims := payload(t, token)
	if claims["sub"] != "42" || claims["email"] != "user42@benchmark.com" || claims["exp"] != float64(1_750_001_800) {
		t.Errorf("claims = %v; want sub \"42\", email, exp now+1800", claims)
	}
	if len(claims) != 3 {
		t.Errorf("claims = %v; want exactly sub, email, exp", claims)
	}
	header, _ := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[0])
	if !strings.Contains(string(header), `"alg":"HS256"`) {
		t.Errorf("header = %s; want HS256", header)
	}
	if id, err := VerifyJWT(secret, token, now.Add(time.Minute)); err != nil || id != 42 {
		t.Errorf("VerifyJWT = %d, %v; want 42", id, err)
	}
}

func TestVerifyJWTRefuses(t *testing.T) {
	now := time.Unix(1_750_000_000, 0)
	token, err := IssueJWT(secret, 1, "user1@benchmark.com", now)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(token, ".")
	tamperedPayload := base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"2","email":"user1@benchmark.com","exp":1750001800}`))
	none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	for name, tc := range map[string]struct {
		token string
		at    time.Time
		key   []byte
	}{
		"expired":      {token, now.Add(1801 * time.Second), secret},
		"tampered sub": {parts[0] + "." + tamperedPayload + "." + parts[2], now, secret},
		"alg none":     {none + "." + parts[1] + ".", now, secret},
		"other secret": {token, now, []byte("another-secret")},
		"garbage":      {"not.a.jwt", now, secret},
		"empty":        {"", now, secret},
	} {
		if id, err := VerifyJWT(tc.key, tc.token, tc.at); err == nil {
			t.Errorf("%s: VerifyJWT = %d, nil; want refused", name, id)
		}
	}
}

func TestNewSessionToken(t *testing.T) {
	a, err := NewSessionToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewSessionToken()
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`).MatchString(a) || a == b {
		t.Errorf("tokens %q, %q; want distinct 43-char base64url", a, b)
	}
}

func TestBearerToken(t *testing.T) {
	for header, want := range map[string]string{"Bearer abc": "abc", "Bearer ": "", "bearer abc": "", "abc": "", "": ""} {
		got, ok := BearerToken(header)
		if got != want || ok != (want != "") {
			t.Errorf("BearerToken(%q) = %q, %v; want %q", header, got, ok, want)
		}
	}
}
