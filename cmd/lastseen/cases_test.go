package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// TestServeCases runs the built binary: an account made with `lastseen users
// add` signs in to a `lastseen serve` and reads the review queue; an inquiry
// filed without an account gets its follow link.
func TestServeCases(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		pw := filepath.Join(t.TempDir(), "pw")
		if err := os.WriteFile(pw, []byte("correct horse battery\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code := run(context.Background(), []string{"users", "add", "--db", dsn, "--role", "caseworker",
			"--email", "olena@example.org", "--password-file", pw}, &out, &errOut); code != 0 {
			t.Fatalf("users add: exit %d: %s", code, errOut.String())
		}
		c := startServe(t, dsn)
		post := func(path, token, body string) (int, string) {
			req, err := http.NewRequest("POST", c.url+path, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			return send(t, req)
		}
		code, body := post("/api/v1/auth/token", "", `{"email": "olena@example.org", "password": "correct horse battery"}`)
		if code != 201 {
			t.Fatalf("sign in: %d %s", code, body)
		}
		var tok struct{ Token string }
		if err := json.Unmarshal([]byte(body), &tok); err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", c.url+"/api/v1/review", nil)
		req.Header.Set("Authorization", "Bearer "+tok.Token)
		if code, body := send(t, req); code != 200 || !strings.Contains(body, `"total":0`) {
			t.Fatalf("review queue: %d %s", code, body)
		}
		code, body = post("/api/v1/inquiries", "", `{"inquirer": {"name": "Валя", "language": "ru"}, "person": {"given_name": "Александр", "family_name": "Коваленко"}}`)
		if code != 201 || !strings.Contains(body, "/api/v1/inquiries/follow/") {
			t.Fatalf("inquiry: %d %s", code, body)
		}
	})
}

func send(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
