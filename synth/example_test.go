package synth_test

import (
	"fmt"
	"os"

	"github.com/lastseen/lastseen/synth"
)

// Linkage is measured by comparing the records' truth ids with the persons
// the engine built; People gives the hard negatives to look at.
func ExampleGenerate() {
	cfg := synth.Config{People: 10000, Seed: 1}
	byPerson := map[int64]int{}
	err := synth.Generate(cfg, func(r *synth.Record) error {
		byPerson[r.TruthID]++ // r is reused: copy what you keep
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(byPerson) == cfg.People)
	// Output: true
}

// The import benchmark: an exact number of rows (100,000 there, 10,000
// here), 1% of them broken.
func ExampleWriteCSV() {
	f, err := os.CreateTemp("", "import-*.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	n, err := synth.WriteCSV(f, synth.Config{People: 4500, Records: 10000, Seed: 1, BrokenRate: 0.01})
	if err != nil {
		fmt.Println(err)
	}
	f.Close()
	fmt.Println(n)
	// Output: 10000
}

// The search benchmark: for each query, is its truth id among the first
// five results?
func ExampleQueries() {
	cfg := synth.Config{People: 1000, Seed: 1}
	n := 0
	synth.Queries(cfg, 100, func(q synth.Query) error {
		n++ // search(q.Text, q.BirthDate) and look for q.TruthID
		return nil
	})
	fmt.Println(n)
	// Output: 100
}
