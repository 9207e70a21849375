package secret_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/secret"
)

// cheap keeps the tests fast; the format and the check are the same.
var cheap = secret.Params{Memory: 64, Time: 1, Threads: 1}

func TestPassword(t *testing.T) {
	h, err := secret.HashPassword("correct horse", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q is not a PHC argon2id string", h)
	}
	t.Run("Matches", func(t *testing.T) {
		if ok, err := secret.CheckPassword(h, "correct horse"); !ok || err != nil {
			t.Fatalf("CheckPassword = %v, %v", ok, err)
		}
	})
	t.Run("WrongPassword", func(t *testing.T) {
		if ok, err := secret.CheckPassword(h, "correct horsE"); ok || err != nil {
			t.Fatalf("CheckPassword = %v, %v", ok, err)
		}
	})
	t.Run("SaltedEachTime", func(t *testing.T) {
		h2, _ := secret.HashPassword("correct horse", cheap)
		if h2 == h {
			t.Fatal("two hashes of one password are equal")
		}
	})
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=64,t=0,p=1$AAAA$AAAA", "$argon2id$v=19$m=64,t=1,p=1$!!$AAAA"} {
		t.Run("ErrMalformedHash", func(t *testing.T) {
			if _, err := secret.CheckPassword(bad, "x"); !errors.Is(err, secret.ErrMalformedHash) {
				t.Fatalf("CheckPassword(%q) error = %v", bad, err)
			}
		})
	}
}

func TestToken(t *testing.T) {
	a, err := secret.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := secret.NewToken()
	if len(a) != 43 || a == b || strings.ContainsAny(a, "+/=") {
		t.Fatalf("tokens %q, %q", a, b)
	}
	if h := secret.HashToken(a); len(h) != 64 || h != secret.HashToken(a) || h == secret.HashToken(b) {
		t.Fatalf("hash %q", h)
	}
}
