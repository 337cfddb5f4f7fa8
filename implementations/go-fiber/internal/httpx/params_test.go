package httpx

import (
	"math"
	"testing"
)

func TestParseIntAccepts(t *testing.T) {
	size := Between(1, 100)
	for _, tc := range []struct {
		text string
		b    Bounds
		want int64
	}{
		{"1", size, 1},
		{"100", size, 100},
		{"007", size, 7},
		{"-3", AnyInt, -3},
		{"-0", AnyInt, 0},
		{"2147483648", AnyInt, 2147483648},
		{"9007199254740991", AnyInt, MaxSafeInt},
		{"0", AtLeast(0), 0},
	} {
		got, ok := ParseInt(tc.text, tc.b)
		if !ok || got != tc.want {
			t.Errorf("ParseInt(%q, %v) = %d, %v; want %d, true", tc.text, tc.b, got, ok, tc.want)
		}
	}
}

func TestParseIntRejects(t *testing.T) {
	size := Between(1, 100)
	for _, text := range []string{"0", "101", "-1", "abc", "", " 5", "5 ", "1.5", "1e2", "0x10", "+5", "-", "--1", "2.5"} {
		if v, ok := ParseInt(text, size); ok {
			t.Errorf("ParseInt(%q, 1..100) = %d, true; want rejected", text, v)
		}
	}
	for _, text := range []string{"9007199254740992", "-9007199254740992", "99999999999999999999", "abc"} {
		if v, ok := ParseInt(text, AnyInt); ok {
			t.Errorf("ParseInt(%q, any) = %d, true; want rejected", text, v)
		}
	}
}

func TestBoundsString(t *testing.T) {
	for _, tc := range []struct {
		b    Bounds
		want string
	}{
		{AnyInt, "an integer"},
		{AtLeast(1), "an integer of at least 1"},
		{Between(1, 40), "an integer between 1 and 40"},
	} {
		if got := tc.b.String(); got != tc.want {
			t.Errorf("%#v.String() = %q; want %q", tc.b, got, tc.want)
		}
	}
}

func TestFitsInt4(t *testing.T) {
	for v, want := range map[int64]bool{0: true, math.MaxInt32: true, math.MinInt32: true, math.MaxInt32 + 1: false, math.MinInt32 - 1: false} {
		if got := FitsInt4(v); got != want {
			t.Errorf("FitsInt4(%d) = %v; want %v", v, got, want)
		}
	}
}

func TestRowIDBounds(t *testing.T) {
	for _, text := range []string{"1", "2147483647"} {
		if _, ok := ParseInt(text, RowID); !ok {
			t.Errorf("ParseInt(%q, RowID) rejected; want accepted", text)
		}
	}
	for _, text := range []string{"0", "-1", "2147483648", "4398046511105", "1124773556684887293952", "99999999999999999999"} {
		if v, ok := ParseInt(text, RowID); ok {
			t.Errorf("ParseInt(%q, RowID) = %d, true; want rejected", text, v)
		}
	}
	if v, ok := ParseInt("1124773556684887293952", Between(0, MaxOffset)); ok {
		t.Errorf("an offset past int64 = %d, true; want rejected", v)
	}
}

func TestStorableText(t *testing.T) {
	for _, v := range []string{"", "abc", "é😀", "100% power_level"} {
		if err := StorableText("q", v); err != nil {
			t.Errorf("StorableText(%q) = %v; want nil", v, err)
		}
	}
	for _, v := range []string{"a\x00b", "\x00", "\xff\xfe", "a\xed\xa0\x80"} {
		if err := StorableText("q", v); statusOf(err) != 422 {
			t.Errorf("StorableText(%q) = %v; want 422", v, err)
		}
	}
}
