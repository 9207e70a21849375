package lastseen

import "context"

// The storage contracts of accounts, API keys and judgements. Every write is
// audited in its own transaction, like a record's.

// UserService stores accounts.
type UserService interface {
	// CreateUser stores the user and sets ID and CreatedAt. The email is
	// stored lower-cased and may be empty. Returns EINVALID if the role is
	// not one of Roles or a field is too long, ECONFLICT if another user has
	// the email.
	CreateUser(ctx context.Context, u *User) error

	// FindUserByID returns ENOTFOUND if there is no such user.
	FindUserByID(ctx context.Context, id int64) (*User, error)

	// FindUserByEmail finds a user by email, ignoring case. Returns ENOTFOUND
	// if there is none.
	FindUserByEmail(ctx context.Context, email string) (*User, error)
}

// APIKeyService stores API keys. The caller makes the secret, its Prefix and
// its Hash; only the prefix and the hash are stored.
type APIKeyService interface {
	// CreateAPIKey stores the key and sets ID and CreatedAt. Returns EINVALID
	// if the role, prefix or hash is missing or wrong, ENOTFOUND naming
	// user_id if UserID names no user, ECONFLICT if the prefix is taken.
	CreateAPIKey(ctx context.Context, k *APIKey) error

	// FindAPIKeyByID returns ENOTFOUND if there is no such key.
	FindAPIKeyByID(ctx context.Context, id int64) (*APIKey, error)

	// FindAPIKeyByPrefix returns the key with the prefix, including a revoked
	// or expired one: the caller checks the hash and the dates. Returns
	// ENOTFOUND if there is none.
	FindAPIKeyByPrefix(ctx context.Context, prefix string) (*APIKey, error)

	// RevokeAPIKey sets RevokedAt. Revoking a revoked key keeps the first
	// time. Returns ENOTFOUND if there is no such key.
	RevokeAPIKey(ctx context.Context, id int64) error
}

// JudgementService stores caseworkers' judgements. Judgements are
// append-only: a later judgement on a pair supersedes the earlier one, and
// both are kept.
type JudgementService interface {
	// CreateJudgement stores the judgement, with the pair ordered so that
	// RecordA < RecordB, and sets ID and CreatedAt. Returns EINVALID if the
	// verdict is unknown or both records are the same, ENOTFOUND naming the
	// field if a record or the user does not exist.
	CreateJudgement(ctx context.Context, j *Judgement) error

	// FindJudgements returns judgements newest first.
	FindJudgements(ctx context.Context, f JudgementFilter) ([]*Judgement, error)
}

// JudgementFilter selects judgements; zero fields match everything. With
// RecordID and OtherID both set it selects the judgements on that pair, in
// either order; the first one returned is the one in force.
type JudgementFilter struct {
	RecordID int64
	// RecordIDs selects the judgements naming any of these records (the
	// linker reads a batch's judgements at once); not with RecordID.
	RecordIDs []int64
	OtherID   int64
	Limit     int
}
