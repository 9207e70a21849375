package index_test

import (
	"testing"

	"github.com/lastseen/lastseen/index"
)

// TestSearchCases: a query written in a grammatical case, as a family writes
// a name in a letter ("шукаю Олександра Коваленка"), finds the person; a
// woman's name in the nominative does not find the man.
func TestSearchCases(t *testing.T) {
	ix := searchIndex(t)
	for _, tc := range []struct {
		name  string
		q     string
		first []int64
		not   []int64
	}{
		{"UkrainianGenitive", "Олександра Коваленка", []int64{1, 2}, []int64{3, 4}},
		{"UkrainianDative", "Олександрові Коваленку", []int64{1, 2}, []int64{3, 4}},
		{"RussianGenitiveWithPatronymic", "Александра Николаевича Коваленко", []int64{1, 2}, []int64{3, 4}},
		{"FamilyFirstInstrumental", "Шевчуком Андрієм", []int64{3}, []int64{1, 2, 4}},
		{"WomanGenitive", "Ирины Соколовой", []int64{4}, []int64{1, 2, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantFound(t, ix.Search(index.Query{Name: tc.q}), tc.first, tc.not)
		})
	}
	t.Run("WomanNominativeIsNotTheMan", func(t *testing.T) {
		for _, h := range ix.Search(index.Query{Name: "Олександра Коваленко"}) {
			if h.Score >= 0.75 {
				t.Errorf("Олександра Коваленко (a woman) scores %.3f against person %d", h.Score, h.PersonID)
			}
		}
	})
}
