package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/lastseen/lastseen"
)

// Webhook delivers notifications to a partner's HTTPS endpoint (a tracing
// agency's case system, say) as a JSON POST:
//
//	POST <subscription address>
//	Content-Type: application/json
//	Idempotency-Key: <the notification's dedup key>
//	X-Lastseen-Event: inquiry.status
//	X-Lastseen-Timestamp: 1764201600
//	X-Lastseen-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under Secret>
//
//	{"id": 12, "kind": "inquiry.status", "dedup_key": "…", "created_at": "…", "language": "uk",
//	 "subject": "…", "text": "…", "payload": {…}}
//
// Delivery is at least once: a retry carries the same Idempotency-Key, by
// which the receiver drops a repeat. The receiver checks the signature with
// VerifySignature (or the same computation) and refuses an old timestamp.
// A 2xx answer is a delivery; any other answer, or none, is a failed
// attempt, which the worker tries again after Backoff.
type Webhook struct {
	Secret []byte       // the HMAC key shared with the receivers; required
	Client *http.Client // a client with a 30-second timeout when nil
}

var _ Sender = (*Webhook)(nil)

// webhookBody is what a webhook receives.
type webhookBody struct {
	ID        int64           `json:"id"`
	Kind      string          `json:"kind"`
	DedupKey  string          `json:"dedup_key"`
	CreatedAt time.Time       `json:"created_at"`
	Language  string          `json:"language"`
	Subject   string          `json:"subject"`
	Text      string          `json:"text"`
	Payload   json.RawMessage `json:"payload"`
}

// Headers of a webhook delivery.
const (
	HeaderSignature = "X-Lastseen-Signature"
	HeaderTimestamp = "X-Lastseen-Timestamp"
	HeaderEvent     = "X-Lastseen-Event"
	HeaderIdemKey   = "Idempotency-Key"
)

var defaultClient = &http.Client{Timeout: 30 * time.Second}

// Send posts one notification to the subscription's URL.
func (h *Webhook) Send(ctx context.Context, d *lastseen.Delivery, m Message) error {
	if len(h.Secret) == 0 {
		return errors.New("webhook: no signing secret")
	}
	u, err := url.Parse(d.Address)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("webhook notification %d: the subscription's address is not an http(s) URL", d.ID)
	}
	payload := json.RawMessage(d.Payload)
	if !json.Valid(payload) {
		return fmt.Errorf("webhook notification %d: the payload is not JSON", d.ID)
	}
	body, err := json.Marshal(webhookBody{ID: d.ID, Kind: d.Kind, DedupKey: d.DedupKey, CreatedAt: d.CreatedAt,
		Language: d.Language, Subject: m.Subject, Text: m.Body, Payload: payload})
	if err != nil {
		return fmt.Errorf("webhook notification %d: %w", d.ID, err)
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook notification %d: %w", d.ID, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "lastseen-webhook/1")
	req.Header.Set(HeaderIdemKey, d.DedupKey)
	req.Header.Set(HeaderEvent, d.Kind)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(h.Secret, ts, body))
	c := h.Client
	if c == nil {
		c = defaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		// The error names the URL, which is protected: keep only the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("webhook notification %d: %w", d.ID, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook notification %d: the receiver answered %s", d.ID, resp.Status)
	}
	return nil
}

// Sign returns the signature header value of a webhook body sent at the
// Unix timestamp ts: "sha256=" and the hex HMAC-SHA256 of "ts.body".
func Sign(secret []byte, ts string, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(ts))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// VerifySignature checks a webhook delivery as a receiver should: the
// signature over the timestamp and body, in constant time, and a timestamp
// within tolerance of now, so that a captured delivery cannot be replayed
// later.
func VerifySignature(secret []byte, h http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	ts := h.Get(HeaderTimestamp)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("webhook: %s %q is not a Unix time", HeaderTimestamp, ts)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("webhook: the timestamp is %s away from now", d.Round(time.Second))
	}
	if !hmac.Equal([]byte(h.Get(HeaderSignature)), []byte(Sign(secret, ts, body))) {
		return errors.New("webhook: the signature does not match")
	}
	return nil
}
