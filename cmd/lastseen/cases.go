package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/lastseen/lastseen"
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/notify"
	"github.com/lastseen/lastseen/sqldb"
)

// caseConfig is the configuration of cases in `lastseen serve`: the grade
// table and the delivery of notifications.
type caseConfig struct {
	grades       *string
	smtpHost     *string
	smtpPort     *int
	smtpUser     *string
	smtpPassFile *string
	smtpFrom     *string
	smtpInsecure *bool
}

// addCaseFlags registers the flags of cases on a serve flag set.
func addCaseFlags(fs *flag.FlagSet) *caseConfig {
	return &caseConfig{
		grades: fs.String("grades", envOr("LASTSEEN_GRADES", ""),
			"default Admiralty `grades` by source kind, over the built-in ones: kind=GRADE,… such as social=E5,media=B3 (env LASTSEEN_GRADES)"),
		smtpHost: fs.String("smtp-host", envOr("LASTSEEN_SMTP_HOST", ""),
			"SMTP `host` for notifications to inquirers; without it the outbox is kept but not delivered (env LASTSEEN_SMTP_HOST)"),
		smtpPort: fs.Int("smtp-port", 587, "SMTP `port`"),
		smtpUser: fs.String("smtp-user", envOr("LASTSEEN_SMTP_USER", ""), "SMTP `user` (env LASTSEEN_SMTP_USER)"),
		smtpPassFile: fs.String("smtp-password-file", envOr("LASTSEEN_SMTP_PASSWORD_FILE", ""),
			"`file` holding the SMTP password (env LASTSEEN_SMTP_PASSWORD_FILE)"),
		smtpFrom: fs.String("smtp-from", envOr("LASTSEEN_SMTP_FROM", ""),
			"sender `address` of notifications, such as \"lastseen <inquiries@example.org>\" (env LASTSEEN_SMTP_FROM)"),
		smtpInsecure: fs.Bool("smtp-insecure", false, "allow an SMTP server without TLS (a relay on loopback)"),
	}
}

// wire sets the grade table on db and the cases services on the server, and
// starts delivering notifications when SMTP is configured; the worker stops
// with ctx.
func (c *caseConfig) wire(ctx context.Context, db *sqldb.DB, s *lshttp.Server, logger *slog.Logger) error {
	grades, err := lastseen.ParseGrades(*c.grades)
	if err != nil {
		return fmt.Errorf("--grades: %w", err)
	}
	db.Grades = grades
	s.CaseServices = caseServices(db)
	if *c.smtpHost == "" {
		logger.Info("notifications are kept in the outbox: no --smtp-host")
		return nil
	}
	if *c.smtpFrom == "" {
		return fmt.Errorf("--smtp-from is required with --smtp-host")
	}
	var password string
	if *c.smtpPassFile != "" {
		b, err := os.ReadFile(*c.smtpPassFile)
		if err != nil {
			return fmt.Errorf("--smtp-password-file: %w", err)
		}
		password = strings.TrimRight(string(b), "\r\n")
	}
	w := &notify.Worker{
		Outbox: sqldb.NewNotificationService(db),
		Senders: map[lastseen.Channel]notify.Sender{lastseen.ChannelEmail: &notify.SMTP{
			Host: *c.smtpHost, Port: *c.smtpPort, Username: *c.smtpUser, Password: password,
			From: *c.smtpFrom, Insecure: *c.smtpInsecure,
		}},
		Logger: logger,
	}
	go w.Run(ctx, 30*time.Second)
	return nil
}

// caseServices wires the services behind inquiries, review, judgements,
// verifications, persons and sign-in.
func caseServices(db *sqldb.DB) lshttp.CaseServices {
	return lshttp.CaseServices{
		InquiryService:   sqldb.NewInquiryService(db),
		CaseService:      sqldb.NewCaseService(db),
		PersonService:    sqldb.NewPersonService(db),
		JudgementService: sqldb.NewJudgementService(db),
		UserService:      sqldb.NewUserService(db),
		APIKeyService:    sqldb.NewAPIKeyService(db),
		AccessAuditor:    sqldb.NewAuditService(db),
	}
}

const casesExamples = `  lastseen cases recompute --grades social=E5,media=B3
  LASTSEEN_GRADES=social=E5 lastseen cases recompute --db postgres://lastseen@127.0.0.1/lastseen

Run it after changing the grade table that serve uses (--grades or
LASTSEEN_GRADES), with the same table: stored statuses follow the table only
from the next change of each person otherwise.
`

// runCases runs the maintenance commands of cases; only "recompute" for now.
func runCases(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "recompute" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintf(stdout, "Usage: lastseen cases recompute [--grades TABLE] [--db DSN]\n\nExamples:\n%s", casesExamples)
			return nil
		}
		if len(args) == 0 {
			fmt.Fprintf(stderr, "lastseen cases: say what to do: recompute\n")
		} else {
			fmt.Fprintf(stderr, "lastseen cases: %q: say what to do: recompute\n", args[0])
		}
		fmt.Fprint(stderr, "Usage: lastseen cases recompute [--grades TABLE] [--db DSN]\n")
		return errUsage
	}
	fs := newFlagSet("cases recompute", "[--grades TABLE] [--db DSN]", casesExamples, stderr)
	dsn := fs.String("db", envOr("LASTSEEN_DB", defaultDB), "database: sqlite:PATH or a postgres:// URL (env LASTSEEN_DB)")
	gradesFlag := fs.String("grades", envOr("LASTSEEN_GRADES", ""), "default Admiralty `grades` by source kind, as for serve (env LASTSEEN_GRADES)")
	if err := parseFlags(fs, args[1:], stdout, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf(fs, "unexpected argument %q", fs.Arg(0))
	}
	grades, err := lastseen.ParseGrades(*gradesFlag)
	if err != nil {
		return usageErrorf(fs, "--grades: %v", err)
	}
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Grades = grades
	n, err := sqldb.NewCaseService(db).Recompute(ctx)
	if err != nil {
		return fmt.Errorf("after %d persons: %w", n, err)
	}
	fmt.Fprintf(stdout, "recomputed %d persons with grades %s\n", n, grades)
	return nil
}
