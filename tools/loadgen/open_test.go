package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func requireEpoll(t *testing.T) {
	t.Helper()
	if !epollAvailable {
		t.Skip("open runs need the epoll client, which exists on Linux only: run these tests on Linux")
	}
}

// An open run sends ⌊rate × duration⌋ requests whatever the answers, each counted once: answered,
// or dropped when every connection was busy.
func TestOpenRunSendsItsSchedule(t *testing.T) {
	requireEpoll(t)
	s := startServer(t)
	r := measureJSON(t, context.Background(), "epoll", planJSON(s.URL, 20, 500, `,"ratePerSec":400`, `{"method":"GET","path":"/fast"}`))
	if r.Requests+r.Dropped != 200 || r.Requests != int64(s.count("GET /fast")) || r.Abandoned != 0 {
		t.Fatalf("%d requests + %d dropped of 200 due; the server saw %d; abandoned %d", r.Requests, r.Dropped, s.count("GET /fast"), r.Abandoned)
	}
	if r.TargetRatePerSec != 400 || r.Overall.Latency.Count != r.Requests || r.Statuses["200"] != r.Requests {
		t.Errorf("target %g, histogram %d, statuses %v", r.TargetRatePerSec, r.Overall.Latency.Count, r.Statuses)
	}

	// One connection and 30 ms answers cannot keep up with one request due every 10 ms: the
	// requests due while it is busy are dropped, not queued.
	r = measureJSON(t, context.Background(), "epoll", planJSON(s.URL, 1, 500, `,"ratePerSec":100`, `{"method":"GET","path":"/delay"}`))
	if r.Requests+r.Dropped != 50 || r.Dropped == 0 || r.Requests == 0 {
		t.Errorf("%d requests + %d dropped of 50 due", r.Requests, r.Dropped)
	}
}

// A request's latency counts from when it was due, not from when the generator got to send it:
// a run whose first 200 ms of requests are all overdue at its start (as after a 200 ms stall of
// the generator) reports at least 200 ms for the first of them.
func TestOpenRunCountsLatencyFromTheDueTime(t *testing.T) {
	requireEpoll(t)
	s := startServer(t)
	plan, err := (&Plan{Target: s.URL, Connections: 50, DurationMs: 400, RatePerSec: 100, Requests: []PlanRequest{{Method: "GET", Path: "/fast"}}}).resolve()
	if err != nil {
		t.Fatal(err)
	}
	start, closeLoops, err := newLoops("epoll", plan)
	if err != nil {
		t.Fatal(err)
	}
	defer closeLoops()
	rec := newRecorder(len(plan.entries), time.Now().Add(-200*time.Millisecond))
	o := runLoad(context.Background(), plan, start, rec, nil)
	if o.maxSendLag < 200*time.Millisecond {
		t.Errorf("max send lag %v, expected ≥ 200 ms", o.maxSendLag)
	}
	if rec.requests+o.dropped != 40 {
		t.Errorf("%d requests + %d dropped of 40 due", rec.requests, o.dropped)
	}
	if max := rec.entries[0].hist.Max(); max < 200_000 {
		t.Errorf("max latency %d µs, expected ≥ 200000 (from the due time)", max)
	}
}

// -steps runs one open step per line of stdin on the same connections, and prints each step's
// result as it ends.
func TestStepsReuseTheirConnections(t *testing.T) {
	requireEpoll(t)
	s, opened := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok"))
	})
	dir := t.TempDir()
	planPath := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(planPath, []byte(planJSON(s.URL, 30, 1, "", `{"method":"GET","path":"/"}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	var results []*Result
	var openedAfter []int
	steps := strings.NewReader(`{"ratePerSec":200,"durationMs":300}` + "\n" + `{"ratePerSec":100,"durationMs":300}` + "\n")
	err := measureSteps(context.Background(), planPath, "epoll", steps, func(v any) error {
		results = append(results, v.(*Result))
		openedAfter = append(openedAfter, opened())
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 {
		t.Fatalf("%d results for 2 steps", len(results))
	}
	for i, want := range []int64{60, 30} {
		r := results[i]
		if r.Requests+r.Dropped != want || r.Errors != (ErrorCounts{}) || r.Abandoned != 0 {
			t.Errorf("step %d: %d requests + %d dropped of %d, errors %+v, abandoned %d", i+1, r.Requests, r.Dropped, want, r.Errors, r.Abandoned)
		}
	}
	// The second step, at half the rate, needed no connection the first had not opened.
	if openedAfter[0] == 0 || openedAfter[0] > 30 || openedAfter[1] != openedAfter[0] {
		t.Errorf("connections opened after each step: %v (30 at most, none new in the second)", openedAfter)
	}
}

func TestOpenRunsRefuseWhatTheyCannotDo(t *testing.T) {
	s := startServer(t)
	var out, errOut bytes.Buffer
	plan := planJSON(s.URL, 1, 100, `,"ratePerSec":10`, `{"method":"GET","path":"/fast"}`)
	if code := run([]string{"-client", "raw"}, strings.NewReader(plan), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "epoll") {
		t.Errorf("open run on the raw client: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"-steps"}, strings.NewReader(`{"ratePerSec":10,"durationMs":100}`), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "-plan") {
		t.Errorf("-steps without -plan: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(nil, strings.NewReader(planJSON(s.URL, 1, 100, `,"ratePerSec":-1`, `{"method":"GET","path":"/fast"}`)), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "ratePerSec") {
		t.Errorf("negative rate: exit %d, %q", code, errOut.String())
	}
	if !epollAvailable {
		return
	}
	planPath := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(planPath, []byte(planJSON(s.URL, 1, 1, "", `{"method":"GET","path":"/fast"}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{`{"ratePerSec":0,"durationMs":100}`, `{"rate":10}`, `not json`} {
		errOut.Reset()
		out.Reset()
		if code := run([]string{"-plan", planPath, "-steps", "-client", "epoll"}, strings.NewReader(step), &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "step 1") {
			t.Errorf("step %s: exit %d, %q", step, code, errOut.String())
		}
	}
}
