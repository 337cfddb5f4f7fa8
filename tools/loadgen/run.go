package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	hdrhistogram "github.com/HdrHistogram/hdrhistogram-go"
)

// Histogram geometry, as the lab's recorder (libs/engine/src/metrics/recorder.ts): µs, 1 µs to
// 60 s, 3 significant digits. Larger latencies are clamped to the highest value.
const (
	lowestUs      = 1
	highestUs     = 60_000_000
	significant   = 3
	maxStatusCode = 999
)

func newHistogram() *hdrhistogram.Histogram {
	return hdrhistogram.New(lowestUs, highestUs, significant)
}

// entryStats are the figures of one request of the mix.
type entryStats struct {
	requests   int64
	errors     int64
	inFlightNs int64
	hist       *hdrhistogram.Histogram
}

// secondStats are the figures of one second of the run, by completion time.
type secondStats struct {
	requests int64
	errors   int64
	hist     *hdrhistogram.PackedHistogram
}

// recorder holds every measurement of a run. One mutex: the generator runs on one core, so it is
// uncontended, and it lets the run stop recording at a precise moment (requests that finish
// after the grace period are not counted).
type recorder struct {
	mu         sync.Mutex
	closed     bool
	start      time.Time
	entries    []entryStats
	seconds    []*secondStats
	statuses   [maxStatusCode + 1]int64
	errs       [errOther + 1]int64
	non2xx     int64
	requests   int64
	inFlightNs int64
	bytes      int64
}

func newRecorder(entries int, start time.Time) *recorder {
	r := &recorder{start: start, entries: make([]entryStats, entries)}
	for i := range r.entries {
		r.entries[i].hist = newHistogram()
	}
	return r
}

// latencyUs rounds a latency to whole µs within the histogram's range.
func latencyUs(d time.Duration) int64 {
	us := (d.Nanoseconds() + 500) / 1000
	if us < lowestUs {
		return lowestUs
	}
	if us > highestUs {
		return highestUs
	}
	return us
}

// record adds one finished request: its entry, latency, completion time, status (0 on a
// transport error), body bytes and error kind. Only answered requests enter histograms; every
// request's time counts in flight (Little's law).
func (r *recorder) record(i int, latency time.Duration, done time.Time, status int, bytes int64, kind errorKind) {
	us := latencyUs(latency)
	sec := int(done.Sub(r.start) / time.Second)
	if sec < 0 {
		sec = 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	e := &r.entries[i]
	for len(r.seconds) <= sec {
		r.seconds = append(r.seconds, &secondStats{hist: hdrhistogram.NewPacked(lowestUs, highestUs, significant)})
	}
	s := r.seconds[sec]
	r.requests++
	e.requests++
	s.requests++
	r.inFlightNs += latency.Nanoseconds()
	e.inFlightNs += latency.Nanoseconds()
	failed := kind != errNone
	if failed {
		r.errs[kind]++
	} else {
		if status >= 0 && status <= maxStatusCode {
			r.statuses[status]++
		}
		r.bytes += bytes
		if status < 200 || status >= 300 {
			r.non2xx++
			failed = true
		}
		_ = e.hist.RecordValue(us)
		_ = s.hist.RecordValue(us)
	}
	if failed {
		e.errors++
		s.errors++
	}
}

// totals is what the progress line shows.
func (r *recorder) totals() (requests, errors int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests, r.errs[errTimeout] + r.errs[errConnect] + r.errs[errReset] + r.errs[errOther] + r.non2xx
}

// close stops recording; later completions are ignored.
func (r *recorder) close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
}

// outcome is how the run ended.
type outcome struct {
	elapsed     time.Duration
	abandoned   int
	interrupted bool
}

// runLoad runs the closed loops: each connection sends its next request as soon as the previous
// answer is read, the request chosen by a rotation shared by all connections, until the
// duration ends or ctx is cancelled. Requests in flight then have graceMs to finish; later ones
// are abandoned and not counted.
func runLoad(ctx context.Context, p *resolved, conns []conn, rec *recorder, onTick func(elapsed time.Duration)) outcome {
	var next atomic.Uint64
	var stop atomic.Bool
	var running atomic.Int64
	end := rec.start.Add(time.Duration(p.durationMs) * time.Millisecond)
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		running.Add(1)
		go func(c conn) {
			defer wg.Done()
			defer running.Add(-1)
			for !stop.Load() {
				t0 := time.Now()
				if !t0.Before(end) {
					return
				}
				i := p.order[(next.Add(1)-1)%uint64(len(p.order))]
				status, n, err := c.do(i)
				t1 := time.Now()
				rec.record(i, t1.Sub(t0), t1, status, n, classify(err))
			}
		}(c)
	}
	allDone := make(chan struct{})
	go func() {
		wg.Wait()
		close(allDone)
	}()
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	timer := time.NewTimer(time.Until(end))
	defer timer.Stop()
	interrupted := false
wait:
	for {
		select {
		case <-allDone:
			break wait
		case <-timer.C:
			break wait
		case <-ctx.Done():
			interrupted = true
			break wait
		case <-ticker.C:
			if onTick != nil {
				onTick(time.Since(rec.start))
			}
		}
	}
	stop.Store(true)
	grace := time.NewTimer(time.Duration(p.graceMs) * time.Millisecond)
	defer grace.Stop()
	select {
	case <-allDone:
	case <-grace.C:
	}
	rec.close()
	return outcome{elapsed: time.Since(rec.start), abandoned: int(running.Load()), interrupted: interrupted}
}
