package notify_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/notify"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// outbox records what a Sender was asked to send, failing while err is set.
type outbox struct {
	mu   sync.Mutex
	sent []notify.Message
	to   []string
	err  error
}

func (o *outbox) Send(ctx context.Context, d *lastseen.Delivery, m notify.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return o.err
	}
	o.sent, o.to = append(o.sent, m), append(o.to, d.Address)
	return nil
}

// answeredInquiry files an inquiry and answers it with a verified death,
// which leaves two notifications in the outbox: candidate found, and the
// verified status.
func answeredInquiry(t *testing.T, db *sqldb.DB) {
	t.Helper()
	ctx := context.Background()
	u := &lastseen.User{Email: "cw@example.org", Role: lastseen.RoleCaseworker}
	if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	cw := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: lastseen.RoleCaseworker, UserID: u.ID})
	q := &lastseen.Inquiry{
		Inquirer: lastseen.Inquirer{Name: "Валя", Email: "valya@example.org", Language: "ru"},
		Record:   &lastseen.Record{GivenName: "Александр", FamilyName: "Коваленко"},
	}
	if err := sqldb.NewInquiryService(db).CreateInquiry(ctx, q); err != nil {
		t.Fatal(err)
	}
	r := &lastseen.Record{
		Source:    &lastseen.Source{Kind: lastseen.SourceMorgue, Name: "Morgue list"},
		GivenName: "Aleksandr", FamilyName: "Kovalenko",
		Claims: []*lastseen.Claim{{Status: lastseen.StatusDead, Date: lastseen.MustParseDate("2022-02-23")}},
	}
	if err := sqldb.NewRecordService(db).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	cases := sqldb.NewCaseService(db)
	out, err := cases.Judge(cw, &lastseen.Judgement{RecordA: q.RecordID, RecordB: r.ID, Verdict: lastseen.VerdictSame})
	if err != nil {
		t.Fatal(err)
	}
	if err := cases.Verify(cw, &lastseen.Verification{PersonID: out.PersonA, Status: lastseen.StatusDead, Method: "identified by a brother"}); err != nil {
		t.Fatal(err)
	}
}

func TestWorker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		answeredInquiry(t, db)
		now := time.Now()
		db.Now = func() time.Time { return now }
		box := &outbox{}
		w := &notify.Worker{
			Outbox:  sqldb.NewNotificationService(db),
			Senders: map[lastseen.Channel]notify.Sender{lastseen.ChannelEmail: box},
			Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		}

		t.Run("FailureIsRetriedLater", func(t *testing.T) {
			box.err = errors.New("connection refused")
			sent, failed, err := w.RunOnce(ctx)
			if err != nil || sent != 0 || failed != 2 {
				t.Fatalf("RunOnce = %d sent, %d failed, %v", sent, failed, err)
			}
			box.err = nil
			if sent, failed, err := w.RunOnce(ctx); err != nil || sent+failed != 0 {
				t.Fatalf("retried before its time: %d sent, %d failed, %v", sent, failed, err)
			}
			ns, _ := sqldb.NewNotificationService(db).FindNotifications(ctx, lastseen.NotificationFilter{Unsent: true})
			if len(ns) != 2 || ns[0].Attempts != 1 || ns[0].LastError != "connection refused" {
				t.Fatalf("after a failure: %+v", ns[0])
			}
		})
		t.Run("SentOnceInTheRecipientsLanguage", func(t *testing.T) {
			now = now.Add(notify.Backoff(1))
			sent, failed, err := w.RunOnce(ctx)
			if err != nil || sent != 2 || failed != 0 {
				t.Fatalf("RunOnce = %d sent, %d failed, %v", sent, failed, err)
			}
			if box.to[0] != "valya@example.org" || box.sent[1].Subject == "" || !containsAll(box.sent[1].Body, "погиб", "identified by a brother") {
				t.Fatalf("sent %+v to %v", box.sent, box.to)
			}
			if sent, _, _ := w.RunOnce(ctx); sent != 0 {
				t.Fatalf("sent again: %d", sent)
			}
			ns, _ := sqldb.NewNotificationService(db).FindNotifications(ctx, lastseen.NotificationFilter{Unsent: true})
			if len(ns) != 0 {
				t.Fatalf("%d notifications still unsent", len(ns))
			}
		})
	})
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func TestBackoff(t *testing.T) {
	if notify.Backoff(0) != time.Minute || notify.Backoff(3) != 8*time.Minute || notify.Backoff(40) != 24*time.Hour {
		t.Fatalf("backoff %v %v %v", notify.Backoff(0), notify.Backoff(3), notify.Backoff(40))
	}
}
