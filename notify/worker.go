package notify

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/lastseen/lastseen"
)

// Sender delivers one rendered notification. It must be safe to call again
// for the same notification: delivery is at least once, and the dedup key
// (d.DedupKey) lets the receiver drop a repeat.
type Sender interface {
	Send(ctx context.Context, d *lastseen.Delivery, m Message) error
}

// Worker delivers the outbox.
type Worker struct {
	Outbox  lastseen.Outbox
	Senders map[lastseen.Channel]Sender
	Logger  *slog.Logger

	// Batch is how many notifications one round claims (50 when 0); Lease
	// how long they are the worker's before another may take them (5
	// minutes when 0).
	Batch int
	Lease time.Duration
}

// Backoff is how long to wait after the given number of failed attempts:
// a minute, doubling, at most a day.
func Backoff(attempts int) time.Duration {
	d := time.Minute
	for i := 0; i < attempts && d < 24*time.Hour; i++ {
		d *= 2
	}
	return min(d, 24*time.Hour)
}

func (w *Worker) logger() *slog.Logger {
	if w.Logger != nil {
		return w.Logger
	}
	return slog.Default()
}

// RunOnce claims the notifications due now and tries each once. A failure
// is recorded with the time of the next attempt (Backoff); it is not an
// error of RunOnce, which fails only when the outbox does.
func (w *Worker) RunOnce(ctx context.Context) (sent, failed int, err error) {
	batch, lease := w.Batch, w.Lease
	if batch <= 0 {
		batch = 50
	}
	if lease <= 0 {
		lease = 5 * time.Minute
	}
	ds, err := w.Outbox.ClaimDue(ctx, batch, lease)
	if err != nil {
		return 0, 0, fmt.Errorf("notify: %w", err)
	}
	for _, d := range ds {
		if err := w.deliver(ctx, d); err != nil {
			failed++
			delay := Backoff(d.Attempts)
			w.logger().WarnContext(ctx, "notification not delivered", "notification", d.ID, "attempt", d.Attempts+1, "retry_in", delay, "err", err)
			if err := w.Outbox.MarkFailed(ctx, d.ID, err.Error(), delay); err != nil {
				return sent, failed, fmt.Errorf("notify: %w", err)
			}
			continue
		}
		sent++
		if err := w.Outbox.MarkSent(ctx, d.ID); err != nil {
			return sent, failed, fmt.Errorf("notify: %w", err)
		}
	}
	return sent, failed, nil
}

func (w *Worker) deliver(ctx context.Context, d *lastseen.Delivery) error {
	m, err := Render(d)
	if err != nil {
		return err
	}
	s, ok := w.Senders[d.Channel]
	if !ok {
		return fmt.Errorf("no sender for channel %q", d.Channel)
	}
	return s.Send(ctx, d, m)
}

// Run delivers the outbox every interval until ctx is done.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if sent, failed, err := w.RunOnce(ctx); err != nil {
			w.logger().ErrorContext(ctx, "notify", "err", err)
		} else if sent+failed > 0 {
			w.logger().InfoContext(ctx, "notifications", "sent", sent, "failed", failed)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
