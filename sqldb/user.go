package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lastseen/lastseen"
)

// UserService stores accounts.
type UserService struct {
	db *DB
}

var _ lastseen.UserService = (*UserService)(nil)

// NewUserService returns the user service of db.
func NewUserService(db *DB) *UserService { return &UserService{db: db} }

// CreateUser stores the user and sets ID and CreatedAt; see
// lastseen.UserService for the errors.
func (s *UserService) CreateUser(ctx context.Context, u *lastseen.User) error {
	var p lastseen.Problems
	if !slices.Contains(lastseen.Roles, u.Role) {
		p.Add("role", "%q is not a role (one of %v)", u.Role, lastseen.Roles)
	}
	if len(u.Name) > 300 {
		p.Add("name", "is longer than 300 bytes")
	}
	if len(u.Email) > 300 {
		p.Add("email", "is longer than 300 bytes")
	}
	if err := p.Err(); err != nil {
		return err
	}
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	return s.db.write(ctx, func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO users (name, email, role, password_hash, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			u.Name, u.Email, string(u.Role), u.PasswordHash, tx.now,
		).Scan(&u.ID)
		if isUnique(err) {
			return lastseen.Errorf(lastseen.ECONFLICT, "A user with email %q already exists.", u.Email)
		} else if err != nil {
			return fmt.Errorf("create user: %w", err)
		}
		u.CreatedAt = tx.now
		return tx.audit(ctx, "user.create", fmt.Sprintf("user:%d", u.ID), string(u.Role))
	})
}

// FindUserByID returns ENOTFOUND if there is no such user.
func (s *UserService) FindUserByID(ctx context.Context, id int64) (*lastseen.User, error) {
	return s.findUser(ctx, "id = $1", id, fmt.Sprintf("User %d not found.", id))
}

// FindUserByEmail finds a user by email, ignoring case. Returns ENOTFOUND if
// there is none.
func (s *UserService) FindUserByEmail(ctx context.Context, email string) (*lastseen.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return nil, lastseen.Errorf(lastseen.ENOTFOUND, "No user has an empty email.")
	}
	return s.findUser(ctx, "email = $1", email, "No user has this email.")
}

func (s *UserService) findUser(ctx context.Context, where string, arg any, notFound string) (*lastseen.User, error) {
	var u lastseen.User
	err := s.db.read(ctx, func(tx *Tx) error {
		var role string
		err := tx.QueryRowContext(ctx,
			`SELECT id, name, email, role, password_hash, created_at FROM users WHERE `+where, arg,
		).Scan(&u.ID, &u.Name, &u.Email, &role, &u.PasswordHash, &u.CreatedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return lastseen.Errorf(lastseen.ENOTFOUND, "%s", notFound)
		} else if err != nil {
			return fmt.Errorf("find user: %w", err)
		}
		u.Role, u.CreatedAt = lastseen.Role(role), u.CreatedAt.UTC()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// APIKeyService stores API keys: their prefix and hash, never the secret.
type APIKeyService struct {
	db *DB
}

var _ lastseen.APIKeyService = (*APIKeyService)(nil)

// NewAPIKeyService returns the API key service of db.
func NewAPIKeyService(db *DB) *APIKeyService { return &APIKeyService{db: db} }

// CreateAPIKey stores the key and sets ID and CreatedAt; see
// lastseen.APIKeyService for the errors.
func (s *APIKeyService) CreateAPIKey(ctx context.Context, k *lastseen.APIKey) error {
	var p lastseen.Problems
	if !slices.Contains(lastseen.Roles, k.Role) {
		p.Add("role", "%q is not a role (one of %v)", k.Role, lastseen.Roles)
	}
	if k.Prefix == "" {
		p.Add("prefix", "is required")
	}
	if k.Hash == "" {
		p.Add("hash", "is required")
	}
	if len(k.Name) > 300 {
		p.Add("name", "is longer than 300 bytes")
	}
	if err := p.Err(); err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if k.UserID != 0 {
			if ok, err := tx.exists(ctx, "users", k.UserID); err != nil {
				return err
			} else if !ok {
				return notFoundField("user_id", "User %d not found.", k.UserID)
			}
		}
		err := tx.QueryRowContext(ctx, `
			INSERT INTO api_keys (name, user_id, role, prefix, hash, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			k.Name, nullID(k.UserID), string(k.Role), k.Prefix, k.Hash, tx.now, nullTime(k.ExpiresAt),
		).Scan(&k.ID)
		if isUnique(err) {
			return lastseen.Errorf(lastseen.ECONFLICT, "An API key with this prefix already exists.")
		} else if err != nil {
			return fmt.Errorf("create API key: %w", err)
		}
		k.CreatedAt = tx.now
		if k.ExpiresAt != nil {
			t := k.ExpiresAt.UTC().Truncate(time.Microsecond)
			k.ExpiresAt = &t
		}
		return tx.audit(ctx, "api_key.create", fmt.Sprintf("api_key:%d", k.ID), string(k.Role))
	})
}

// FindAPIKeyByID returns ENOTFOUND if there is no such key.
func (s *APIKeyService) FindAPIKeyByID(ctx context.Context, id int64) (*lastseen.APIKey, error) {
	var k *lastseen.APIKey
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		k, err = findAPIKey(ctx, tx, "id = $1", id)
		return err
	})
	return k, err
}

// FindAPIKeyByPrefix returns the key with the prefix, revoked and expired
// ones included. Returns ENOTFOUND if there is none.
func (s *APIKeyService) FindAPIKeyByPrefix(ctx context.Context, prefix string) (*lastseen.APIKey, error) {
	var k *lastseen.APIKey
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		k, err = findAPIKey(ctx, tx, "prefix = $1", prefix)
		return err
	})
	return k, err
}

// RevokeAPIKey sets RevokedAt, once. Returns ENOTFOUND if there is no such key.
func (s *APIKeyService) RevokeAPIKey(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		if _, err := findAPIKey(ctx, tx, "id = $1", id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx,
			`UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, tx.now, id)
		if err != nil {
			return fmt.Errorf("revoke API key %d: %w", id, err)
		}
		return tx.audit(ctx, "api_key.revoke", fmt.Sprintf("api_key:%d", id), "")
	})
}

func findAPIKey(ctx context.Context, tx *Tx, where string, arg any) (*lastseen.APIKey, error) {
	var k lastseen.APIKey
	var role string
	var userID sql.NullInt64
	var expires, revoked sql.NullTime
	err := tx.QueryRowContext(ctx, `
		SELECT id, name, user_id, role, prefix, hash, created_at, expires_at, revoked_at
		FROM api_keys WHERE `+where, arg,
	).Scan(&k.ID, &k.Name, &userID, &role, &k.Prefix, &k.Hash, &k.CreatedAt, &expires, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, lastseen.Errorf(lastseen.ENOTFOUND, "API key not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find API key: %w", err)
	}
	k.UserID, k.Role = userID.Int64, lastseen.Role(role)
	k.CreatedAt, k.ExpiresAt, k.RevokedAt = k.CreatedAt.UTC(), timePtr(expires), timePtr(revoked)
	return &k, nil
}
