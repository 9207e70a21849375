package notify_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/notify"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// receiver is a partner's webhook endpoint: it checks each delivery's
// signature, keeps the first delivery of each Idempotency-Key and drops
// repeats, and fails while fail > 0.
type receiver struct {
	t      *testing.T
	secret []byte
	mu     sync.Mutex
	fail   int
	calls  int
	keys   []string
	bodies map[string][]byte
}

func (rv *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rv.mu.Lock()
	defer rv.mu.Unlock()
	rv.calls++
	if err := notify.VerifySignature(rv.secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
		rv.t.Errorf("delivery %d: %v", rv.calls, err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	rv.keys = append(rv.keys, key)
	if rv.fail > 0 {
		rv.fail--
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	if _, seen := rv.bodies[key]; !seen {
		rv.bodies[key] = body
	}
	w.WriteHeader(http.StatusNoContent)
}

// memOutbox is an outbox in memory whose failed notifications are due again
// at once, to drive the worker through retries without a clock.
type memOutbox struct {
	mu   sync.Mutex
	ds   []*lastseen.Delivery
	sent map[int64]int
}

func (o *memOutbox) ClaimDue(ctx context.Context, limit int, lease time.Duration) ([]*lastseen.Delivery, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []*lastseen.Delivery
	for _, d := range o.ds {
		if o.sent[d.ID] == 0 {
			c := *d
			out = append(out, &c)
		}
	}
	return out, nil
}

func (o *memOutbox) MarkSent(ctx context.Context, id int64) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent[id]++
	return nil
}

func (o *memOutbox) MarkFailed(ctx context.Context, id int64, reason string, delay time.Duration) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, d := range o.ds {
		if d.ID == id {
			d.Attempts++
			d.LastError = reason
		}
	}
	return nil
}

func TestWebhook(t *testing.T) {
	secret := []byte("shared with the partner")
	rv := &receiver{t: t, secret: secret, bodies: map[string][]byte{}}
	srv := httptest.NewServer(rv)
	defer srv.Close()
	d := &lastseen.Delivery{
		Notification: lastseen.Notification{ID: 7, SubscriptionID: 3, Kind: lastseen.NotifyStatus, DedupKey: "subscription:3:status:captured:2023-05:false",
			Payload: `{"inquiry_id": 4, "state": "answered", "status": "captured", "as_of": "2023-05"}`, CreatedAt: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)},
		Channel: lastseen.ChannelWebhook, Address: srv.URL + "/hooks/lastseen", Language: "uk",
	}
	box := &memOutbox{ds: []*lastseen.Delivery{d}, sent: map[int64]int{}}
	w := &notify.Worker{Outbox: box, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Senders: map[lastseen.Channel]notify.Sender{lastseen.ChannelWebhook: &notify.Webhook{Secret: secret}}}

	t.Run("RetriedWithTheSameKeyDeliveredOnce", func(t *testing.T) {
		rv.fail = 2
		for round := 0; round < 4; round++ {
			if _, _, err := w.RunOnce(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if rv.calls != 3 || box.sent[7] != 1 || d.Attempts != 2 || !strings.Contains(d.LastError, "503") {
			t.Fatalf("%d calls, sent %d times, %d failed attempts (%q)", rv.calls, box.sent[7], d.Attempts, d.LastError)
		}
		for _, k := range rv.keys {
			if k != d.DedupKey {
				t.Fatalf("Idempotency-Key %q, want %q on every attempt", k, d.DedupKey)
			}
		}
		var got struct {
			ID       int64
			Kind     string
			Language string
			Subject  string
			Text     string
			Payload  struct {
				InquiryID int64  `json:"inquiry_id"`
				Status    string `json:"status"`
			}
		}
		if err := json.Unmarshal(rv.bodies[d.DedupKey], &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != 7 || got.Kind != lastseen.NotifyStatus || got.Language != "uk" || got.Payload.InquiryID != 4 ||
			got.Payload.Status != "captured" || !strings.Contains(got.Text, "полон") || got.Subject == "" {
			t.Fatalf("delivered %+v", got)
		}
	})
	t.Run("ErrSignatureChecks", func(t *testing.T) {
		body := []byte(`{"id": 1}`)
		h := http.Header{}
		now := time.Now()
		h.Set(notify.HeaderTimestamp, "1764201600")
		h.Set(notify.HeaderSignature, notify.Sign(secret, "1764201600", body))
		if err := notify.VerifySignature(secret, h, body, time.Unix(1764201600, 0), time.Minute); err != nil {
			t.Fatalf("a good signature: %v", err)
		}
		for name, check := range map[string]func() error{
			"TamperedBody": func() error {
				return notify.VerifySignature(secret, h, []byte(`{"id": 2}`), time.Unix(1764201600, 0), time.Minute)
			},
			"OtherSecret": func() error {
				return notify.VerifySignature([]byte("guess"), h, body, time.Unix(1764201600, 0), time.Minute)
			},
			"Replayed": func() error { return notify.VerifySignature(secret, h, body, now, time.Minute) },
			"NoTimestamp": func() error {
				return notify.VerifySignature(secret, http.Header{}, body, time.Unix(1764201600, 0), time.Minute)
			},
		} {
			if err := check(); err == nil {
				t.Errorf("%s: accepted", name)
			}
		}
	})
	t.Run("ErrAddressNotLeaked", func(t *testing.T) {
		bad := *d
		bad.Address = "ftp://partner.example/secret-path"
		err := (&notify.Webhook{Secret: secret}).Send(context.Background(), &bad, notify.Message{})
		if err == nil || strings.Contains(err.Error(), "secret-path") {
			t.Fatalf("err = %v", err)
		}
		bad.Address = "http://127.0.0.1:1/secret-path"
		err = (&notify.Webhook{Secret: secret}).Send(context.Background(), &bad, notify.Message{})
		if err == nil || strings.Contains(err.Error(), "secret-path") {
			t.Fatalf("err = %v", err)
		}
		if err := (&notify.Webhook{}).Send(context.Background(), d, notify.Message{}); err == nil {
			t.Fatal("sent without a signing secret")
		}
	})
}

// TestWorker_ClaimedOnce runs two workers at once on the same outbox, on
// both databases: each notification is claimed by one of them and sent once.
func TestWorker_ClaimedOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		answeredInquiry(t, db)
		box := &outbox{}
		var wg sync.WaitGroup
		for range 2 {
			w := &notify.Worker{Outbox: sqldb.NewNotificationService(db), Batch: 1, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Senders: map[lastseen.Channel]notify.Sender{lastseen.ChannelEmail: box}}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 3 {
					if _, _, err := w.RunOnce(context.Background()); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		if len(box.sent) != 2 || box.sent[0].Subject == box.sent[1].Subject {
			t.Fatalf("sent %d messages, want the 2 notifications once each: %+v", len(box.sent), box.sent)
		}
	})
}
