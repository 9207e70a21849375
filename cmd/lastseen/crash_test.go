package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// TestMain removes the binary the end-to-end tests build.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// lastseenBinary builds the lastseen command once per test run.
func lastseenBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lastseen-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "lastseen")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// child is a `lastseen serve` process.
type child struct {
	cmd     *exec.Cmd
	url     string
	stderr  *syncBuffer
	done    chan struct{} // closed when the process has exited
	waitErr error
}

// startServe starts `lastseen serve` on a free port and waits until it says
// where it listens.
func startServe(t *testing.T, dsn string) *child {
	t.Helper()
	return startServeEnv(t, []string{"--addr", "127.0.0.1:0", "--db", dsn}, "LASTSEEN_ADDR=", "LASTSEEN_DB=")
}

// startServeEnv starts `lastseen serve` with the arguments and environment
// variables ("NAME=value") and waits until it says where it listens.
func startServeEnv(t *testing.T, args []string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(lastseenBinary(t), append([]string{"serve"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.kill() })
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "lastseen: listening on "); ok {
				urls <- u
			}
		}
		io.Copy(io.Discard, stdout)
		c.waitErr = cmd.Wait()
		close(c.done)
	}()
	select {
	case c.url = <-urls:
		return c
	case <-c.done:
		t.Fatalf("lastseen serve exited before listening: %v\n%s", c.waitErr, c.stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("lastseen serve did not listen within a minute\n%s", c.stderr)
	}
	return nil
}

// kill sends SIGKILL and waits for the process to be gone.
func (c *child) kill() {
	select {
	case <-c.done:
		return
	default:
	}
	c.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
	}
}

// ack is a record the server answered 201 for.
type ack struct {
	id     int64
	family string
	notes  string
}

// TestCrash kills a server that is receiving records with SIGKILL at a
// random moment, twenty times on each database, and checks after each
// restart that every record acknowledged with a 201 is there, as it was sent.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("kills lastseen serve 20 times per database")
	}
	const rounds, writers = 20, 4
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		client := &http.Client{Timeout: 10 * time.Second}
		var all, prev []ack
		var inFlight int // requests that got no answer: either outcome is allowed
		for round := 0; round < rounds; round++ {
			// The restart: the records acknowledged just before the last
			// kill are the ones at risk. All of them are checked at the end.
			c := startServe(t, dsn)
			checkAcked(t, client, c.url, prev)

			var mu sync.Mutex
			var acked []ack
			stop := make(chan struct{})
			var wg sync.WaitGroup
			for w := 0; w < writers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < 10_000; i++ {
						select {
						case <-stop:
							return
						default:
						}
						a := ack{family: fmt.Sprintf("Коваленко-%d-%d-%d", round, w, i), notes: fmt.Sprintf("marker %d/%d/%d: ї є ґ ё", round, w, i)}
						id, ok := postRecord(client, c.url, a)
						if !ok {
							mu.Lock()
							inFlight++
							mu.Unlock()
							return // the server is gone
						}
						a.id = id
						mu.Lock()
						acked = append(acked, a)
						mu.Unlock()
					}
				}()
			}
			time.Sleep(time.Duration(20+rand.IntN(400)) * time.Millisecond)
			c.kill()
			close(stop)
			wg.Wait()
			if len(acked) == 0 {
				t.Logf("round %d: no record was acknowledged before the kill", round)
			}
			all = append(all, acked...)
			prev = acked
		}
		c := startServe(t, dsn)
		checkAcked(t, client, c.url, all)
		t.Logf("%d kills survived; %d acknowledged records all present; %d requests cut off by a kill", rounds, len(all), inFlight)
	})
}

// postRecord posts a record and returns its id when the server answered 201.
func postRecord(client *http.Client, url string, a ack) (int64, bool) {
	body, _ := json.Marshal(map[string]any{
		"source":      map[string]string{"kind": "comrade", "name": "Crash test"},
		"given_name":  "Олександр",
		"family_name": a.family,
		"notes":       a.notes,
		"claims":      []map[string]string{{"status": "missing", "date": "2022-02-23"}},
	})
	resp, err := client.Post(url+"/api/v1/records", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	var rec lastseen.Record
	if resp.StatusCode != http.StatusCreated || json.NewDecoder(resp.Body).Decode(&rec) != nil || rec.ID == 0 {
		return 0, false
	}
	return rec.ID, true
}

// checkAcked fetches every acknowledged record and compares it with what was sent.
func checkAcked(t *testing.T, client *http.Client, url string, acks []ack) {
	t.Helper()
	for _, a := range acks {
		resp, err := client.Get(fmt.Sprintf("%s/api/v1/records/%d", url, a.id))
		if err != nil {
			t.Fatal(err)
		}
		var rec lastseen.Record
		err = json.NewDecoder(resp.Body).Decode(&rec)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || err != nil {
			t.Fatalf("record %d (%s) was acknowledged but is lost: status %d", a.id, a.family, resp.StatusCode)
		}
		if rec.FamilyName != a.family || rec.Notes != a.notes || rec.GivenName != "Олександр" ||
			len(rec.Claims) != 1 || rec.Claims[0].Date != lastseen.NewDate(2022, 2, 23) {
			t.Fatalf("record %d differs from what was sent (%s, %s): %+v", a.id, a.family, a.notes, rec)
		}
	}
}

// TestServe_SIGTERM checks the graceful shutdown: SIGTERM ends the server with
// status 0.
func TestServe_SIGTERM(t *testing.T) {
	c := startServe(t, dbtest.SQLiteDSN(t))
	resp, err := http.Get(c.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
		if c.waitErr != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", c.waitErr, c.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("still running 30 s after SIGTERM\n%s", c.stderr)
	}
	if !strings.Contains(c.stderr.String(), "msg=stopped") {
		t.Fatalf("no shutdown in the log:\n%s", c.stderr)
	}
}

// TestServe_Environment checks that LASTSEEN_ADDR and LASTSEEN_DB stand in for
// the flags.
func TestServe_Environment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "env.db")
	c := startServeEnv(t, nil, "LASTSEEN_ADDR=127.0.0.1:0", "LASTSEEN_DB=sqlite:"+path)
	resp, err := http.Get(c.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.HasSuffix(c.url, ":8080") {
		t.Fatalf("healthz at %s: %d", c.url, resp.StatusCode)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("LASTSEEN_DB was not used: %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe for a child's writes and the test's reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
