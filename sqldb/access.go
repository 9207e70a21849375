package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
)

var _ lastseen.AccessAuditor = (*AuditService)(nil)

// AuditReads writes one "protected.read" audit event per read of protected
// data that lastseen.Redact let through, with the actor from the context, in
// one transaction. The HTTP layer calls it before the data leaves the server,
// and sends nothing if it fails.
func (s *AuditService) AuditReads(ctx context.Context, reads []lastseen.ProtectedRead) error {
	if len(reads) == 0 {
		return nil
	}
	return s.db.write(ctx, func(tx *Tx) error {
		for _, r := range reads {
			if err := tx.audit(ctx, "protected.read", r.Subject, strings.Join(r.Fields, ",")); err != nil {
				return fmt.Errorf("audit read: %w", err)
			}
		}
		return nil
	})
}
