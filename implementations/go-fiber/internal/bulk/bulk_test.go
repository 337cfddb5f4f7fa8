package bulk

import (
	"strings"
	"testing"
)

func TestInsertValuesSQL(t *testing.T) {
	if got, want := InsertValuesSQL(3), "INSERT INTO bulk_items (name, value) VALUES ($1, $2), ($3, $4), ($5, $6)"; got != want {
		t.Errorf("InsertValuesSQL(3) = %q; want %q", got, want)
	}
	if n := strings.Count(InsertValuesSQL(10000), "("); n != 10001 { // the column list + one per row
		t.Errorf("InsertValuesSQL(10000) has %d parentheses; want 10001", n)
	}
}

func TestUpdateCaseSQL(t *testing.T) {
	want := "UPDATE bulk_items SET value = CASE id WHEN $1::int THEN $2::int WHEN $3::int THEN $4::int END WHERE id = ANY($5)"
	if got := UpdateCaseSQL(2); got != want {
		t.Errorf("UpdateCaseSQL(2) = %q; want %q", got, want)
	}
}

func TestItemName(t *testing.T) {
	if got := ItemName(42); got != "item_42" {
		t.Errorf("ItemName(42) = %q", got)
	}
}
