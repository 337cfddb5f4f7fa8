package httpx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Object is a decoded JSON object body whose members are still raw JSON, so each field can
// be checked strictly: present or absent, null, of the right type.
type Object map[string]json.RawMessage

// DecodeObject parses body as a JSON object: 422 when it is malformed or not an object.
func DecodeObject(body []byte) (Object, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, Invalid("request body must be a JSON object")
	}
	var obj Object
	if err := json.Unmarshal(trimmed, &obj); err != nil {
		return nil, Invalid("malformed JSON body")
	}
	return obj, nil
}

// String reads the member key as a string. present is false when it is absent; a member
// that is null or not a string is a 422.
func (o Object) String(key string) (value string, present bool, err error) {
	raw, ok := o[key]
	if !ok {
		return "", false, nil
	}
	if err := json.Unmarshal(raw, &value); err != nil || raw[0] != '"' {
		return "", true, Invalid(fmt.Sprintf("%s must be a string", key))
	}
	return value, true, nil
}

// RequiredString reads the member key as a string: 422 when absent, null or not a string.
func (o Object) RequiredString(key string) (string, error) {
	v, present, err := o.String(key)
	if err != nil {
		return "", err
	}
	if !present {
		return "", Invalid(fmt.Sprintf("%s is required", key))
	}
	return v, nil
}

// NullableObject reads the member key as a JSON object or null; absent is null. The raw
// object is returned unchanged (key order and number text preserved).
func (o Object) NullableObject(key string) (json.RawMessage, error) {
	raw, ok := o[key]
	if !ok || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] != '{' {
		return nil, Invalid(fmt.Sprintf("%s must be an object or null", key))
	}
	return raw, nil
}

// ElapsedMs is the wall time since start in milliseconds, with sub-millisecond precision.
func ElapsedMs(start time.Time) float64 {
	return float64(time.Since(start).Nanoseconds()) / 1e6
}
