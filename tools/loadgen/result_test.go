package main

import (
	"reflect"
	"testing"
	"time"
)

func TestPercentilesFollowHdrHistogramJava(t *testing.T) {
	h := newHistogram()
	for _, v := range []int64{100, 100, 1000, 1000} {
		_ = h.RecordValue(v)
	}
	// 55 % of 4 is 2.2: the 3rd value (1000), where rounding to nearest would give the 2nd (100).
	got := percentiles(h, []float64{0, 25, 50, 55, 100})
	if want := []int64{100, 100, 100, 1000, 1000}; !reflect.DeepEqual(got, want) {
		t.Errorf("percentiles = %v, want %v", got, want)
	}
	if got := percentiles(newHistogram(), []float64{50, 99}); !reflect.DeepEqual(got, []int64{0, 0}) {
		t.Errorf("empty: %v", got)
	}
	// Values are kept at 3 significant digits: 123 456 µs reads back within its bucket.
	_ = h.RecordValue(123_456)
	if v := percentiles(h, []float64{100})[0]; v < 123_456 || v > 123_456+128 {
		t.Errorf("max bucket %d", v)
	}
}

func TestLatencyIsClampedToTheHistogramRange(t *testing.T) {
	if latencyUs(200*time.Nanosecond) != 1 || latencyUs(1499*time.Nanosecond) != 1 || latencyUs(1500*time.Nanosecond) != 2 || latencyUs(2*time.Minute) != highestUs {
		t.Error("latencyUs must round to µs within 1 µs – 60 s")
	}
}
