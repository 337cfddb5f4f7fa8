package serverconfig

import (
	"strconv"
	"testing"
)

func TestFibonacci(t *testing.T) {
	for n, want := range map[int]int64{1: 1, 2: 1, 10: 55, 20: 6765, 32: 2178309} {
		if got := Fibonacci(n); got != want {
			t.Errorf("Fibonacci(%d) = %d; want %d", n, got, want)
		}
	}
}

// The compact JSON length, counted by hand: each object is
// {"id":I,"name":"item_I","email":"item_I@benchmark.com","value":V} = 55 fixed bytes plus
// three copies of I's digits and V's digits; commas between objects and the two brackets.
func TestSerializedBytesMatchesHandCount(t *testing.T) {
	items := Items(JSONItems)
	want := 2 + (JSONItems - 1)
	for i := 0; i < JSONItems; i++ {
		want += len(`{"id":,"name":"item_","email":"item_@benchmark.com","value":}`) + 3*len(strconv.Itoa(i)) + len(strconv.Itoa(3*i))
	}
	got, err := SerializedBytes(items)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("SerializedBytes = %d; want %d", got, want)
	}
	if items[7] != (Item{ID: 7, Name: "item_7", Email: "item_7@benchmark.com", Value: 21}) {
		t.Errorf("item 7 = %+v", items[7])
	}
}

func TestBuildReportBreaksTiesByID(t *testing.T) {
	authors := make([]AuthorTotals, 0, 12)
	for id := int32(12); id >= 1; id-- { // reverse order: the result must not depend on input order
		authors = append(authors, AuthorTotals{ID: id, Name: "a", PostCount: int64(id % 3), TotalViews: 100})
	}
	authors = append(authors, AuthorTotals{ID: 13, PostCount: 0, TotalViews: 0})
	r := BuildReport(authors)
	if r.Summary.TotalAuthors != 13 || r.Summary.TotalPosts != 12 || r.Summary.TotalViews != 1200 {
		t.Errorf("summary = %+v", r.Summary)
	}
	if r.Summary.AvgPostsPerAuthor != 12.0/13 || r.Summary.AvgViewsPerPost != 100 {
		t.Errorf("averages = %+v", r.Summary)
	}
	wantPosts := []int32{2, 5, 8, 11, 1, 4, 7, 10, 3, 6}
	wantViews := []int32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for i := 0; i < TopSize; i++ {
		if r.TopByPosts[i].ID != wantPosts[i] || r.TopByViews[i].ID != wantViews[i] {
			t.Fatalf("top_by_posts = %v, top_by_views = %v", ids(r.TopByPosts), ids(r.TopByViews))
		}
	}
	if r.TopByPosts[0].AvgViews != 50 {
		t.Errorf("avg_views = %v; want 50", r.TopByPosts[0].AvgViews)
	}
}

func TestBuildReportShortList(t *testing.T) {
	r := BuildReport([]AuthorTotals{{ID: 1}})
	if len(r.TopByPosts) != 1 || r.TopByPosts[0].AvgViews != 0 || r.Summary.AvgViewsPerPost != 0 {
		t.Errorf("report = %+v", r)
	}
}

func ids(entries []ReportEntry) []int32 {
	out := make([]int32, len(entries))
	for i, e := range entries {
		out[i] = e.ID
	}
	return out
}
