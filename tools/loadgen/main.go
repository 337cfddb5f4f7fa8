// Command loadgen is the lab's closed-loop HTTP load generator.
//
// It reads a plan (JSON, see Plan) from a file or stdin, opens N keep-alive connections to a
// loopback target, and on each sends the next request of a fixed weighted mix as soon as the
// previous answer has been read, for the planned duration. Every answered request's latency,
// from sending to the last byte of the response, goes into HDR histograms as measured: no
// coordinated-omission correction, no synthetic samples. It prints one JSON result (Result) on
// stdout. With -progress it writes {"progress":{...}} lines to stderr about once a second.
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
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loadgen [-plan file.json] [-client "+strings.Join(clientKinds, "|")+"] [-progress] < plan.json")
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
	result, err := measure(ctx, *planPath, *client, stdin, progressWriter(*progress, stderr))
	if err != nil {
		fmt.Fprintf(stderr, "loadgen: %v\n", err)
		if errors.Is(err, errPlan) {
			return 2
		}
		return 1
	}
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(result); err != nil {
		fmt.Fprintf(stderr, "loadgen: %v\n", err)
		return 1
	}
	return 0
}

// measure reads and validates the plan, runs the load and builds the result.
func measure(ctx context.Context, planPath, client string, stdin io.Reader, onProgress func(elapsed time.Duration, requests, errors int64)) (*Result, error) {
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
	p, err := plan.resolve()
	if err != nil {
		return nil, err
	}
	start, err := newLoops(client, p)
	if err != nil {
		return nil, planError("%v", err)
	}
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

func progressWriter(enabled bool, w io.Writer) func(time.Duration, int64, int64) {
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
