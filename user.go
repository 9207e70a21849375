package lastseen

import (
	"context"
	"time"
)

// Role is what an actor may do. One policy function decides every read and
// write by role; protected fields are redacted in one place before data leaves
// the server.
type Role string

const (
	RolePublic     Role = "public"     // anyone, unauthenticated
	RoleInquirer   Role = "inquirer"   // holder of an inquiry's follow token
	RoleReporter   Role = "reporter"   // files reports
	RolePartner    Role = "partner"    // an organisation's API key: bulk import and export
	RoleCaseworker Role = "caseworker" // reviews, verifies, sees contact details (audited)
	RoleAdmin      Role = "admin"
)

// Roles lists the roles an account or key may be given.
var Roles = []Role{RoleReporter, RolePartner, RoleCaseworker, RoleAdmin}

// User is an account.
type User struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Email        string    `json:"email,omitempty"`
	Role         Role      `json:"role"`
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

// APIKey lets a partner organisation or a signed-in user act through the API.
// Only a hash of the secret is stored.
type APIKey struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	UserID    int64      `json:"user_id,omitempty"`
	Role      Role       `json:"role"`
	Prefix    string     `json:"prefix"` // the first characters, to recognise a key in lists
	Hash      string     `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// AuditEvent records a write, or a read of protected data, with who did it.
type AuditEvent struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ActorKind string    `json:"actor_kind"` // user, api_key, anonymous, system
	ActorID   string    `json:"actor_id,omitempty"`
	Action    string    `json:"action"`  // "record.create", "inquiry.read_contact", …
	Subject   string    `json:"subject"` // "record:42"
	Detail    string    `json:"detail,omitempty"`
}

// AuditService reads the audit trail. Writes happen inside the services, in the
// same transaction as what they record.
type AuditService interface {
	// FindAuditEvents returns events newest first.
	FindAuditEvents(ctx context.Context, f AuditFilter) ([]*AuditEvent, error)
}

// AuditFilter selects audit events.
type AuditFilter struct {
	Subject string
	Action  string
	Limit   int
}

// Actor is who is acting in a request: it travels in the context so that
// services can audit and authorise without a parameter on every method.
type Actor struct {
	Role     Role
	UserID   int64
	APIKeyID int64
	// Token identifies an anonymous submitter or an inquirer's follow link.
	Token string
	// InquiryID is the inquiry an inquirer's follow link opens: the only
	// inquiry that actor may read (see Can).
	InquiryID int64
}

// Kind and ID name the actor in audit events.
func (a *Actor) Kind() string {
	switch {
	case a == nil:
		return "system"
	case a.UserID != 0:
		return "user"
	case a.APIKeyID != 0:
		return "api_key"
	}
	return "anonymous"
}

type actorKey struct{}

// NewContextWithActor returns a context that carries the actor.
func NewContextWithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFromContext returns the actor, or nil for the system itself (a local
// command such as `lastseen import`).
func ActorFromContext(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}
