package lastseen_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/lastseen/lastseen"
)

// day is a report time on a day of 2022, at noon.
func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour)
}

// gc builds a graded claim: id, status, event date ("" for none), grade
// ("C3"), and the day its record was reported.
func gc(id int64, status lastseen.Status, date, grade, reported string) *lastseen.GradedClaim {
	g, err := lastseen.ParseGrade(grade)
	if err != nil {
		panic(err)
	}
	return &lastseen.GradedClaim{
		Claim:      &lastseen.Claim{ID: id, Status: status, Date: lastseen.MustParseDate(date)},
		Grade:      g,
		ReportedAt: day(reported),
	}
}

func verified(id int64, status lastseen.Status, date, at string) *lastseen.Verification {
	return &lastseen.Verification{ID: id, Status: status, Date: lastseen.MustParseDate(date), Method: "test", CreatedAt: day(at)}
}

func superseded(c *lastseen.GradedClaim) *lastseen.GradedClaim {
	c.Superseded = true
	return c
}

func TestDeriveStatus(t *testing.T) {
	const (
		alive    = lastseen.StatusAlive
		missing  = lastseen.StatusMissing
		captured = lastseen.StatusCaptured
		wounded  = lastseen.StatusWounded
		dead     = lastseen.StatusDead
		sought   = lastseen.StatusSought
		unknown  = lastseen.StatusUnknown
	)
	tests := []struct {
		name     string
		claims   []*lastseen.GradedClaim
		verify   []*lastseen.Verification
		status   lastseen.Status
		asOf     string
		basis    []int64
		conflict []int64
		verified bool
		conf     float64 // checked when not 0
	}{
		{name: "NoClaimsIsUnknown", status: unknown},
		{
			name: "Rule1/WeakClaimsNeverDecideAlone",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "E4", "2022-03-01"),
				gc(2, dead, "2022-02-23", "B5", "2022-03-01"),
				gc(3, alive, "2022-03-01", "F2", "2022-03-02"),
			},
			status: unknown,
		},
		{
			name: "Rule1/WeakClaimCorroborates",
			claims: []*lastseen.GradedClaim{
				gc(1, alive, "2022-03-01", "C3", "2022-03-02"),
				gc(2, alive, "2022-03-01", "E4", "2022-03-03"),
			},
			status: alive, asOf: "2022-03-01", basis: []int64{1, 2},
			conf: 0.61, // 1 − (1 − 0.7·0.75)(1 − 0.3·0.6)
		},
		{
			name: "Rule1/WeakLaterLifeDoesNotBeatDeath",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, alive, "2022-03-05", "E4", "2022-03-06"),
			},
			status: dead, asOf: "2022-02-23", basis: []int64{1}, conf: 0.52, // 0.7·0.75, rounded down in binary
		},
		{
			name: "Rule1/SupersededClaimDoesNotCount",
			claims: []*lastseen.GradedClaim{
				gc(1, alive, "2022-02-01", "C3", "2022-02-02"),
				superseded(gc(2, dead, "2022-02-23", "B2", "2022-03-01")),
			},
			status: alive, asOf: "2022-02-01", basis: []int64{1},
		},
		{
			name: "Rule2/UndatedClaimSpeaksForItsReportDay",
			claims: []*lastseen.GradedClaim{
				gc(1, alive, "2022-03-01", "C3", "2022-03-02"),
				gc(2, dead, "", "C3", "2022-03-10"),
			},
			status: dead, asOf: "2022-03-10", basis: []int64{2},
		},
		{
			name: "Rule2/OverlappingPartialDatesAreTheSameDate",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02", "C3", "2022-03-01"),
				gc(2, alive, "2022-02-23", "C3", "2022-03-01"),
			},
			status: alive, asOf: "2022-02-23", basis: []int64{2}, conflict: []int64{1},
		},
		{
			name: "Rule3/MissingIsWeakerThanAnyFate",
			claims: []*lastseen.GradedClaim{
				gc(1, captured, "2022-03-01", "C3", "2022-03-02"),
				gc(2, missing, "2022-05-01", "B2", "2022-05-02"),
			},
			status: captured, asOf: "2022-03-01", basis: []int64{1},
		},
		{
			name: "Rule3/MissingWhenNoFateIsStated",
			claims: []*lastseen.GradedClaim{
				gc(1, sought, "", "C3", "2022-03-02"),
				gc(2, missing, "2022-02-24", "C3", "2022-03-01"),
			},
			status: missing, asOf: "2022-02-24", basis: []int64{2},
		},
		{
			name:   "Rule3/SoughtWhenNothingElse",
			claims: []*lastseen.GradedClaim{gc(1, sought, "", "C3", "2022-03-02")},
			status: sought, asOf: "2022-03-02", basis: []int64{1},
		},
		{
			name: "Rule4/NewerBeatsOlder",
			claims: []*lastseen.GradedClaim{
				gc(1, alive, "2022-02-01", "B2", "2022-02-02"),
				gc(2, captured, "2022-03-01", "C3", "2022-03-02"),
			},
			status: captured, asOf: "2022-03-01", basis: []int64{2},
		},
		{
			name: "Rule4/DeathAfterLifeIsNoConflict",
			claims: []*lastseen.GradedClaim{
				gc(1, alive, "2022-02-01", "B2", "2022-02-02"),
				gc(2, dead, "2022-02-23", "C3", "2022-03-01"),
			},
			status: dead, asOf: "2022-02-23", basis: []int64{2},
		},
		{
			name: "Rule4/CaptureAfterDeathIsProofOfLife",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, captured, "2022-03-10", "B2", "2022-03-12"),
			},
			status: captured, asOf: "2022-03-10", basis: []int64{2}, conflict: []int64{1},
		},
		{
			name: "Rule4/WoundedAfterDeathIsProofOfLife",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, wounded, "2022-03-10", "B2", "2022-03-12"),
			},
			status: wounded, asOf: "2022-03-10", basis: []int64{2}, conflict: []int64{1},
		},
		{
			name: "Rule5/LaterProofOfLifeBeatsEarlierOfficialDeath",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "B2", "2022-03-01"),
				gc(2, alive, "2022-03-01", "C3", "2022-03-02"),
			},
			status: alive, asOf: "2022-03-01", basis: []int64{2}, conflict: []int64{1},
			conf: 0.12, // 0.525 · (1 − 0.765)
		},
		{
			name: "Rule6/SameDateBetterGradeWins",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "B2", "2022-03-01"),
				gc(2, alive, "2022-02-23", "C3", "2022-03-02"),
			},
			status: dead, asOf: "2022-02-23", basis: []int64{1}, conflict: []int64{2},
		},
		{
			name: "Rule6/SameDateEqualGradeLifeBeatsDeath",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, alive, "2022-02-23", "C3", "2022-03-02"),
			},
			status: alive, asOf: "2022-02-23", basis: []int64{2}, conflict: []int64{1},
		},
		{
			name: "Rule6/SameDateMoreSpecificLifeWins",
			claims: []*lastseen.GradedClaim{
				gc(1, alive, "2022-03-01", "C3", "2022-03-02"),
				gc(2, captured, "2022-03-01", "C3", "2022-03-02"),
			},
			status: captured, asOf: "2022-03-01", basis: []int64{2},
		},
		{
			name: "Rule7/MissingNeverConflicts",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, missing, "2022-02-23", "B2", "2022-03-01"),
			},
			status: dead, asOf: "2022-02-23", basis: []int64{1},
		},
		{
			name: "Rule7/TwoDeathsOneLife",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, dead, "2022-02-24", "D3", "2022-03-01"),
				gc(3, alive, "2022-03-01", "B2", "2022-03-02"),
			},
			status: alive, asOf: "2022-03-01", basis: []int64{3}, conflict: []int64{1, 2},
		},
		{
			name: "Rule8/VerifiedDeathBeatsEverything",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, alive, "2022-03-01", "B2", "2022-03-02"),
			},
			verify: []*lastseen.Verification{verified(1, dead, "2022-02-23", "2022-03-10")},
			status: dead, asOf: "2022-02-23", basis: []int64{1}, verified: true, conf: 1,
		},
		{
			name: "Rule8/VerifiedDeathIsFinalLaterLifeIsConflict",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, alive, "2022-03-05", "B2", "2022-03-20"),
			},
			verify: []*lastseen.Verification{verified(1, dead, "2022-02-23", "2022-03-10")},
			status: dead, asOf: "2022-02-23", basis: []int64{1}, conflict: []int64{2}, verified: true, conf: 1,
		},
		{
			name: "Rule8/VerifiedDeathLifeBeforeItIsNoConflict",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
				gc(2, alive, "2022-02-01", "B2", "2022-03-20"),
			},
			verify: []*lastseen.Verification{verified(1, dead, "2022-02-23", "2022-03-10")},
			status: dead, asOf: "2022-02-23", basis: []int64{1}, verified: true, conf: 1,
		},
		{
			name: "Rule8/VerifiedLifeBeatsClaimsItSaw",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-03-05", "B2", "2022-03-06"),
				gc(2, alive, "2022-03-01", "C3", "2022-03-02"),
			},
			verify: []*lastseen.Verification{verified(1, alive, "2022-03-01", "2022-03-10")},
			status: alive, asOf: "2022-03-01", basis: []int64{2}, verified: true, conf: 1,
		},
		{
			name: "Rule8/VerifiedLifeBeatsNewReportOfSameDate",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-03-01", "B2", "2022-03-20"),
			},
			verify: []*lastseen.Verification{verified(1, alive, "2022-03-01", "2022-03-10")},
			status: alive, asOf: "2022-03-01", conflict: []int64{1}, verified: true, conf: 1,
		},
		{
			name: "Rule8/LaterDeathAfterVerifiedLifeApplies",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-06-01", "C3", "2022-06-05"),
			},
			verify: []*lastseen.Verification{verified(1, alive, "2022-03-01", "2022-03-10")},
			status: dead, asOf: "2022-06-01", basis: []int64{1},
		},
		{
			name: "Rule8/NewestVerificationCounts",
			claims: []*lastseen.GradedClaim{
				gc(1, dead, "2022-02-23", "C3", "2022-03-01"),
			},
			verify: []*lastseen.Verification{
				verified(2, dead, "2022-02-23", "2022-04-01"),
				verified(1, alive, "2022-02-20", "2022-03-10"),
			},
			status: dead, asOf: "2022-02-23", basis: []int64{1}, verified: true, conf: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := lastseen.DeriveStatus(tt.claims, tt.verify)
			if d.Status != tt.status {
				t.Errorf("status = %q, want %q", d.Status, tt.status)
			}
			if d.AsOf.String() != tt.asOf {
				t.Errorf("as of = %q, want %q", d.AsOf, tt.asOf)
			}
			if fmt.Sprint(d.Basis) != fmt.Sprint(ids(tt.basis)) {
				t.Errorf("basis = %v, want %v", d.Basis, tt.basis)
			}
			if fmt.Sprint(d.Conflict) != fmt.Sprint(ids(tt.conflict)) {
				t.Errorf("conflict = %v, want %v", d.Conflict, tt.conflict)
			}
			if d.Verified != tt.verified || (d.Verification != nil) != tt.verified {
				t.Errorf("verified = %v (%v), want %v", d.Verified, d.Verification, tt.verified)
			}
			switch {
			case tt.conf != 0 && d.Confidence != tt.conf:
				t.Errorf("confidence = %v, want %v", d.Confidence, tt.conf)
			case d.Confidence < 0 || d.Confidence > 1 || (!d.Verified && d.Confidence > 0.99):
				t.Errorf("confidence = %v out of range", d.Confidence)
			case tt.status == unknown && d.Confidence != 0:
				t.Errorf("confidence = %v for an unknown status", d.Confidence)
			}
		})
	}
}

