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
	// An open run's requests that were due while every connection had one in flight, and the
	// longest any request was sent after its due time (the generator's own lateness).
	dropped    int64
	maxSendLag time.Duration
}

// loadRun is what the loops of a run share: the rotation of the mix, the end of new requests,
// the flags that stop them and the count of loops still busy. An open run also has its schedule,
// which only its event loop reads and writes (epollLoop.runOpen).
type loadRun struct {
	p    *resolved
	rec  *recorder
	end  time.Time // no request starts at or after it
	next atomic.Uint64
	stop atomic.Bool  // no new requests (the duration ended or the run was interrupted)
	quit atomic.Bool  // the grace period is over: requests still in flight are given up
	busy atomic.Int64 // closed: loops not finished yet; open: requests in flight. At the end of the grace period, the abandoned requests

	total      int64 // open: requests scheduled, ⌊rate × duration⌋
	scheduled  int64 // open: requests already due (sent or dropped)
	dropped    int64
	maxSendLag time.Duration
}

// open reports whether the run sends at a fixed rate rather than in closed loops.
func (l *loadRun) open() bool {
	return l.p.ratePerSec > 0
}

// due is when the open run's request i is due: i / rate after the start.
func (l *loadRun) due(i int64) time.Time {
	return l.rec.start.Add(time.Duration(float64(i) * float64(time.Second) / l.p.ratePerSec))
}

// sends reports whether a loop may send a new request at t.
func (l *loadRun) sends(t time.Time) bool {
	return !l.stop.Load() && t.Before(l.end)
}

// nextEntry is the entry of the next request, in the rotation shared by all connections.
func (l *loadRun) nextEntry() int {
	return l.p.order[(l.next.Add(1)-1)%uint64(len(l.p.order))]
}

// finish records a request of entry i sent at t0 and finished at t1.
func (l *loadRun) finish(i int, t0, t1 time.Time, status int, bodyBytes int64, err error) {
	l.rec.record(i, t1.Sub(t0), t1, status, bodyBytes, classify(err))
}

// loops starts the closed loops of a run and returns a channel closed once they have all
// stopped. Each loop counts itself in busy while it runs.
type loops func(l *loadRun) <-chan struct{}

// connLoops runs each conn's closed loop on its own goroutine.
func connLoops(conns []conn) loops {
	return func(l *loadRun) <-chan struct{} {
		var wg sync.WaitGroup
		for _, c := range conns {
			wg.Add(1)
			l.busy.Add(1)
			go func(c conn) {
				defer wg.Done()
				defer l.busy.Add(-1)
				for {
					t0 := time.Now()
					if !l.sends(t0) {
						return
					}
					i := l.nextEntry()
					status, n, err := c.do(i)
					l.finish(i, t0, time.Now(), status, n, err)
				}
			}(c)
		}
		done := make(chan struct{})
		go func() {
			wg.Wait()
			close(done)
		}()
		return done
	}
}

// runLoad runs the closed loops: each connection sends its next request as soon as the previous
// answer is read, the request chosen by a rotation shared by all connections, until the
// duration ends or ctx is cancelled. Requests in flight then have graceMs to finish; later ones
// are abandoned and not counted.
//
// An open run (p.ratePerSec > 0) sends its requests at their due times instead; it waits for its
// event loop to stop, so that its connections can serve the next run (measureSteps).
func runLoad(ctx context.Context, p *resolved, start loops, rec *recorder, onTick func(elapsed time.Duration)) outcome {
	l := &loadRun{p: p, rec: rec, end: rec.start.Add(time.Duration(p.durationMs) * time.Millisecond)}
	if l.open() {
		l.total = int64(p.ratePerSec * float64(p.durationMs) / 1000)
	}
	allDone := start(l)
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	timer := time.NewTimer(time.Until(l.end))
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
	l.stop.Store(true)
	grace := time.NewTimer(time.Duration(p.graceMs) * time.Millisecond)
	defer grace.Stop()
	select {
	case <-allDone:
	case <-grace.C:
	}
	rec.close()
	abandoned := int(l.busy.Load())
	l.quit.Store(true)
	o := outcome{elapsed: time.Since(rec.start), abandoned: abandoned, interrupted: interrupted}
	if l.open() {
		<-allDone // within epollWaitMs of quit
		o.dropped, o.maxSendLag = l.dropped, l.maxSendLag
	}
	return o
}
