package serverconfig

import (
	"encoding/json"
	"sort"
	"strconv"
)

// Fibonacci is fib(n) by naive recursion (fib(1) = fib(2) = 1): deliberately exponential CPU work.
func Fibonacci(n int) int64 {
	if n <= 2 {
		if n <= 0 {
			return 0
		}
		return 1
	}
	return Fibonacci(n-1) + Fibonacci(n-2)
}

// Item is one object of /cpu/json-serialize.
type Item struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Value int    `json:"value"`
}

// Items builds count objects {"id":i,"name":"item_<i>","email":"item_<i>@benchmark.com","value":i*3}.
func Items(count int) []Item {
	items := make([]Item, count)
	for i := range items {
		s := strconv.Itoa(i)
		items[i] = Item{ID: i, Name: "item_" + s, Email: "item_" + s + "@benchmark.com", Value: i * 3}
	}
	return items
}

// SerializedBytes is the length of items as compact JSON.
func SerializedBytes(items []Item) (int, error) {
	b, err := json.Marshal(items)
	return len(b), err
}

// AuthorTotals is an author's post count and view sum (zeros without posts).
type AuthorTotals struct {
	ID         int32  `json:"id"`
	Name       string `json:"name"`
	Email      string `json:"email"`
	PostCount  int64  `json:"post_count"`
	TotalViews int64  `json:"total_views"`
}

// ReportEntry is an entry of the report's top-10 lists.
type ReportEntry struct {
	ID         int32   `json:"id"`
	Name       string  `json:"name"`
	PostCount  int64   `json:"post_count"`
	TotalViews int64   `json:"total_views"`
	AvgViews   float64 `json:"avg_views"`
}

// Summary is the report's totals.
type Summary struct {
	TotalAuthors      int64   `json:"total_authors"`
	TotalPosts        int64   `json:"total_posts"`
	TotalViews        int64   `json:"total_views"`
	AvgPostsPerAuthor float64 `json:"avg_posts_per_author"`
	AvgViewsPerPost   float64 `json:"avg_views_per_post"`
}

// Report is the body of /mixed/report.
type Report struct {
	Summary    Summary       `json:"summary"`
	TopByPosts []ReportEntry `json:"top_by_posts"`
	TopByViews []ReportEntry `json:"top_by_views"`
}

// TopSize is the length of each top list.
const TopSize = 10

// BuildReport computes the summary and the top-10 lists by posts and by views (ties by id
// ascending) from per-author totals.
func BuildReport(authors []AuthorTotals) Report {
	var s Summary
	entries := make([]ReportEntry, len(authors))
	for i, a := range authors {
		s.TotalPosts += a.PostCount
		s.TotalViews += a.TotalViews
		e := ReportEntry{ID: a.ID, Name: a.Name, PostCount: a.PostCount, TotalViews: a.TotalViews}
		if a.PostCount > 0 {
			e.AvgViews = float64(a.TotalViews) / float64(a.PostCount)
		}
		entries[i] = e
	}
	s.TotalAuthors = int64(len(authors))
	if s.TotalAuthors > 0 {
		s.AvgPostsPerAuthor = float64(s.TotalPosts) / float64(s.TotalAuthors)
	}
	if s.TotalPosts > 0 {
		s.AvgViewsPerPost = float64(s.TotalViews) / float64(s.TotalPosts)
	}
	return Report{
		Summary:    s,
		TopByPosts: top(entries, func(e ReportEntry) int64 { return e.PostCount }),
		TopByViews: top(entries, func(e ReportEntry) int64 { return e.TotalViews }),
	}
}

// top is the TopSize entries with the highest key, ties broken by id ascending.
func top(entries []ReportEntry, key func(ReportEntry) int64) []ReportEntry {
	sorted := append([]ReportEntry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool {
		if ki, kj := key(sorted[i]), key(sorted[j]); ki != kj {
			return ki > kj
		}
		return sorted[i].ID < sorted[j].ID
	})
	if len(sorted) > TopSize {
		sorted = sorted[:TopSize]
	}
	return sorted
}
