package http_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// TestStory_AutomaticMatchTellsNoDeath is the story of issue 5 with the real
// matcher (index.Linker, as `lastseen serve` wires it) instead of a
// caseworker's judgements: the reports are linked on arrival, the inquiry
// moves to "candidate found" by itself, and nothing a family can reach
// without signing in — the follow link, the person it names, that person's
// history, and every record the history names — tells of the unverified
// death. Only after a caseworker verifies it is the family answered.
func TestStory_AutomaticMatchTellsNoDeath(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := linkerServer(t, db)
		cw := signIn(t, db, s, lastseen.RoleCaseworker, "caseworker@example.org")

		inquiryID, follow := fileInquiry(t, s, motherBody)

		// The sergeant's report agrees on name and full birth date: linked
		// by the matcher alone. The comrade's (Latin script, birth year
		// only) is linked or queued for review, as the model decides; a
		// caseworker's "same" settles it either way.
		reports := postRecords(t, s, comradeBody, sergeantBody)
		comrade := reports[0]
		q, err := sqldb.NewInquiryService(db).FindInquiryByID(ctx, inquiryID)
		if err != nil {
			t.Fatal(err)
		}
		// Found by the matcher: a candidate. (Not an answer that he is
		// alive: the death report is linked or waits in the review queue.)
		if q.PersonID == 0 || q.State != lastseen.InquiryCandidateFound {
			t.Fatalf("after the matcher: inquiry %s (%s), person %d; want candidate_found", q.State, q.Status, q.PersonID)
		}
		links, err := sqldb.NewPersonService(db).FindLinks(ctx, lastseen.LinkFilter{RecordID: comrade.ID})
		if err != nil {
			t.Fatal(err)
		}
		var resp *http.Response
		var body string
		if len(links) == 0 || links[0].PersonID != q.PersonID {
			resp, body = call(t, s, "POST", "/api/v1/judgements", cw,
				fmt.Sprintf(`{"record_a": %d, "record_b": %d, "verdict": "same"}`, q.RecordID, comrade.ID))
			must(t, resp, body, 201)
			if q, err = sqldb.NewInquiryService(db).FindInquiryByID(ctx, inquiryID); err != nil {
				t.Fatal(err)
			}
		}

		// Everything the family reaches from the follow link, signed out.
		leaks := []string{`"dead"`, "I saw him fall"}
		reach := []string{follow, fmt.Sprintf("/api/v1/persons/%d", q.PersonID), fmt.Sprintf("/api/v1/persons/%d/history", q.PersonID)}
		resp, body = call(t, s, "GET", reach[2], "", "")
		must(t, resp, body, 200)
		var h struct{ Links []*lastseen.Link }
		mustJSON(t, body, &h)
		for _, l := range h.Links {
			reach = append(reach, fmt.Sprintf("/api/v1/records/%d", l.RecordID))
		}
		reach = append(reach, fmt.Sprintf("/api/v1/records/%d", comrade.ID))
		for _, path := range slices.Compact(slices.Sorted(slices.Values(reach))) {
			resp, body = call(t, s, "GET", path, "", "")
			if resp.StatusCode != 200 && resp.StatusCode != 404 {
				t.Fatalf("GET %s: status %d: %s", path, resp.StatusCode, body)
			}
			for _, leak := range leaks {
				if strings.Contains(body, leak) {
					t.Errorf("before verification, GET %s shows %s to the public: %s", path, leak, body)
				}
			}
		}
		ns, err := sqldb.NewNotificationService(db).FindNotifications(ctx, lastseen.NotificationFilter{InquiryID: inquiryID})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			if n.Kind == lastseen.NotifyStatus || strings.Contains(n.Payload, "dead") {
				t.Fatalf("notified before verification: %s %s", n.Kind, n.Payload)
			}
		}

		// A caseworker still sees the death report, and verifies it.
		resp, body = call(t, s, "GET", fmt.Sprintf("/api/v1/records/%d", comrade.ID), cw, "")
		must(t, resp, body, 200)
		if !strings.Contains(body, `"dead"`) {
			t.Fatalf("the caseworker does not see the death report: %s", body)
		}
		resp, body = call(t, s, "POST", fmt.Sprintf("/api/v1/persons/%d/verifications", q.PersonID), cw,
			`{"status": "dead", "date": "2022-02-23", "method": "official death certificate"}`)
		must(t, resp, body, 201)
		resp, body = call(t, s, "GET", follow, "", "")
		must(t, resp, body, 200)
		var seen lastseen.Inquiry
		mustJSON(t, body, &seen)
		if seen.State != lastseen.InquiryAnswered || seen.Status != lastseen.StatusDead || !seen.Verified {
			t.Fatalf("after verification the mother sees %s", body)
		}
		// Verified, the death may be read by anyone.
		resp, body = call(t, s, "GET", fmt.Sprintf("/api/v1/records/%d", comrade.ID), "", "")
		must(t, resp, body, 200)
		if !strings.Contains(body, `"dead"`) {
			t.Fatalf("after verification the public does not see the death report: %s", body)
		}
	})
}
