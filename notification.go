package lastseen

import (
	"context"
	"time"
)

// Notification kinds. The payload is JSON; the delivery worker renders it in
// the subscription's language.
const (
	// NotifyCandidateFound: records that may describe the person sought
	// have been found. Says nothing of their content.
	NotifyCandidateFound = "inquiry.candidate_found"
	// NotifyStatus: there is news the inquirer may be told (see Tellable):
	// a verified status, or an undisputed claim of life.
	NotifyStatus = "inquiry.status"
)

// NotificationService reads the outbox. Notifications are written by the
// services whose changes they announce, in the same transaction.
type NotificationService interface {
	// FindNotifications returns notifications oldest first.
	FindNotifications(ctx context.Context, f NotificationFilter) ([]*Notification, error)
}

// NotificationFilter selects notifications; zero fields match everything.
type NotificationFilter struct {
	InquiryID int64 // notifications to the inquiry's subscriptions
	Unsent    bool
	Limit     int
}

// Delivery is a notification with where it goes. Address is protected data:
// it never leaves the server except to its own recipient.
type Delivery struct {
	Notification
	Channel  Channel `json:"channel"`
	Address  string  `json:"-"`
	Language string  `json:"language"`
}

// Outbox is what the delivery worker needs from storage. Delivering is at
// least once: a worker that dies after sending and before MarkSent sends
// again after the lease, so every delivery carries the notification's
// DedupKey for the receiver to drop the repeat.
type Outbox interface {
	// ClaimDue leases up to limit unsent notifications whose time has come,
	// oldest first, for the lease: no other worker gets them before it ends.
	// Times are the store's clock, so workers on several hosts agree.
	ClaimDue(ctx context.Context, limit int, lease time.Duration) ([]*Delivery, error)

	// MarkSent records the delivery of a notification.
	MarkSent(ctx context.Context, id int64) error

	// MarkFailed records a failed attempt, to be tried again after delay.
	MarkFailed(ctx context.Context, id int64, reason string, delay time.Duration) error
}
