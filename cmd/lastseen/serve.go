package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"time"

	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/sqldb"
)

const serveExamples = `  lastseen serve
  lastseen serve --addr 127.0.0.1:9000 --db sqlite:/var/lib/lastseen/lastseen.db
  LASTSEEN_DB=postgres://lastseen@127.0.0.1:5432/lastseen?sslmode=disable lastseen serve
  lastseen serve --addr 127.0.0.1:0    # a free port; the address is printed
`

// defaultDB is the embedded database in the working directory.
const defaultDB = "sqlite:lastseen.db"

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "[--addr ADDR] [--db DSN]", serveExamples, stderr)
	addr := fs.String("addr", envOr("LASTSEEN_ADDR", "127.0.0.1:8080"), "`address` to listen on; port 0 picks a free one (env LASTSEEN_ADDR)")
	dsn := fs.String("db", envOr("LASTSEEN_DB", defaultDB), "database: sqlite:PATH or a postgres:// URL (env LASTSEEN_DB)")
	cases := addCaseFlags(fs) // cases.go
	linking := addLinkFlags(fs)
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf(fs, "unexpected argument %q", fs.Arg(0))
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()

	s := lshttp.NewServer()
	s.Addr = *addr
	s.Logger = logger
	s.HealthCheck = db.Ping
	s.RecordService = sqldb.NewRecordService(db)
	s.SourceService = sqldb.NewSourceService(db)
	s.StatsServices = statsServices(db) // stats.go
	if err := cases.wire(ctx, db, s, logger); err != nil {
		return err
	}
	if err := linking.wireServe(ctx, db, s, logger); err != nil { // wire.go
		return err
	}
	if err := s.Open(); err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	logger.Info("listening", "addr", s.Addr, "db", redactDSN(*dsn))
	// The address on stdout, for scripts and tests that asked for port 0.
	fmt.Fprintf(stdout, "lastseen: listening on %s\n", s.URL())

	<-ctx.Done()
	logger.Info("shutting down", "timeout", lshttp.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), lshttp.ShutdownTimeout)
	defer cancel()
	start := time.Now()
	if err := s.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	logger.Info("stopped", "after", time.Since(start).Round(time.Millisecond))
	return nil
}

// redactDSN hides a password in a PostgreSQL URL before it is logged.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}
