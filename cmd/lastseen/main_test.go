package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	ctx := context.Background()
	t.Run("Help", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run(ctx, []string{"help"}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d", code)
		}
		for _, c := range commands {
			if !strings.Contains(stdout.String(), "  "+c.name+" ") || !strings.Contains(stdout.String(), c.summary) {
				t.Errorf("help does not list %s:\n%s", c.name, stdout.String())
			}
		}
	})
	// Every subcommand explains itself with examples, and refuses a wrong flag
	// with its usage and status 2.
	for _, c := range commands {
		t.Run("HelpOf_"+c.name, func(t *testing.T) {
			for _, args := range [][]string{{c.name, "--help"}, {"help", c.name}} {
				var stdout, stderr bytes.Buffer
				if code := run(ctx, args, &stdout, &stderr); code != 0 {
					t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
				}
				out := strings.ToLower(stdout.String() + stderr.String())
				if !strings.Contains(out, "usage: lastseen "+c.name) || !strings.Contains(out, "examples:") {
					t.Fatalf("%v: usage lacks the synopsis or examples:\n%s", args, out)
				}
			}
		})
		t.Run("ErrFlagOf_"+c.name, func(t *testing.T) {
			args := []string{c.name, "--no-such-flag"}
			switch c.name { // their first argument is what to do
			case "names":
				args = []string{c.name, "explain", "--no-such-flag"}
			case "users":
				args = []string{c.name, "add", "--no-such-flag"}
			}
			var stdout, stderr bytes.Buffer
			if code := run(ctx, args, &stdout, &stderr); code != 2 {
				t.Fatalf("exit %d, want 2", code)
			}
			if msg := strings.ToLower(stderr.String()); !strings.Contains(msg, "no-such-flag") || !strings.Contains(msg, "usage: lastseen "+c.name) {
				t.Fatalf("stderr lacks the error or the usage:\n%s", stderr.String())
			}
		})
	}
	t.Run("Version", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run(ctx, []string{"version"}, &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "lastseen ") || !strings.Contains(stdout.String(), "go1.") {
			t.Fatalf("exit %d: %q", code, stdout.String())
		}
	})
	t.Run("ErrUnknownCommand", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run(ctx, []string{"frobnicate"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), `unknown command "frobnicate"`) {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	})
	t.Run("ErrNoCommand", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run(ctx, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "Usage: lastseen COMMAND") {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	})
}

func TestCommandError(t *testing.T) {
	for _, tc := range []struct{ name, err, want string }{
		{"import", "open x.csv: no such file", "lastseen import: open x.csv: no such file"},
		{"link", "link: open x.csv: no such file", "lastseen link: open x.csv: no such file"},
		{"names", "names compare: want two names", "lastseen names compare: want two names"},
		// a message that only starts with the same letters is named
		{"link", "linkage: no model", "lastseen link: linkage: no model"},
	} {
		if got := commandError(tc.name, errors.New(tc.err)); got != tc.want {
			t.Errorf("commandError(%q, %q) = %q, want %q", tc.name, tc.err, got, tc.want)
		}
	}
}
