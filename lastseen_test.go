package lastseen_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
)

func TestRecordValidate(t *testing.T) {
	valid := func() *lastseen.Record {
		return &lastseen.Record{
			Source:     &lastseen.Source{Kind: lastseen.SourceFamily, Name: "Inquiry desk"},
			GivenName:  "Олександр",
			FamilyName: "Коваленко",
			Claims:     []*lastseen.Claim{{Status: lastseen.StatusMissing}},
		}
	}
	t.Run("OK", func(t *testing.T) {
		if err := valid().Validate(); err != nil {
			t.Fatal(err)
		}
	})
	tests := []struct {
		name   string
		mutate func(r *lastseen.Record)
		fields []string
	}{
		{"ErrNameRequired", func(r *lastseen.Record) { r.GivenName, r.FamilyName = "", " " }, []string{"given_name"}},
		{"ErrSourceRequired", func(r *lastseen.Record) { r.Source = nil }, []string{"source"}},
		{"ErrSourceKind", func(r *lastseen.Record) { r.Source.Kind = "rumour" }, []string{"source.kind"}},
		{"ErrSex", func(r *lastseen.Record) { r.Sex = "x" }, []string{"sex"}},
		{"ErrClaimStatus", func(r *lastseen.Record) { r.Claims[0].Status = "lost" }, []string{"claims[0].status"}},
		{"ErrEveryFieldNamed", func(r *lastseen.Record) {
			r.Sex = "x"
			r.Claims[0].Credibility = 9
			r.Notes = strings.Repeat("x", 30000)
		}, []string{"notes", "sex", "claims[0].credibility"}},
		{"ErrInvalidUTF8", func(r *lastseen.Record) { r.FamilyName = "\xff" }, []string{"family_name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := valid()
			tt.mutate(r)
			err := r.Validate()
			if lastseen.ErrorCode(err) != lastseen.EINVALID {
				t.Fatalf("code = %q, want invalid (%v)", lastseen.ErrorCode(err), err)
			}
			var got []string
			for _, f := range lastseen.ErrorFields(err) {
				got = append(got, f.Field)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.fields) {
				t.Fatalf("fields = %v, want %v", got, tt.fields)
			}
		})
	}
}

func TestErrorCode(t *testing.T) {
	wrapped := fmt.Errorf("import: row 12: %w", lastseen.Errorf(lastseen.ENOTFOUND, "no source 7"))
	if got := lastseen.ErrorCode(wrapped); got != lastseen.ENOTFOUND {
		t.Fatalf("wrapped code = %q", got)
	}
	if got := lastseen.ErrorCode(errors.New("disk on fire")); got != lastseen.EINTERNAL {
		t.Fatalf("plain error code = %q", got)
	}
	if got := lastseen.ErrorMessage(errors.New("pq: relation x")); strings.Contains(got, "relation") {
		t.Fatalf("internal detail leaked: %q", got)
	}
	if lastseen.ErrorCode(nil) != "" {
		t.Fatal("nil has a code")
	}
}
