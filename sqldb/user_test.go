package sqldb_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestUserService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewUserService(db)
		u := &lastseen.User{Name: "Марія Ткаченко", Email: "Maria.Tkachenko@Example.org", Role: lastseen.RoleCaseworker, PasswordHash: "$argon2id$v=19$..."}

		t.Run("CreateAndFind", func(t *testing.T) {
			if err := s.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			if u.Email != "maria.tkachenko@example.org" {
				t.Errorf("email stored as %q", u.Email)
			}
			byID, err := s.FindUserByID(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(byID, u) {
				t.Errorf("by id %+v, want %+v", byID, u)
			}
			byEmail, err := s.FindUserByEmail(ctx, "MARIA.tkachenko@example.org ")
			if err != nil || byEmail.ID != u.ID {
				t.Errorf("by email %+v, %v", byEmail, err)
			}
		})

		t.Run("ErrConflictOnEmail", func(t *testing.T) {
			err := s.CreateUser(ctx, &lastseen.User{Email: "maria.TKACHENKO@example.org", Role: lastseen.RoleReporter})
			wantCode(t, err, lastseen.ECONFLICT)
		})

		t.Run("EmptyEmailsNeverConflict", func(t *testing.T) {
			for range 2 {
				if err := s.CreateUser(ctx, &lastseen.User{Name: "no email", Role: lastseen.RoleReporter}); err != nil {
					t.Fatal(err)
				}
			}
			_, err := s.FindUserByEmail(ctx, "")
			wantCode(t, err, lastseen.ENOTFOUND)
		})

		t.Run("ErrInvalidRole", func(t *testing.T) {
			err := s.CreateUser(ctx, &lastseen.User{Role: lastseen.RolePublic})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "role")
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := s.FindUserByID(ctx, 999999)
			wantCode(t, err, lastseen.ENOTFOUND)
			_, err = s.FindUserByEmail(ctx, "nobody@example.org")
			wantCode(t, err, lastseen.ENOTFOUND)
		})
	})
}

func TestAPIKeyService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewAPIKeyService(db)
		owner := &lastseen.User{Name: "partner", Role: lastseen.RolePartner}
		if err := sqldb.NewUserService(db).CreateUser(ctx, owner); err != nil {
			t.Fatal(err)
		}
		expires := time.Date(2027, 1, 2, 3, 4, 5, 6000, time.UTC)
		k := &lastseen.APIKey{Name: "ngo import", UserID: owner.ID, Role: lastseen.RolePartner, Prefix: "ls_abc123", Hash: "h", ExpiresAt: &expires}

		t.Run("CreateAndFind", func(t *testing.T) {
			if err := s.CreateAPIKey(ctx, k); err != nil {
				t.Fatal(err)
			}
			byPrefix, err := s.FindAPIKeyByPrefix(ctx, "ls_abc123")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(byPrefix, k) {
				t.Errorf("by prefix %+v, want %+v", byPrefix, k)
			}
			byID, err := s.FindAPIKeyByID(ctx, k.ID)
			if err != nil || byID.Prefix != k.Prefix {
				t.Errorf("by id %+v, %v", byID, err)
			}
		})

		t.Run("RevokeKeepsTheFirstTime", func(t *testing.T) {
			if err := s.RevokeAPIKey(ctx, k.ID); err != nil {
				t.Fatal(err)
			}
			first, err := s.FindAPIKeyByID(ctx, k.ID)
			if err != nil || first.RevokedAt == nil {
				t.Fatalf("after revoke: %+v, %v", first, err)
			}
			if err := s.RevokeAPIKey(ctx, k.ID); err != nil {
				t.Fatal(err)
			}
			second, err := s.FindAPIKeyByID(ctx, k.ID)
			if err != nil || !second.RevokedAt.Equal(*first.RevokedAt) {
				t.Errorf("revoked at %v, then %v", first.RevokedAt, second.RevokedAt)
			}
		})

		t.Run("ErrConflictOnPrefix", func(t *testing.T) {
			err := s.CreateAPIKey(ctx, &lastseen.APIKey{Role: lastseen.RolePartner, Prefix: "ls_abc123", Hash: "x"})
			wantCode(t, err, lastseen.ECONFLICT)
		})

		t.Run("ErrInvalid", func(t *testing.T) {
			err := s.CreateAPIKey(ctx, &lastseen.APIKey{Role: "root"})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "role")
			wantField(t, err, "prefix")
			wantField(t, err, "hash")
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			err := s.CreateAPIKey(ctx, &lastseen.APIKey{Role: lastseen.RolePartner, Prefix: "p", Hash: "h", UserID: 999999})
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "user_id")
			_, err = s.FindAPIKeyByPrefix(ctx, "ls_nope")
			wantCode(t, err, lastseen.ENOTFOUND)
			wantCode(t, s.RevokeAPIKey(ctx, 999999), lastseen.ENOTFOUND)
		})
	})
}

func TestJudgementService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewJudgementService(db)
		a, b, c := mustCreate(t, db, newRecord("a")), mustCreate(t, db, newRecord("b")), mustCreate(t, db, newRecord("c"))

		t.Run("PairIsOrderedAndLatestFirst", func(t *testing.T) {
			first := &lastseen.Judgement{RecordA: b.ID, RecordB: a.ID, Verdict: lastseen.VerdictUnsure, Note: "фото нечітке"}
			if err := s.CreateJudgement(ctx, first); err != nil {
				t.Fatal(err)
			}
			if first.RecordA != a.ID || first.RecordB != b.ID {
				t.Errorf("pair stored as %d, %d", first.RecordA, first.RecordB)
			}
			second := &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: lastseen.VerdictSame}
			if err := s.CreateJudgement(ctx, second); err != nil {
				t.Fatal(err)
			}
			if err := s.CreateJudgement(ctx, &lastseen.Judgement{RecordA: a.ID, RecordB: c.ID, Verdict: lastseen.VerdictNotSame}); err != nil {
				t.Fatal(err)
			}
			pair, err := s.FindJudgements(ctx, lastseen.JudgementFilter{RecordID: b.ID, OtherID: a.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(pair) != 2 || !reflect.DeepEqual(pair[0], second) || !reflect.DeepEqual(pair[1], first) {
				t.Errorf("pair judgements %+v", pair)
			}
			ofA, err := s.FindJudgements(ctx, lastseen.JudgementFilter{RecordID: a.ID})
			if err != nil || len(ofA) != 3 {
				t.Errorf("%d judgements of record a (%v), want 3", len(ofA), err)
			}
			ofC, err := s.FindJudgements(ctx, lastseen.JudgementFilter{RecordID: c.ID, Limit: 5})
			if err != nil || len(ofC) != 1 || ofC[0].Verdict != lastseen.VerdictNotSame {
				t.Errorf("judgements of record c %+v, %v", ofC, err)
			}
		})

		t.Run("ErrInvalid", func(t *testing.T) {
			err := s.CreateJudgement(ctx, &lastseen.Judgement{RecordA: a.ID, RecordB: a.ID, Verdict: "maybe"})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "verdict")
			wantField(t, err, "record_b")
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			err := s.CreateJudgement(ctx, &lastseen.Judgement{RecordA: a.ID, RecordB: 999999, Verdict: lastseen.VerdictSame})
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "record_b")
			err = s.CreateJudgement(ctx, &lastseen.Judgement{RecordA: a.ID, RecordB: b.ID, Verdict: lastseen.VerdictSame, UserID: 999999})
			wantCode(t, err, lastseen.ENOTFOUND)
			wantField(t, err, "user_id")
		})
	})
}
