package index_test

import (
	"context"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/index"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

// TestLoadKeepsEvents: an index loaded from the store compares the event
// each stored record reports (its status claim's place and date), so a
// comrade's report in Latin meets the Ministry's list in Cyrillic on it.
func TestLoadKeepsEvents(t *testing.T) {
	ctx := context.Background()
	list := &lastseen.Record{GivenName: "Олександр", FamilyName: "Коваленко", Claims: []*lastseen.Claim{
		{Status: lastseen.StatusMissing, Date: lastseen.MustParseDate("2024-09-18"), Place: "м. Куп’янськ"}}}
	report := &lastseen.Record{GivenName: "Oleksandr", FamilyName: "Kovalenko", Claims: []*lastseen.Claim{
		{Status: lastseen.StatusCaptured, Date: lastseen.MustParseDate("18.09.2024"), Place: "near Kupiansk, Kharkiv oblast"}}}
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		rs := store(t, db, list)
		if _, err := dbLinker(db).LinkRecord(ctx, rs[0]); err != nil {
			t.Fatal(err)
		}
		l := dbLinker(db)
		if _, err := index.Load(ctx, l, sqldb.NewRecordService(db), index.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		ex, ok := l.Index.Explain(l.Index.Prepare(report), rs[0].ID)
		if !ok {
			t.Fatal("the stored record is not in the loaded index")
		}
		got := map[string]lastseen.FieldWeight{}
		for _, f := range ex.Fields {
			got[f.Field] = f
		}
		for field, level := range map[string]string{"event_place": "exact", "status_date": "same_day"} {
			if f := got[field]; f.Level != level || f.Weight <= 0 {
				t.Errorf("%s: level %q weight %.2f, want %s with a positive weight", field, f.Level, f.Weight, level)
			}
		}
	})
}
