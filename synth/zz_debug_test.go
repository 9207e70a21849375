package synth

import (
	"fmt"
	"testing"
)

func TestDebugDump(t *testing.T) {
	seen := map[Habit]int{}
	Generate(Config{People: 3000, Seed: 2}, func(r *Record) error {
		if seen[r.Habit] < 6 {
			seen[r.Habit]++
			fmt.Printf("%-10s %-28s|%s|%s|%s|%s|%s|%s|%s|%v\n", r.Habit, r.Source, r.GivenName, r.FamilyName, r.Patronymic, r.FullName, r.BirthDate, r.BirthPlace, r.Status, r.Phenomena)
		}
		return nil
	})
}
