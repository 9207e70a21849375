package lastseen_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/lastseen/lastseen"
)

func TestLinkEach(t *testing.T) {
	// link hands out person ids 100, 101, … for new persons and fails on
	// record 9.
	newLink := func() func(recordID, personID int64, l lastseen.Link) (int64, error) {
		next := int64(99)
		return func(recordID, personID int64, l lastseen.Link) (int64, error) {
			if recordID == 9 {
				return 0, errors.New("down")
			}
			if personID == 0 {
				next++
				personID = next
			}
			return personID, nil
		}
	}
	t.Run("NegativeIDsShareOneNewPerson", func(t *testing.T) {
		got, err := lastseen.LinkEach([]lastseen.LinkRequest{
			{RecordID: 1, PersonID: -1}, {RecordID: 2, PersonID: 7}, {RecordID: 3, PersonID: -1},
			{RecordID: 4, PersonID: 0}, {RecordID: 5, PersonID: -2}, {RecordID: 6, PersonID: -2},
		}, newLink())
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != "[100 7 100 101 102 102]" {
			t.Errorf("persons %v, want [100 7 100 101 102 102]", got)
		}
	})
	t.Run("ErrStopsTheBatch", func(t *testing.T) {
		got, err := lastseen.LinkEach([]lastseen.LinkRequest{{RecordID: 1}, {RecordID: 9}, {RecordID: 3}}, newLink())
		if err == nil || got != nil {
			t.Errorf("got %v, %v; want nil and the error", got, err)
		}
	})
}
