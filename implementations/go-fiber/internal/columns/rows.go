package columns

import (
	"encoding/json"

	"lab/implementations/go-fiber/internal/db"
)

// Row types of the column-overhead tables, in column order. Nullable columns render NULL as
// null (the seed fills them all). Each dest() lists the scan targets in SELECT * order.

// NarrowRow is a users_narrow row (5 columns).
type NarrowRow struct {
	ID        int32        `json:"id"`
	Name      string       `json:"name"`
	Email     string       `json:"email"`
	Status    *string      `json:"status"`
	CreatedAt db.Timestamp `json:"created_at"`
}

func (r *NarrowRow) dest() []any { return []any{&r.ID, &r.Name, &r.Email, &r.Status, &r.CreatedAt} }

// WideRow is a users_wide row (20 columns).
type WideRow struct {
	ID          int32           `json:"id"`
	Name        string          `json:"name"`
	Email       string          `json:"email"`
	Status      *string         `json:"status"`
	CreatedAt   db.Timestamp    `json:"created_at"`
	Phone       *string         `json:"phone"`
	Address     *string         `json:"address"`
	City        *string         `json:"city"`
	Country     *string         `json:"country"`
	PostalCode  *string         `json:"postal_code"`
	BirthDate   db.Date         `json:"birth_date"`
	Gender      *string         `json:"gender"`
	Occupation  *string         `json:"occupation"`
	Company     *string         `json:"company"`
	Website     *string         `json:"website"`
	Bio         *string         `json:"bio"`
	AvatarURL   *string         `json:"avatar_url"`
	LastLogin   db.Timestamp    `json:"last_login"`
	LoginCount  *int32          `json:"login_count"`
	Preferences json.RawMessage `json:"preferences"`
}

func (r *WideRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Status, &r.CreatedAt, &r.Phone, &r.Address, &r.City, &r.Country,
		&r.PostalCode, &r.BirthDate, &r.Gender, &r.Occupation, &r.Company, &r.Website, &r.Bio, &r.AvatarURL,
		&r.LastLogin, &r.LoginCount, &r.Preferences}
}

// ExtraWideRow is a users_extra_wide row (49 columns).
type ExtraWideRow struct {
	ID        int32        `json:"id"`
	Name      string       `json:"name"`
	Email     string       `json:"email"`
	Field01   *string      `json:"field_01"`
	Field02   *string      `json:"field_02"`
	Field03   *string      `json:"field_03"`
	Field04   *string      `json:"field_04"`
	Field05   *string      `json:"field_05"`
	Field06   *string      `json:"field_06"`
	Field07   *string      `json:"field_07"`
	Field08   *string      `json:"field_08"`
	Field09   *string      `json:"field_09"`
	Field10   *string      `json:"field_10"`
	Field11   *string      `json:"field_11"`
	Field12   *string      `json:"field_12"`
	Field13   *string      `json:"field_13"`
	Field14   *string      `json:"field_14"`
	Field15   *string      `json:"field_15"`
	Field16   *string      `json:"field_16"`
	Field17   *string      `json:"field_17"`
	Field18   *string      `json:"field_18"`
	Field19   *string      `json:"field_19"`
	Field20   *string      `json:"field_20"`
	Field21   *string      `json:"field_21"`
	Field22   *string      `json:"field_22"`
	Field23   *string      `json:"field_23"`
	Field24   *string      `json:"field_24"`
	Field25   *string      `json:"field_25"`
	Field26   *string      `json:"field_26"`
	Field27   *string      `json:"field_27"`
	Field28   *string      `json:"field_28"`
	Field29   *string      `json:"field_29"`
	Field30   *string      `json:"field_30"`
	Field31   *string      `json:"field_31"`
	Field32   *string      `json:"field_32"`
	Field33   *string      `json:"field_33"`
	Field34   *string      `json:"field_34"`
	Field35   *string      `json:"field_35"`
	Field36   *string      `json:"field_36"`
	Field37   *string      `json:"field_37"`
	Field38   *string      `json:"field_38"`
	Field39   *string      `json:"field_39"`
	Field40   *string      `json:"field_40"`
	Field41   *string      `json:"field_41"`
	Field42   *string      `json:"field_42"`
	Field43   *string      `json:"field_43"`
	Field44   *string      `json:"field_44"`
	Field45   *string      `json:"field_45"`
	CreatedAt db.Timestamp `json:"created_at"`
}

