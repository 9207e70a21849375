package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
)

// AuditService reads the audit trail. The other services write it, each in
// the transaction of the write it records (see Tx.audit).
type AuditService struct {
	db *DB
}

var _ lastseen.AuditService = (*AuditService)(nil)

// NewAuditService returns the audit service of db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db} }

// FindAuditEvents returns events newest first.
func (s *AuditService) FindAuditEvents(ctx context.Context, f lastseen.AuditFilter) ([]*lastseen.AuditEvent, error) {
	var where []string
	var args []any
	if f.Subject != "" {
		args = append(args, f.Subject)
		where = append(where, fmt.Sprintf("subject = $%d", len(args)))
	}
	if f.Action != "" {
		args = append(args, f.Action)
		where = append(where, fmt.Sprintf("action = $%d", len(args)))
	}
	q := `SELECT id, at, actor_kind, actor_id, action, subject, detail FROM audit_events`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY id DESC` + limitOffset(f.Limit, 0)
	var out []*lastseen.AuditEvent
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("find audit events: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e lastseen.AuditEvent
			if err := rows.Scan(&e.ID, &e.At, &e.ActorKind, &e.ActorID, &e.Action, &e.Subject, &e.Detail); err != nil {
				return fmt.Errorf("find audit events: %w", err)
			}
			e.At = e.At.UTC()
			out = append(out, &e)
		}
		return rows.Err()
	})
	return out, err
}
