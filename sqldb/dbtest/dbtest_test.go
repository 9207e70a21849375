package dbtest

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/sqldb"
)

// TestPostgresDSNDropsTheDatabase checks that a test database does not
// outlive its test, even with a connection still open (as a killed child
// process may leave), since every engineer's tests share one server.
func TestPostgresDSNDropsTheDatabase(t *testing.T) {
	var name string
	t.Run("inner", func(t *testing.T) {
		dsn := PostgresDSN(t)
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		name = strings.TrimPrefix(u.Path, "/")
		db, err := sqldb.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		_ = db // left open on purpose
	})
	if name == "" {
		t.Skip("no PostgreSQL database was created")
	}
	admin, _ := pgServer(t)
	var n int
	err := admin.QueryRowContext(context.Background(),
		`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, name).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("database %s still exists after its test", name)
	}
}
