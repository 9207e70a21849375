package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/secret"
	"github.com/lastseen/lastseen/sqldb"
)

func TestUsersAdd(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "lastseen.db")
	pwFile := filepath.Join(dir, "pw.txt")
	if err := os.WriteFile(pwFile, []byte("correct horse battery\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	usersAdd := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), append([]string{"users", "add", "--db", dsn}, args...), &out, &errOut)
		return code, out.String(), errOut.String()
	}

	t.Run("OK", func(t *testing.T) {
		code, out, errOut := usersAdd("--role", "caseworker", "--email", "Olena@Example.org", "--name", "Olena", "--password-file", pwFile)
		if code != 0 || !strings.Contains(out, "added user") {
			t.Fatalf("exit %d: %s %s", code, out, errOut)
		}
		db, err := sqldb.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		u, err := sqldb.NewUserService(db).FindUserByEmail(context.Background(), "olena@example.org")
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := secret.CheckPassword(u.PasswordHash, "correct horse battery"); !ok || err != nil || u.Role != lastseen.RoleCaseworker {
			t.Fatalf("user %+v: password check %v %v", u, ok, err)
		}
	})
	t.Run("GeneratedPasswordIsPrinted", func(t *testing.T) {
		code, out, errOut := usersAdd("--role", "admin", "--email", "root@example.org")
		if code != 0 || !strings.Contains(out, "password: ") {
			t.Fatalf("exit %d: %s %s", code, out, errOut)
		}
	})
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"ErrRole", []string{"--role", "god", "--email", "a@b.c"}, 2, "--role"},
		{"ErrEmail", []string{"--role", "caseworker", "--email", "nobody"}, 2, "--email"},
		{"ErrDuplicateEmail", []string{"--role", "caseworker", "--email", "olena@example.org", "--password-file", pwFile}, 1, "already exists"},
		{"ErrNoPasswordFile", []string{"--role", "caseworker", "--email", "x@example.org", "--password-file", filepath.Join(dir, "none")}, 1, "password file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := usersAdd(tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.says) {
				t.Fatalf("exit %d (want %d): %s %s", code, tt.code, out, errOut)
			}
		})
	}
}

func TestCasesRecompute(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "lastseen.db")
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"cases", "recompute", "--db", dsn, "--grades", "social=C3"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "recomputed 0 persons") || !strings.Contains(out.String(), "social=C3") {
		t.Fatalf("output %q", out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run(context.Background(), []string{"cases", "recompute", "--db", dsn, "--grades", "social=Z9"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "not an Admiralty grade") {
		t.Fatalf("bad grades: exit %d: %s", code, errOut.String())
	}
}
