package transactions

import (
	"errors"
	"math"
	"testing"
)

func TestDecremented(t *testing.T) {
	for _, tc := range []struct{ stock, quantity, want int64 }{
		{1000, 3, 997},
		{0, 1000, -1000},
		{math.MinInt32 + 1000, 1000, math.MinInt32},
	} {
		if got, err := decremented(tc.stock, tc.quantity); err != nil || got != tc.want {
			t.Errorf("decremented(%d, %d) = %d, %v; want %d", tc.stock, tc.quantity, got, err, tc.want)
		}
	}
	if _, err := decremented(math.MinInt32+999, 1000); !errors.Is(err, errStockOutOfRange) || err.Error() != "Stock out of range" {
		t.Errorf("below the integer range: error = %v; want Stock out of range", err)
	}
}
