package search

import "testing"

func TestLikePatternEscapesWildcards(t *testing.T) {
	for q, want := range map[string]string{
		"Zeppelin": `%Zeppelin%`,
		"%":        `%\%%`,
		"_":        `%\_%`,
		"100%":     `%100\%%`,
		"a_b":      `%a\_b%`,
		`\`:        `%\\%`,
		`\%_`:      `%\\\%\_%`,
	} {
		if got := LikePattern(q); got != want {
			t.Errorf("LikePattern(%q) = %q; want %q", q, got, want)
		}
	}
}
