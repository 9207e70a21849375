package notify

import (
	"strings"
	"testing"

	"github.com/lastseen/lastseen"
)

// TestTextsComplete fails when a message lacks a sentence in a language.
func TestTextsComplete(t *testing.T) {
	for _, lang := range Languages {
		for key := range texts["en"] {
			if texts[lang][key] == "" {
				t.Errorf("%s: no text for %q", lang, key)
			}
		}
		if len(texts[lang]) != len(texts["en"]) {
			t.Errorf("%s has %d texts, en has %d", lang, len(texts[lang]), len(texts["en"]))
		}
	}
}

func TestRender(t *testing.T) {
	delivery := func(kind, lang, payload string) *lastseen.Delivery {
		return &lastseen.Delivery{Notification: lastseen.Notification{ID: 1, Kind: kind, Payload: payload}, Language: lang}
	}
	ok := []struct {
		name string
		d    *lastseen.Delivery
		says []string
	}{
		{"CandidateFoundEnglish", delivery(lastseen.NotifyCandidateFound, "en", `{"inquiry_id": 7, "state": "candidate_found"}`),
			[]string{"Inquiry 7: records found", "may have found records", "inquiry 7"}},
		{"CandidateFoundRussian", delivery(lastseen.NotifyCandidateFound, "ru", `{"inquiry_id": 7}`),
			[]string{"Запрос 7", "Возможно, мы нашли"}},
		{"CapturedUkrainian", delivery(lastseen.NotifyStatus, "uk", `{"inquiry_id": 7, "status": "captured", "as_of": "2022-03"}`),
			[]string{"Запит 7: новини", "в полоні", "станом на 2022-03"}},
		{"VerifiedDeathSaysHow", delivery(lastseen.NotifyStatus, "ru", `{"inquiry_id": 7, "status": "dead", "as_of": "2022-02-23", "verified": true, "method": "official death certificate"}`),
			[]string{"погиб", "на 2022-02-23", "подтверждено специалистом: official death certificate"}},
		{"UnknownLanguageIsEnglish", delivery(lastseen.NotifyStatus, "de", `{"inquiry_id": 7, "status": "alive"}`),
			[]string{"reported alive."}},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Render(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.says {
				if !strings.Contains(m.Subject+"\n"+m.Body, s) {
					t.Errorf("message lacks %q:\n%s\n%s", s, m.Subject, m.Body)
				}
			}
		})
	}
	bad := []struct {
		name string
		d    *lastseen.Delivery
		says string
	}{
		{"ErrUnverifiedDeath", delivery(lastseen.NotifyStatus, "en", `{"inquiry_id": 7, "status": "dead"}`), "never sent"},
		{"ErrUnknownStatus", delivery(lastseen.NotifyStatus, "en", `{"inquiry_id": 7, "status": "missing"}`), "no message"},
		{"ErrUnknownKind", delivery("person.merged", "en", `{}`), "unknown kind"},
		{"ErrPayload", delivery(lastseen.NotifyStatus, "en", `{`), "payload"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Render(tt.d); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("Render = %v, want an error saying %q", err, tt.says)
			}
		})
	}
}
