// Command loadgen is the lab's HTTP load generator: closed loops, and open runs at a fixed rate.
//
// It reads a plan (JSON, see Plan) from a file or stdin, opens N keep-alive connections to a
// loopback target, and on each sends the next request of a fixed weighted mix as soon as the
// previous answer has been read, for the planned duration. Every answered request's latency,
// from sending to the last byte of the response, goes into HDR histograms as measured: no
// coordinated-omission correction, no synthetic samples. It prints one JSON result (Result) on
// stdout. With -progress it writes {"progress":{...}} lines to stderr about once a second.
//
// With ratePerSec in the plan the run is open: request i is due i / ratePerSec after the start,
// sent on an idle connection or dropped, its latency counted from the due time. -steps runs one
// open run per line of stdin on the same connections and prints one result line per step (a
// sweep's steps).
//
// Exit codes: 0 measured (failed requests are data, not errors), 2 bad flags or plan
// (including a non-loopback target), 1 anything else.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	planPath := fs.String("plan", "-", "plan file (JSON); - reads stdin")
	client := fs.String("client", defaultClient(), "HTTP client: "+strings.Join(clientKinds, ", ")+" (default: $LOADGEN_CLIENT, else "+platformClient()+")")
	progress := fs.Bool("progress", false, `write {"progress":{elapsedMs,requests,errors}} lines to stderr once a second`)
	steps := fs.Bool("steps", false, `run open steps read from stdin, one per line, {"ratePerSec":R,"durationMs":D}, and print one result line per step; the connections stay open from one step to the next (needs -plan file and the epoll client)`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loadgen [-plan file.json] [-client "+strings.Join(clientKinds, "|")+"] [-progress] < plan.json")
		fmt.Fprintln(stderr, "       loadgen -plan file.json -steps [-progress] < steps.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "loadgen: unexpected arguments: %v\n", fs.Args())
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	enc := json.NewEncoder(stdout)
	var err error
	if *steps {
		if *planPath == "-" {
			fmt.Fprintln(stderr, "loadgen: -steps reads its steps from stdin: give the plan with -plan file.json")
			return 2
		}
		err = measureSteps(ctx, *planPath, *client, stdin, enc.Encode, progressWriter(*progress, stderr))
	} else {
		var result *Result
		if result, err = measure(ctx, *planPath, *client, stdin, progressWriter(*progress, stderr)); err == nil {
			err = enc.Encode(result)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "loadgen: %v\n", err)
		if errors.Is(err, errPlan) {
			return 2
		}
		return 1
	}
	return 0
}

// loadPlan reads and validates the plan, from planPath or ("-") stdin.
func loadPlan(planPath string, stdin io.Reader) (*resolved, error) {
	var in io.Reader = stdin
	if planPath != "-" {
		f, err := os.Open(planPath)
		if err != nil {
			return nil, planError("%v", err)
		}
		defer f.Close()
		in = f
	}
	plan, err := readPlan(in)
	if err != nil {
		return nil, err
	}
	return plan.resolve()
}

// progressFunc receives the progress of a run about once a second.
type progressFunc func(elapsed time.Duration, requests, errors int64)

// measure reads and validates the plan, runs the load and builds the result.
func measure(ctx context.Context, planPath, client string, stdin io.Reader, onProgress progressFunc) (*Result, error) {
	p, err := loadPlan(planPath, stdin)
	if err != nil {
		return nil, err
	}
	start, closeLoops, err := newLoops(client, p)
	if err != nil {
		return nil, planError("%v", err)
	}
	if p.ratePerSec > 0 {
		// A closed run's loops close their connections as they end; an open run's are idle, kept for a next step.
		defer closeLoops()
	}
	return runOnce(ctx, client, p, start, onProgress)
}

// Step is one open run of -steps: a line of stdin.
type Step struct {
	RatePerSec float64 `json:"ratePerSec"`
	DurationMs int64   `json:"durationMs"`
}

// measureSteps runs the open steps read from steps (JSON, one per line) with the plan's
// requests and connections, in order, and emits each step's result as soon as it ends. The
// connections a step leaves idle serve the next, so a sweep's steps do not each begin by
// opening connections. It stops at the end of the input, or after a step that was interrupted.
func measureSteps(ctx context.Context, planPath, client string, steps io.Reader, emit func(any) error, onProgress progressFunc) error {
	p, err := loadPlan(planPath, nil)
	if err != nil {
		return err
	}
	if client != "epoll" {
		return planError("-steps runs open steps, which need the epoll client, not %s", client)
	}
	start, closeLoops, err := newLoops(client, p)
	if err != nil {
		return planError("%v", err)
	}
	defer closeLoops()
	dec := json.NewDecoder(steps)
	dec.DisallowUnknownFields()
	for n := 1; ; n++ {
		var s Step
		if err := dec.Decode(&s); err == io.EOF {
			return nil
		} else if err != nil {
			return planError("step %d: %v", n, err)
		}
		if s.RatePerSec <= 0 || s.RatePerSec > maxRatePerSec || s.DurationMs < 1 {
			return planError("step %d: expected ratePerSec in (0, %d] and durationMs ≥ 1, got %g and %d", n, maxRatePerSec, s.RatePerSec, s.DurationMs)
		}
		step := *p
		step.ratePerSec, step.durationMs = s.RatePerSec, s.DurationMs
		r, err := runOnce(ctx, client, &step, start, onProgress)
		if err != nil {
			return err
		}
		if err := emit(r); err != nil {
			return err
		}
		if r.Interrupted {
			return nil
		}
	}
}

// runOnce runs one load (closed, or open when p.ratePerSec is set) and builds its result.
func runOnce(ctx context.Context, client string, p *resolved, start loops, onProgress progressFunc) (*Result, error) {
	cpu0 := cpuTime()
	rec := newRecorder(len(p.entries), time.Now())
	var tick func(time.Duration)
	if onProgress != nil {
		tick = func(elapsed time.Duration) {
			requests, errors := rec.totals()
			onProgress(elapsed, requests, errors)
		}
	}
	o := runLoad(ctx, p, start, rec, tick)
	cpu := cpuTime().minus(cpu0)
	return buildResult(client, p, rec, o, cpu)
}

// defaultClient is the client used without -client: $LOADGEN_CLIENT when set (so that a lab
// bench can be repeated with another client), else platformClient.
func defaultClient() string {
	if c := os.Getenv("LOADGEN_CLIENT"); c != "" {
		return c
	}
	return platformClient()
}

// platformClient is the cheapest client per request where it runs: epoll on Linux (20–35 % less
// CPU per request than fasthttp on a quiet host, docs/calibration.md), fasthttp elsewhere.
func platformClient() string {
	if epollAvailable {
		return "epoll"
	}
	return "fasthttp"
}

func progressWriter(enabled bool, w io.Writer) progressFunc {
	if !enabled {
		return nil
	}
	return func(elapsed time.Duration, requests, errors int64) {
		fmt.Fprintf(w, "{\"progress\":{\"elapsedMs\":%d,\"requests\":%d,\"errors\":%d}}\n", elapsed.Milliseconds(), requests, errors)
	}
}

// cpuTime is this process's CPU time so far (getrusage RUSAGE_SELF).
func cpuTime() CPU {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return CPU{}
	}
	user := float64(ru.Utime.Sec) + float64(ru.Utime.Usec)/1e6
	system := float64(ru.Stime.Sec) + float64(ru.Stime.Usec)/1e6
	return CPU{User: user, System: system, Total: user + system}
}

func (c CPU) minus(o CPU) CPU {
	return CPU{User: c.User - o.User, System: c.System - o.System, Total: c.Total - o.Total}
}
