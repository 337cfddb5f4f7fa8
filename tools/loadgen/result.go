package main

import (
	"math"
	"strconv"
	"time"

	hdrhistogram "github.com/HdrHistogram/hdrhistogram-go"
)

// reportedPercentiles are the percentiles every lab driver reports.
var reportedPercentiles = []float64{50, 75, 90, 95, 99, 99.9, 99.99}

// Result is the one JSON document the generator prints on stdout. Times in ms (durations) and
// µs (latencies). Histograms are HdrHistogram V2 compressed, base64 (what hdr-histogram-js's
// decodeFromCompressedBase64 reads): µs, 1 µs to 60 s, 3 significant digits.
type Result struct {
	Client            string  `json:"client"`
	Connections       int     `json:"connections"`
	PlannedDurationMs int64   `json:"plannedDurationMs"`
	DurationMs        float64 `json:"durationMs"`
	// Requests counts every request that finished, failed ones included.
	Requests   int64            `json:"requests"`
	RatePerSec float64          `json:"ratePerSec"`
	Statuses   map[string]int64 `json:"statuses"`
	Errors     ErrorCounts      `json:"errors"`
	// BytesReceived is the response body bytes of answered requests.
	BytesReceived int64 `json:"bytesReceived"`
	// InFlightUs is the time every counted request spent in flight, summed (Little's law: / duration = mean in flight).
	InFlightUs float64 `json:"inFlightUs"`
	// CPUSeconds is this process's user + system CPU during the load (getrusage).
	CPUSeconds CPU `json:"cpuSeconds"`
	// TargetRatePerSec is an open run's rate (0: closed loops).
	TargetRatePerSec float64 `json:"targetRatePerSec"`
	// Dropped is how many of an open run's requests were due while every connection had one in flight (not sent, not counted in Requests).
	Dropped int64 `json:"dropped"`
	// MaxSendLagUs is the longest an open run sent a request after its due time: the generator's own lateness, included in that request's latency.
	MaxSendLagUs int64 `json:"maxSendLagUs"`
	// Abandoned is how many requests were still in flight when the grace period ran out (not counted).
	Abandoned   int                `json:"abandoned"`
	Interrupted bool               `json:"interrupted"`
	Overall     Bucket             `json:"overall"`
	Endpoints   map[string]*Bucket `json:"endpoints"`
	Groups      map[string]*Bucket `json:"groups"`
	// PerRequest is the number of requests sent of each entry of the plan, in plan order.
	PerRequest []int64  `json:"perRequest"`
	Timeline   []Second `json:"timeline"`
}

// ErrorCounts are failed requests by kind; non2xx are answered requests whose status is not 2xx.
type ErrorCounts struct {
	Timeout int64 `json:"timeout"`
	Connect int64 `json:"connect"`
	Reset   int64 `json:"reset"`
	Non2xx  int64 `json:"non2xx"`
	Other   int64 `json:"other"`
}

// CPU is the generator's CPU time in seconds.
type CPU struct {
	User   float64 `json:"user"`
	System float64 `json:"system"`
	Total  float64 `json:"total"`
}

// Bucket is one slice of the traffic: overall, one endpoint or one group.
type Bucket struct {
	Requests   int64   `json:"requests"`
	Errors     int64   `json:"errors"`
	InFlightUs float64 `json:"inFlightUs"`
	Latency    Latency `json:"latencyUs"`
	Histogram  string  `json:"histogram"`
	hist       *hdrhistogram.Histogram
}

// Latency summarises a histogram, µs.
type Latency struct {
	Count       int64            `json:"count"`
	Min         int64            `json:"min"`
	Max         int64            `json:"max"`
	Mean        float64          `json:"mean"`
	Stdev       float64          `json:"stdev"`
	Percentiles map[string]int64 `json:"percentiles"`
}

// Second is one second of the run, by completion time.
type Second struct {
	Second   int   `json:"second"`
	Requests int64 `json:"requests"`
	Errors   int64 `json:"errors"`
	P50Us    int64 `json:"p50Us"`
	P99Us    int64 `json:"p99Us"`
}

