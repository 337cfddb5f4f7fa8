package db

import (
	"encoding/hex"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// TimestampLayout renders a TIMESTAMP WITHOUT TIME ZONE (stored in UTC) as ISO-8601 without
// an offset, which the contract reads as UTC; the fraction is omitted when zero.
const TimestampLayout = "2006-01-02T15:04:05.999999"

// DateLayout renders a DATE.
const DateLayout = "2006-01-02"

// Timestamp is a nullable TIMESTAMP column rendered as ISO-8601 text or null.
type Timestamp struct {
	Time  time.Time
	Valid bool
}

// ScanTimestamp implements pgtype.TimestampScanner.
func (t *Timestamp) ScanTimestamp(v pgtype.Timestamp) error {
	t.Time, t.Valid = v.Time, v.Valid && v.InfinityModifier == pgtype.Finite
	return nil
}

// MarshalJSON renders the timestamp as a JSON string, or null.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if !t.Valid {
		return []byte("null"), nil
	}
	b := make([]byte, 0, len(TimestampLayout)+2)
	b = append(b, '"')
	b = t.Time.AppendFormat(b, TimestampLayout)
	return append(b, '"'), nil
}

// Date is a nullable DATE column rendered as YYYY-MM-DD or null.
type Date struct {
	Time  time.Time
	Valid bool
}

// ScanDate implements pgtype.DateScanner.
func (d *Date) ScanDate(v pgtype.Date) error {
	d.Time, d.Valid = v.Time, v.Valid && v.InfinityModifier == pgtype.Finite
	return nil
}

// MarshalJSON renders the date as a JSON string, or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if !d.Valid {
		return []byte("null"), nil
	}
	b := make([]byte, 0, len(DateLayout)+2)
	b = append(b, '"')
	b = d.Time.AppendFormat(b, DateLayout)
	return append(b, '"'), nil
}

// UUID is a nullable UUID column rendered as a lowercase canonical string or null.
type UUID struct {
	Bytes [16]byte
	Valid bool
}

// ScanUUID implements pgtype.UUIDScanner.
func (u *UUID) ScanUUID(v pgtype.UUID) error {
	u.Bytes, u.Valid = v.Bytes, v.Valid
	return nil
}

// String is the canonical 8-4-4-4-12 lowercase form.
func (u UUID) String() string {
	var buf [36]byte
	hex.Encode(buf[0:8], u.Bytes[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u.Bytes[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u.Bytes[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u.Bytes[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u.Bytes[10:])
	return string(buf[:])
}

// MarshalJSON renders the UUID as a JSON string, or null.
func (u UUID) MarshalJSON() ([]byte, error) {
	if !u.Valid {
		return []byte("null"), nil
	}
	return []byte(`"` + u.String() + `"`), nil
}