func (r *ExtraWideRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Field01, &r.Field02, &r.Field03, &r.Field04, &r.Field05, &r.Field06, &r.Field07, &r.Field08, &r.Field09, &r.Field10, &r.Field11, &r.Field12, &r.Field13, &r.Field14, &r.Field15, &r.Field16, &r.Field17, &r.Field18, &r.Field19, &r.Field20, &r.Field21, &r.Field22, &r.Field23, &r.Field24, &r.Field25, &r.Field26, &r.Field27, &r.Field28, &r.Field29, &r.Field30, &r.Field31, &r.Field32, &r.Field33, &r.Field34, &r.Field35, &r.Field36, &r.Field37, &r.Field38, &r.Field39, &r.Field40, &r.Field41, &r.Field42, &r.Field43, &r.Field44, &r.Field45,
		&r.CreatedAt}
}

// IntRow is a users_type_int row.
type IntRow struct {
	ID    int32  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Col01 *int32 `json:"int_col_01"`
	Col02 *int32 `json:"int_col_02"`
	Col03 *int32 `json:"int_col_03"`
	Col04 *int32 `json:"int_col_04"`
	Col05 *int32 `json:"int_col_05"`
}

func (r *IntRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Col01, &r.Col02, &r.Col03, &r.Col04, &r.Col05}
}

// VarcharRow is a users_type_varchar row.
type VarcharRow struct {
	ID    int32   `json:"id"`
	Name  string  `json:"name"`
	Email string  `json:"email"`
	Col01 *string `json:"varchar_col_01"`
	Col02 *string `json:"varchar_col_02"`
	Col03 *string `json:"varchar_col_03"`
	Col04 *string `json:"varchar_col_04"`
	Col05 *string `json:"varchar_col_05"`
}

func (r *VarcharRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Col01, &r.Col02, &r.Col03, &r.Col04, &r.Col05}
}

// TextRow is a users_type_text row.
type TextRow struct {
	ID    int32   `json:"id"`
	Name  string  `json:"name"`
	Email string  `json:"email"`
	Col01 *string `json:"text_col_01"`
	Col02 *string `json:"text_col_02"`
	Col03 *string `json:"text_col_03"`
	Col04 *string `json:"text_col_04"`
	Col05 *string `json:"text_col_05"`
}

func (r *TextRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Col01, &r.Col02, &r.Col03, &r.Col04, &r.Col05}
}

// JsonbRow is a users_type_jsonb row.
type JsonbRow struct {
	ID    int32           `json:"id"`
	Name  string          `json:"name"`
	Email string          `json:"email"`
	Col01 json.RawMessage `json:"json_col_01"`
	Col02 json.RawMessage `json:"json_col_02"`
	Col03 json.RawMessage `json:"json_col_03"`
	Col04 json.RawMessage `json:"json_col_04"`
	Col05 json.RawMessage `json:"json_col_05"`
}

func (r *JsonbRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Col01, &r.Col02, &r.Col03, &r.Col04, &r.Col05}
}

// TimestampRow is a users_type_timestamp row.
type TimestampRow struct {
	ID    int32        `json:"id"`
	Name  string       `json:"name"`
	Email string       `json:"email"`
	Col01 db.Timestamp `json:"ts_col_01"`
	Col02 db.Timestamp `json:"ts_col_02"`
	Col03 db.Timestamp `json:"ts_col_03"`
	Col04 db.Timestamp `json:"ts_col_04"`
	Col05 db.Timestamp `json:"ts_col_05"`
}

func (r *TimestampRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Col01, &r.Col02, &r.Col03, &r.Col04, &r.Col05}
}

// UUIDRow is a users_type_uuid row.
type UUIDRow struct {
	ID    int32   `json:"id"`
	Name  string  `json:"name"`
	Email string  `json:"email"`
	Col01 db.UUID `json:"uuid_col_01"`
	Col02 db.UUID `json:"uuid_col_02"`
	Col03 db.UUID `json:"uuid_col_03"`
	Col04 db.UUID `json:"uuid_col_04"`
	Col05 db.UUID `json:"uuid_col_05"`
}

func (r *UUIDRow) dest() []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Col01, &r.Col02, &r.Col03, &r.Col04, &r.Col05}
}
