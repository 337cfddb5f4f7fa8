package main

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestWeightedRotationIsSmoothAndReduced(t *testing.T) {
	cases := []struct {
		weights []int
		want    []int
	}{
		{[]int{3, 1}, []int{0, 0, 1, 0}},
		{[]int{30, 10}, []int{0, 0, 1, 0}},
		{[]int{1}, []int{0}},
		{[]int{1, 1, 1}, []int{0, 1, 2}},
	}
	for _, c := range cases {
		got, err := weightedRotation(c.weights)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("weightedRotation(%v) = %v, %v; want %v", c.weights, got, err, c.want)
		}
	}
	got, _ := weightedRotation([]int{5, 3, 2})
	counts := make([]int, 3)
	for _, i := range got {
		counts[i]++
	}
	if !reflect.DeepEqual(counts, []int{5, 3, 2}) {
		t.Errorf("5:3:2 rotation counts %v", counts)
	}
	if _, err := weightedRotation([]int{10_001, 1}); err == nil {
		t.Error("a rotation longer than 10 000 must be refused")
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8000", "http://127.0.0.1:8000/", "http://127.9.9.9:1", "http://[::1]:8000"} {
		if _, err := loopbackHost(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{
		"http://10.0.0.1:80", "http://192.168.1.1:80", "http://example.com:80", "http://localhost:80",
		"https://127.0.0.1:443", "http://127.0.0.1", "http://127.0.0.1:80/path", "ftp://127.0.0.1:21", "127.0.0.1:80",
	} {
		if _, err := loopbackHost(bad); err == nil || !errors.Is(err, errPlan) {
			t.Errorf("%s accepted (err %v)", bad, err)
		}
	}
}

func TestResolveValidatesEveryField(t *testing.T) {
	p, err := readPlan(strings.NewReader(`{"target":"http://127.0.0.1:9","connections":0,"durationMs":0,"graceMs":-1,
		"requests":[{"method":"G T","path":"nope","weight":-2},{"method":"POST","path":"/x","body":"a","bodyBase64":"YQ=="}]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.resolve()
	if err == nil {
		t.Fatal("expected problems")
	}
	for _, want := range []string{"connections", "durationMs", "graceMs", "requests[0].weight", "requests[0].method", "requests[0].path", "requests[1].body"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("problems %q lack %q", err, want)
		}
	}
	if _, err := readPlan(strings.NewReader(`{"target":"http://127.0.0.1:9","surprise":1}`)); err == nil {
		t.Error("unknown fields must be refused")
	}
}

func TestResolveDefaultsAndBodies(t *testing.T) {
	p, err := readPlan(strings.NewReader(`{"target":"http://127.0.0.1:9","connections":2,"durationMs":100,
		"requests":[{"method":"get","path":"/users?id=1"},{"method":"POST","path":"/b","bodyBase64":"AP8=","weight":2,"endpoint":"bin","group":"G"},
		{"method":"PUT","path":"/s","body":"héllo","headers":{"b":"2","A":"1"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.resolve()
	if err != nil {
		t.Fatal(err)
	}
	if r.graceMs != defaultGraceMs || r.timeoutMs != defaultTimeoutMs {
		t.Errorf("defaults: grace %d timeout %d", r.graceMs, r.timeoutMs)
	}
	if e := r.entries[0]; e.method != "GET" || e.endpoint != "GET /users" || e.hasBody || e.weight != 1 {
		t.Errorf("entry 0: %+v", e)
	}
	if e := r.entries[1]; !reflect.DeepEqual(e.body, []byte{0, 255}) || e.endpoint != "bin" || e.group != "G" {
		t.Errorf("entry 1: %+v", e)
	}
	if e := r.entries[2]; string(e.body) != "héllo" || !reflect.DeepEqual(e.headers, [][2]string{{"A", "1"}, {"b", "2"}}) {
		t.Errorf("entry 2: %+v", e)
	}
	if !reflect.DeepEqual(r.order, []int{1, 0, 2, 1}) {
		t.Errorf("order %v", r.order)
	}
}
