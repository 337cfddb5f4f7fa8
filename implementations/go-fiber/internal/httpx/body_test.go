package httpx

import (
	"errors"
	"testing"

	"github.com/gofiber/fiber/v2"
)

func statusOf(err error) int {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return fe.Code
	}
	return 0
}

func TestDecodeObjectRejectsNonObjects(t *testing.T) {
	for _, body := range []string{"", "   ", "[]", "null", `"x"`, "42", `{"message": "unterminated`, `{"a":1} trailing`} {
		if _, err := DecodeObject([]byte(body)); statusOf(err) != fiber.StatusUnprocessableEntity {
			t.Errorf("DecodeObject(%q) error = %v; want 422", body, err)
		}
	}
}

func TestObjectString(t *testing.T) {
	obj, err := DecodeObject([]byte(`{"s":"x","n":5,"z":null,"o":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	if v, present, err := obj.String("s"); v != "x" || !present || err != nil {
		t.Errorf(`String("s") = %q, %v, %v`, v, present, err)
	}
	if _, present, err := obj.String("missing"); present || err != nil {
		t.Errorf(`String("missing") = %v, %v; want absent`, present, err)
	}
	for _, key := range []string{"n", "z", "o"} {
		if _, _, err := obj.String(key); statusOf(err) != fiber.StatusUnprocessableEntity {
			t.Errorf("String(%q) error = %v; want 422", key, err)
		}
	}
	if _, err := obj.RequiredString("missing"); statusOf(err) != fiber.StatusUnprocessableEntity {
		t.Errorf("RequiredString(missing) error = %v; want 422", err)
	}
}

func TestObjectNullableObject(t *testing.T) {
	obj, err := DecodeObject([]byte(`{"o":{"b":1,"a":[1,2]},"z":null,"s":"x","l":[1]}`))
	if err != nil {
		t.Fatal(err)
	}
	if raw, err := obj.NullableObject("o"); err != nil || string(raw) != `{"b":1,"a":[1,2]}` {
		t.Errorf(`NullableObject("o") = %s, %v; want the object unchanged`, raw, err)
	}
	for _, key := range []string{"z", "missing"} {
		if raw, err := obj.NullableObject(key); raw != nil || err != nil {
			t.Errorf("NullableObject(%q) = %s, %v; want nil", key, raw, err)
		}
	}
	for _, key := range []string{"s", "l"} {
		if _, err := obj.NullableObject(key); statusOf(err) != fiber.StatusUnprocessableEntity {
			t.Errorf("NullableObject(%q) error = %v; want 422", key, err)
		}
	}
}
