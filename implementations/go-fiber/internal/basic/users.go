package basic

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"lab/implementations/go-fiber/internal/db"
	"lab/implementations/go-fiber/internal/httpx"
)

// User is a row of users (and users_pagination).
type User struct {
	ID        int32        `json:"id"`
	Name      string       `json:"name"`
	Email     string       `json:"email"`
	CreatedAt db.Timestamp `json:"created_at"`
}

// ScanUser reads the columns id, name, email, created_at.
func ScanUser(row pgx.Row) (User, error) {
	var u User
	err := row.Scan(&u.ID, &u.Name, &u.Email, &u.CreatedAt)
	return u, err
}

// CollectUsers reads every row of a query over id, name, email, created_at.
func CollectUsers(rows pgx.Rows) ([]User, error) {
	users := []User{}
	for rows.Next() {
		u, err := ScanUser(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

const (
	userNotFound = "User not found"
	emailExists  = "Email already exists"
)

// userPatch is a validated create or update body; nil fields were absent.
type userPatch struct {
	Name, Email *string
}

// parseUserBody validates {name?, email?}: name 1–100 characters, email containing "@" and
// at most 255 characters, neither containing NUL (PostgreSQL cannot store it); with required,
// both must be present.
func parseUserBody(body []byte, required bool) (userPatch, error) {
	obj, err := httpx.DecodeObject(body)
	if err != nil {
		return userPatch{}, err
	}
	var p userPatch
	name, present, err := obj.String("name")
	if err != nil {
		return p, err
	}
	if present {
		if n := utf8.RuneCountInString(name); n < 1 || n > 100 {
			return p, httpx.Invalid("name must be 1 to 100 characters")
		}
		if err := httpx.StorableText("name", name); err != nil {
			return p, err
		}
		p.Name = &name
	} else if required {
		return p, httpx.Invalid("name is required")
	}
	email, present, err := obj.String("email")
	if err != nil {
		return p, err
	}
	if present {
		if utf8.RuneCountInString(email) > 255 || !strings.Contains(email, "@") {
			return p, httpx.Invalid("email must contain @ and be at most 255 characters")
		}
		if err := httpx.StorableText("email", email); err != nil {
			return p, err
		}
		p.Email = &email
	} else if required {
		return p, httpx.Invalid("email is required")
	}
	return p, nil
}

func (h *Handlers) listUsers(c *fiber.Ctx) error {
	rows, err := h.Pool.Query(c.UserContext(), "SELECT id, name, email, created_at FROM users ORDER BY id")
	if err != nil {
		return err
	}
	users, err := CollectUsers(rows)
	if err != nil {
		return err
	}
	return c.JSON(users)
}

func (h *Handlers) createUser(c *fiber.Ctx) error {
	p, err := parseUserBody(c.Body(), true)
	if err != nil {
		return err
	}
	u, err := ScanUser(h.Pool.QueryRow(c.UserContext(),
		"INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id, name, email, created_at", *p.Name, *p.Email))
	if db.IsCode(err, db.UniqueViolation) {
		return httpx.Conflict(emailExists)
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(u)
}

// userID reads the :id path parameter, a row id (422 outside 1..2147483647).
func userID(c *fiber.Ctx) (int32, error) {
	id, err := httpx.PathID(c, "id")
	return int32(id), err
}

func (h *Handlers) getUser(c *fiber.Ctx) error {
	id, err := userID(c)
	if err != nil {
		return err
	}
	u, err := ScanUser(h.Pool.QueryRow(c.UserContext(), "SELECT id, name, email, created_at FROM users WHERE id = $1", id))
	if db.IsNoRows(err) {
		return httpx.NotFound(userNotFound)
	}
	if err != nil {
		return err
	}
	return c.JSON(u)
}

// updateUser changes only the fields present in the body, in one statement.
func (h *Handlers) updateUser(c *fiber.Ctx) error {
	id, err := userID(c)
	if err != nil {
		return err
	}
	p, err := parseUserBody(c.Body(), false)
	if err != nil {
		return err
	}
	u, err := ScanUser(h.Pool.QueryRow(c.UserContext(),
		`UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email)
		 WHERE id = $1 RETURNING id, name, email, created_at`, id, p.Name, p.Email))
	switch {
	case db.IsNoRows(err):
		return httpx.NotFound(userNotFound)
	case db.IsCode(err, db.UniqueViolation):
		return httpx.Conflict(emailExists)
	case err != nil:
		return err
	}
	return c.JSON(u)
}

func (h *Handlers) deleteUser(c *fiber.Ctx) error {
	id, err := userID(c)
	if err != nil {
		return err
	}
	tag, err := h.Pool.Exec(c.UserContext(), "DELETE FROM users WHERE id = $1", id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return httpx.NotFound(userNotFound)
	}
	return c.SendStatus(fiber.StatusNoContent)
}