// percentiles returns the value at each percentile (ascending) as HdrHistogram's Java and
// JavaScript implementations define it (the lab reads histograms with hdr-histogram-js): the
// highest value equivalent to the first recorded value whose cumulative count reaches
// ceil(p% × total), with their one-ulp guard. hdrhistogram-go rounds the count to nearest
// instead, which differs on a boundary between two modes. 0 for an empty histogram.
func percentiles(h *hdrhistogram.Histogram, ps []float64) []int64 {
	out := make([]int64, len(ps))
	total := h.TotalCount()
	if total == 0 {
		return out
	}
	ranks := make([]int64, len(ps))
	for i, p := range ps {
		fp := math.Min(p, 100) / 100 * float64(total)
		ulp := 0.0
		if fp > 0 {
			ulp = math.Pow(2, math.Floor(math.Log2(fp))-52)
		}
		ranks[i] = max(int64(math.Ceil(fp-ulp)), 1)
	}
	var cumulative int64
	next := 0
	for _, bar := range h.Distribution() {
		cumulative += bar.Count
		for next < len(ps) && cumulative >= ranks[next] {
			if ps[next] == 0 {
				out[next] = bar.From
			} else {
				out[next] = bar.To
			}
			next++
		}
		if next == len(ps) {
			break
		}
	}
	return out
}

func summarize(h *hdrhistogram.Histogram) Latency {
	l := Latency{Count: h.TotalCount(), Percentiles: map[string]int64{}}
	values := percentiles(h, reportedPercentiles)
	for i, p := range reportedPercentiles {
		l.Percentiles[strconv.FormatFloat(p, 'f', -1, 64)] = values[i]
	}
	if l.Count > 0 {
		l.Min, l.Max, l.Mean, l.Stdev = h.Min(), h.Max(), h.Mean(), h.StdDev()
	}
	return l
}

func (b *Bucket) add(e *entryStats) {
	b.Requests += e.requests
	b.Errors += e.errors
	b.InFlightUs += float64(e.inFlightNs) / 1000
	b.hist.Merge(e.hist)
}

func (b *Bucket) finish() error {
	b.Latency = summarize(b.hist)
	enc, err := b.hist.Encode(hdrhistogram.V2CompressedEncodingCookieBase)
	if err != nil {
		return err
	}
	b.Histogram = string(enc)
	return nil
}

// buildResult turns the recorder into the printed result (after the recorder was closed).
func buildResult(client string, p *resolved, rec *recorder, o outcome, cpu CPU) (*Result, error) {
	r := &Result{
		Client:            client,
		Connections:       p.connections,
		PlannedDurationMs: p.durationMs,
		DurationMs:        float64(o.elapsed) / float64(time.Millisecond),
		Requests:          rec.requests,
		Statuses:          map[string]int64{},
		Errors:            ErrorCounts{Timeout: rec.errs[errTimeout], Connect: rec.errs[errConnect], Reset: rec.errs[errReset], Non2xx: rec.non2xx, Other: rec.errs[errOther]},
		BytesReceived:     rec.bytes,
		InFlightUs:        float64(rec.inFlightNs) / 1000,
		CPUSeconds:        cpu,
		TargetRatePerSec:  p.ratePerSec,
		Dropped:           o.dropped,
		MaxSendLagUs:      o.maxSendLag.Microseconds(),
		Abandoned:         o.abandoned,
		Interrupted:       o.interrupted,
		Overall:           Bucket{hist: newHistogram()},
		Endpoints:         map[string]*Bucket{},
		Groups:            map[string]*Bucket{},
		PerRequest:        make([]int64, len(p.entries)),
		Timeline:          []Second{},
	}
	if o.elapsed > 0 {
		r.RatePerSec = float64(rec.requests) / o.elapsed.Seconds()
	}
	for code, n := range rec.statuses {
		if n > 0 {
			r.Statuses[strconv.Itoa(code)] = n
		}
	}
	buckets := []*Bucket{&r.Overall}
	bucket := func(m map[string]*Bucket, key string) *Bucket {
		b, ok := m[key]
		if !ok {
			b = &Bucket{hist: newHistogram()}
			m[key] = b
			buckets = append(buckets, b)
		}
		return b
	}
	for i := range p.entries {
		e, stats := &p.entries[i], &rec.entries[i]
		r.PerRequest[i] = stats.requests
		r.Overall.add(stats)
		bucket(r.Endpoints, e.endpoint).add(stats)
		if e.group != "" {
			bucket(r.Groups, e.group).add(stats)
		}
	}
	for _, b := range buckets {
		if err := b.finish(); err != nil {
			return nil, err
		}
	}
	dense := newHistogram()
	for i, s := range rec.seconds {
		second := Second{Second: i, Requests: s.requests, Errors: s.errors}
		if s.hist.TotalCount() > 0 {
			dense.Reset()
			s.hist.MergeInto(dense)
			p := percentiles(dense, []float64{50, 99})
			second.P50Us, second.P99Us = p[0], p[1]
		}
		r.Timeline = append(r.Timeline, second)
	}
	return r, nil
}
