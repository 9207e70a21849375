package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/lastseen/lastseen"
)

// NotificationService reads the outbox; see lastseen.NotificationService.
// The services write it, each in the transaction of the change it announces.
type NotificationService struct {
	db *DB
}

var _ lastseen.NotificationService = (*NotificationService)(nil)

// NewNotificationService returns the notification service of db.
func NewNotificationService(db *DB) *NotificationService { return &NotificationService{db: db} }

// FindNotifications returns notifications oldest first.
func (s *NotificationService) FindNotifications(ctx context.Context, f lastseen.NotificationFilter) ([]*lastseen.Notification, error) {
	var where []string
	var args []any
	if f.InquiryID != 0 {
		args = append(args, f.InquiryID)
		where = append(where, fmt.Sprintf("s.inquiry_id = $%d", len(args)))
	}
	if f.Unsent {
		where = append(where, "n.sent_at IS NULL")
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	var out []*lastseen.Notification
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `
			SELECT n.id, n.subscription_id, n.kind, n.payload, n.dedup_key, n.created_at, n.attempts,
				n.next_attempt_at, n.sent_at, n.last_error
			FROM notifications n JOIN subscriptions s ON s.id = n.subscription_id`+w+
			` ORDER BY n.id`+limitOffset(f.Limit, 0), args...)
		if err != nil {
			return fmt.Errorf("find notifications: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var n lastseen.Notification
			var sent sql.NullTime
			if err := rows.Scan(&n.ID, &n.SubscriptionID, &n.Kind, &n.Payload, &n.DedupKey, &n.CreatedAt,
				&n.Attempts, &n.NextAttemptAt, &sent, &n.LastError); err != nil {
				return fmt.Errorf("find notifications: %w", err)
			}
			n.CreatedAt, n.NextAttemptAt, n.SentAt = n.CreatedAt.UTC(), n.NextAttemptAt.UTC(), timePtr(sent)
			out = append(out, &n)
		}
		return rows.Err()
	})
	return out, err
}

// notify puts a notification in the outbox, due now, unless one with the
// same dedup key is there already.
func notify(ctx context.Context, tx *Tx, subscriptionID int64, kind, payload, dedupKey string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO notifications (subscription_id, kind, payload, dedup_key, created_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING`,
		subscriptionID, kind, payload, dedupKey, tx.now)
	if err != nil {
		return fmt.Errorf("notify %s: %w", dedupKey, err)
	}
	return nil
}

// subscriptionIDs returns the subscriptions of an inquiry.
func subscriptionIDs(ctx context.Context, tx *Tx, inquiryID int64) ([]int64, error) {
	return tx.ids(ctx, fmt.Sprintf("subscriptions of inquiry %d", inquiryID),
		`SELECT id FROM subscriptions WHERE inquiry_id = $1 ORDER BY id`, inquiryID)
}

var _ lastseen.Outbox = (*NotificationService)(nil)

// ClaimDue leases due notifications; see lastseen.Outbox. The lease is the
// next_attempt_at column: the UPDATE re-checks that a row is still due, so
// two workers racing for a row on PostgreSQL do not both get it.
func (s *NotificationService) ClaimDue(ctx context.Context, limit int, lease time.Duration) ([]*lastseen.Delivery, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []*lastseen.Delivery
	err := s.db.write(ctx, func(tx *Tx) error {
		ids, err := tx.ids(ctx, "claim notifications", `
			UPDATE notifications SET next_attempt_at = $1
			WHERE sent_at IS NULL AND next_attempt_at <= $2 AND id IN (
				SELECT id FROM notifications WHERE sent_at IS NULL AND next_attempt_at <= $2
				ORDER BY id LIMIT $3)
			RETURNING id`, tx.now.Add(lease), tx.now, limit)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT n.id, n.subscription_id, n.kind, n.payload, n.dedup_key, n.created_at, n.attempts,
				n.next_attempt_at, n.last_error, s.channel, s.address, s.language
			FROM notifications n JOIN subscriptions s ON s.id = n.subscription_id
			WHERE n.id IN (`+placeholders(1, len(ids))+`) ORDER BY n.id`, args...)
		if err != nil {
			return fmt.Errorf("claim notifications: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var d lastseen.Delivery
			var channel string
			if err := rows.Scan(&d.ID, &d.SubscriptionID, &d.Kind, &d.Payload, &d.DedupKey, &d.CreatedAt, &d.Attempts,
				&d.NextAttemptAt, &d.LastError, &channel, &d.Address, &d.Language); err != nil {
				return fmt.Errorf("claim notifications: %w", err)
			}
			d.Channel, d.CreatedAt, d.NextAttemptAt = lastseen.Channel(channel), d.CreatedAt.UTC(), d.NextAttemptAt.UTC()
			out = append(out, &d)
		}
		return rows.Err()
	})
	return out, err
}

// MarkSent records a delivery; see lastseen.Outbox.
func (s *NotificationService) MarkSent(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx,
			`UPDATE notifications SET sent_at = $1, attempts = attempts + 1, last_error = '' WHERE id = $2`, tx.now, id)
		if err != nil {
			return fmt.Errorf("mark notification %d sent: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lastseen.Errorf(lastseen.ENOTFOUND, "Notification %d not found.", id)
		}
		return nil
	})
}

// MarkFailed records a failed attempt; see lastseen.Outbox.
func (s *NotificationService) MarkFailed(ctx context.Context, id int64, reason string, delay time.Duration) error {
	if len(reason) > 2000 {
		reason = reason[:2000]
	}
	return s.db.write(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE notifications SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2
			WHERE id = $3 AND sent_at IS NULL`,
			strings.ToValidUTF8(reason, "?"), tx.now.Add(delay), id)
		if err != nil {
			return fmt.Errorf("mark notification %d failed: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lastseen.Errorf(lastseen.ENOTFOUND, "Notification %d not found or already sent.", id)
		}
		return nil
	})
}
