package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/lastseen/lastseen"
)

// SMTP sends notifications as plain-text email.
type SMTP struct {
	Host     string
	Port     int    // 587 when 0
	Username string // no authentication when ""
	Password string
	From     string // the sender address, "lastseen <inquiries@example.org>"
	// Insecure allows a server without STARTTLS, for a relay on loopback;
	// otherwise TLS is mandatory, since a message to a family is protected.
	Insecure bool
	Timeout  time.Duration // 30 seconds when 0
}

var _ Sender = (*SMTP)(nil)

// Send sends one message. Its Message-ID is made from the dedup key, so a
// repeat after a crash is the same message to the recipient's server.
func (s *SMTP) Send(ctx context.Context, d *lastseen.Delivery, m Message) error {
	msg := mail.NewMsg()
	if err := msg.From(s.From); err != nil {
		return fmt.Errorf("email from %q: %w", s.From, err)
	}
	if err := msg.To(d.Address); err != nil {
		return fmt.Errorf("email to notification %d's address: %w", d.ID, err)
	}
	msg.Subject(m.Subject)
	msg.SetBodyString(mail.TypeTextPlain, m.Body)
	msg.SetMessageIDWithValue(strings.NewReplacer(":", ".", "@", ".").Replace(d.DedupKey) + "@lastseen")
	if d.Language != "" {
		msg.SetGenHeader(mail.HeaderContentLang, d.Language)
	}
	msg.SetBulk()

	port, timeout := s.Port, s.Timeout
	if port == 0 {
		port = 587
	}
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	policy := mail.TLSMandatory
	if s.Insecure {
		policy = mail.NoTLS
	}
	opts := []mail.Option{mail.WithPort(port), mail.WithTLSPolicy(policy), mail.WithTimeout(timeout)}
	if s.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthPlain), mail.WithUsername(s.Username), mail.WithPassword(s.Password))
	}
	c, err := mail.NewClient(s.Host, opts...)
	if err != nil {
		return fmt.Errorf("email: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("email notification %d: %w", d.ID, err)
	}
	return nil
}
