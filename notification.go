package lastseen

import "context"

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
