package pagination

import (
	"math"
	"testing"
)

func TestOffset(t *testing.T) {
	for _, tc := range []struct {
		page, size, want int64
		ok               bool
	}{
		{1, 20, 0, true},
		{2, 20, 20, true},
		{5000, 20, 99980, true},
		{math.MaxInt64 / 10, 100, 0, false},
	} {
		got, ok := Offset(tc.page, tc.size)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("Offset(%d, %d) = %d, %v; want %d, %v", tc.page, tc.size, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTotalPages(t *testing.T) {
	for _, tc := range [][3]int64{{100000, 20, 5000}, {100000, 30, 3334}, {0, 20, 0}, {1, 100, 1}} {
		if got := TotalPages(tc[0], tc[1]); got != tc[2] {
			t.Errorf("TotalPages(%d, %d) = %d; want %d", tc[0], tc[1], got, tc[2])
		}
	}
}