// ids makes nil and empty print alike.
func ids(v []int64) []int64 {
	if len(v) == 0 {
		return nil
	}
	return v
}

func TestSortTimeline(t *testing.T) {
	claims := []*lastseen.GradedClaim{
		gc(1, lastseen.StatusDead, "2022-02-23", "C3", "2022-03-01"),
		gc(2, lastseen.StatusAlive, "", "C3", "2022-02-10"),
		gc(3, lastseen.StatusMissing, "2022-02", "C3", "2022-03-01"),
		gc(4, lastseen.StatusAlive, "2022-02-23", "B2", "2022-02-24"),
	}
	lastseen.SortTimeline(claims)
	var got []int64
	for _, c := range claims {
		got = append(got, c.Claim.ID)
	}
	if fmt.Sprint(got) != "[3 2 4 1]" {
		t.Fatalf("timeline order = %v, want [3 2 4 1]", got)
	}
}

func TestVerificationValidate(t *testing.T) {
	tests := []struct {
		name  string
		v     lastseen.Verification
		field string
	}{
		{"OK", lastseen.Verification{Status: lastseen.StatusDead, Method: "death certificate"}, ""},
		{"ErrStatusMissing", lastseen.Verification{Status: lastseen.StatusMissing, Method: "x"}, "status"},
		{"ErrMethodRequired", lastseen.Verification{Status: lastseen.StatusDead, Method: " "}, "method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			fs := lastseen.ErrorFields(err)
			if len(fs) != 1 || fs[0].Field != tt.field {
				t.Fatalf("fields = %v, want %s", fs, tt.field)
			}
		})
	}
}

// BenchmarkDeriveStatus derives the status of a person with 60 claims from
// 60 records, a dozen of them in conflict: a large case, recomputed at every
// link.
func BenchmarkDeriveStatus(b *testing.B) {
	statuses := []lastseen.Status{lastseen.StatusMissing, lastseen.StatusAlive, lastseen.StatusCaptured, lastseen.StatusDead, lastseen.StatusWounded}
	grades := []string{"B2", "C3", "D3", "E4", "F6"}
	var claims []*lastseen.GradedClaim
	for i := range 60 {
		date := fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i%28)
		claims = append(claims, gc(int64(i+1), statuses[i%len(statuses)], date, grades[i%len(grades)], "2023-01-01"))
	}
	vs := []*lastseen.Verification{verified(1, lastseen.StatusAlive, "2022-06-01", "2022-06-02")}
	b.ReportAllocs()
	for b.Loop() {
		lastseen.DeriveStatus(claims, vs)
	}
}
