package notify_test

import (
	"context"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/notify"
)

// mailbox is an SMTP server on loopback that keeps what it receives.
type mailbox struct {
	mu       sync.Mutex
	from     []string
	to       []string
	messages []string
}

func (b *mailbox) NewSession(c *smtp.Conn) (smtp.Session, error) { return &session{b: b}, nil }

type session struct{ b *mailbox }

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, opts *smtp.MailOptions) error {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.from = append(s.b.from, from)
	return nil
}
func (s *session) Rcpt(to string, opts *smtp.RcptOptions) error {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.to = append(s.b.to, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.messages = append(s.b.messages, string(b))
	return nil
}

func TestSMTP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	box := &mailbox{}
	srv := smtp.NewServer(box)
	srv.Domain = "localhost"
	srv.ErrorLog = log.New(io.Discard, "", 0)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	port := ln.Addr().(*net.TCPAddr).Port

	s := &notify.SMTP{Host: "127.0.0.1", Port: port, From: "lastseen <inquiries@example.org>", Insecure: true}
	d := &lastseen.Delivery{
		Notification: lastseen.Notification{ID: 3, Kind: lastseen.NotifyStatus, DedupKey: "subscription:1:status:alive:2022-03-01:false",
			Payload: `{"inquiry_id": 7, "status": "alive", "as_of": "2022-03-01"}`},
		Channel: lastseen.ChannelEmail, Address: "valya@example.org", Language: "en",
	}
	m, err := notify.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), d, m); err != nil {
		t.Fatal(err)
	}
	box.mu.Lock()
	defer box.mu.Unlock()
	if len(box.messages) != 1 || box.to[0] != "valya@example.org" || box.from[0] != "inquiries@example.org" {
		t.Fatalf("received from %v to %v: %d messages", box.from, box.to, len(box.messages))
	}
	msg := box.messages[0]
	for _, want := range []string{"Subject: Inquiry 7: news", "<subscription.1.status.alive.2022-03-01.false@lastseen>", "Content-Language: en", "reported alive (as of 2022-03-01)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	t.Run("ErrRefusesPlaintextUnlessInsecure", func(t *testing.T) {
		secure := *s
		secure.Insecure = false
		if err := secure.Send(context.Background(), d, m); err == nil {
			t.Fatal("sent to a server without TLS")
		}
	})
}
