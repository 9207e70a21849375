package sqldb_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/sqldb"
	"github.com/lastseen/lastseen/sqldb/dbtest"
)

func TestSourceService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewSourceService(db)

		t.Run("CreateAndFind", func(t *testing.T) {
			src := &lastseen.Source{Kind: lastseen.SourceMedia, Name: "Медиазона: список погибших", URL: "https://example.org/list",
				Publisher: "Медиазона", Date: lastseen.NewDate(2024, 6, 1), Reliability: "B"}
			if err := s.CreateSource(ctx, src); err != nil {
				t.Fatal(err)
			}
			got, err := s.FindSourceByID(ctx, src.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, src) {
				t.Errorf("got %+v\nwant %+v", got, src)
			}
		})

		t.Run("ErrConflictOnSameKindAndName", func(t *testing.T) {
			err := s.CreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceMedia, Name: "Медиазона: список погибших"})
			wantCode(t, err, lastseen.ECONFLICT)
		})

		t.Run("FindOrCreateFindsTheFirst", func(t *testing.T) {
			a, err := s.FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceNGO, Name: "ICRC CTA"})
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceNGO, Name: "ICRC CTA", URL: "ignored"})
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != b.ID || b.URL != "" {
				t.Errorf("second call gave %+v, want %+v", b, a)
			}
		})

		t.Run("ErrInvalid", func(t *testing.T) {
			err := s.CreateSource(ctx, &lastseen.Source{Kind: "rumour", Reliability: "Z"})
			wantCode(t, err, lastseen.EINVALID)
			wantField(t, err, "kind")
			wantField(t, err, "name")
			wantField(t, err, "reliability")
			_, err = s.FindOrCreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceNGO})
			wantCode(t, err, lastseen.EINVALID)
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := s.FindSourceByID(ctx, 999999)
			wantCode(t, err, lastseen.ENOTFOUND)
		})

		t.Run("FindSourcesByKindOrderedByName", func(t *testing.T) {
			for _, name := range []string{"Б", "A", "В"} {
				if err := s.CreateSource(ctx, &lastseen.Source{Kind: lastseen.SourceHospital, Name: name}); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.FindSources(ctx, lastseen.SourceFilter{Kind: lastseen.SourceHospital, Limit: 2, Offset: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Name != "Б" || got[1].Name != "В" {
				t.Errorf("got %v", got)
			}
			all, err := s.FindSources(ctx, lastseen.SourceFilter{})
			if err != nil || len(all) != 5 {
				t.Errorf("%d sources (%v), want 5", len(all), err)
			}
		})
	})
}
