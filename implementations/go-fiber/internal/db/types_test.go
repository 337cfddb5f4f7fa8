package db

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

func TestColumnTypesRenderAsContractText(t *testing.T) {
	var ts, whole Timestamp
	_ = ts.ScanTimestamp(pgtype.Timestamp{Time: time.Date(2025, 11, 15, 13, 32, 3, 123456000, time.UTC), Valid: true})
	_ = whole.ScanTimestamp(pgtype.Timestamp{Time: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Valid: true})
	var date Date
	_ = date.ScanDate(pgtype.Date{Time: time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), Valid: true})
	var id UUID
	_ = id.ScanUUID(pgtype.UUID{Bytes: [16]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0x4D, 0xEF, 0x81, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF}, Valid: true})
	var nullTS Timestamp
	_ = nullTS.ScanTimestamp(pgtype.Timestamp{})
	got, err := json.Marshal([]any{ts, whole, date, id, nullTS, Date{}, UUID{}})
	if err != nil {
		t.Fatal(err)
	}
	want := `["2025-11-15T13:32:03.123456","2025-01-01T00:00:00","1990-05-17","01234567-89ab-4def-8123-456789abcdef",null,null,null]`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
