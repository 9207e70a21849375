package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lastseen/lastseen/names"
)

const namesUsage = `usage: lastseen names <command> [--json] <name>...

Commands:
  explain NAME        parse a full name and show its script, parts, canonical
                      forms, transliterations and keys
  compare NAME NAME   compare two full names in any script and order; prints a
                      similarity in [0,1] and why
  compare --pairs FILE
                      compare every pair of a CSV file (header; the names in
                      columns "a" and "b", or the first two; - reads stdin);
                      prints the rows with score, verdict and the parts' levels

Flags:
  --json              print one JSON object instead of text (with --pairs,
                      one a line)

Examples:
  lastseen names explain "KOVALENKO Oleksandr Mykolaiovych"
  lastseen names explain --json "Коваленко О.М."
  lastseen names compare "Олександр Коваленко" "Aleksandr Kovalenko"
  lastseen names compare --json "Саша Коваленко" "KOWALENKO Alexander"
  lastseen names compare --pairs pairs.csv > scored.csv
`

// runNames runs `lastseen names ...`.
func runNames(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, namesUsage)
		return errors.New("names: missing command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, namesUsage)
		return nil
	}
	fs := flag.NewFlagSet("names "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	pairs := fs.String("pairs", "", "compare: a CSV file of name pairs, - for stdin")
	fs.Usage = func() { fmt.Fprint(stderr, namesUsage) }
	pos, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("names %s: %w", cmd, err)
	}
	switch cmd {
	case "explain":
		if len(pos) != 1 {
			fs.Usage()
			return fmt.Errorf("names explain: want one name, got %d arguments", len(pos))
		}
		e := explainName(pos[0])
		if *asJSON {
			return writeJSON(stdout, e)
		}
		printExplain(stdout, e)
		return nil
	case "compare":
		if *pairs != "" {
			if len(pos) != 0 {
				fs.Usage()
				return fmt.Errorf("names compare: --pairs reads the names from %s, got %d more arguments", *pairs, len(pos))
			}
			return comparePairs(ctx, *pairs, *asJSON, stdout, stderr)
		}
		if len(pos) != 2 {
			fs.Usage()
			return fmt.Errorf("names compare: want two names, got %d arguments", len(pos))
		}
		c := compareNames(pos[0], pos[1])
		if *asJSON {
			return writeJSON(stdout, c)
		}
		printCompare(stdout, c)
		return nil
	}
	fmt.Fprint(stderr, namesUsage)
	return fmt.Errorf("names: unknown command %q", cmd)
}

// parseInterspersed lets flags follow the names: `names explain "X" --json`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

type partJSON struct {
	Text      string   `json:"text"`
	Initial   bool     `json:"initial,omitempty"`
	Skeleton  string   `json:"skeleton,omitempty"`
	Phonetic  string   `json:"phonetic,omitempty"`
	IDs       []string `json:"ids,omitempty"`
	Russian   []string `json:"russian,omitempty"`
	Ukrainian []string `json:"ukrainian,omitempty"`
	FatherIDs []string `json:"father_ids,omitempty"`
	Base      string   `json:"base,omitempty"`
	Sex       string   `json:"sex,omitempty"`
}

type explainJSON struct {
	Input        string            `json:"input"`
	Script       string            `json:"script"`
	Lang         string            `json:"lang,omitempty"`
	Normalized   string            `json:"normalized"`
	Folded       string            `json:"folded"`
	Order        string            `json:"order"`
	Confidence   float64           `json:"confidence"`
	Sex          string            `json:"sex"`
	Given        *partJSON         `json:"given,omitempty"`
	Patronymic   *partJSON         `json:"patronymic,omitempty"`
	Family       *partJSON         `json:"family,omitempty"`
	Translit     map[string]string `json:"translit,omitempty"`
	Cyrillic     []string          `json:"cyrillic,omitempty"`
	BlockingKeys []string          `json:"blocking_keys"`
	// readings of a name written in an oblique case (names.CaseReadings)
	Cases []caseJSON `json:"cases,omitempty"`
}

type caseJSON struct {
	Case       string `json:"case"`
	Nominative string `json:"nominative"`
	Sex        string `json:"sex"`
	Ambiguous  bool   `json:"ambiguous,omitempty"` // may be another person's name as written
}

func caseString(c names.Case) string {
	if c == 0 {
		return ""
	}
	return c.String()
}

func explainName(s string) explainJSON {
	p := names.Parse(s)
	n := names.Prepare("", "", "", s)
	e := explainJSON{
		Input: s, Script: p.Script.String(), Normalized: names.Normalize(s), Folded: names.Fold(s),
		Order: string(p.Order), Confidence: p.Confidence, Sex: n.Sex.String(),
		BlockingKeys: names.BlockingKeys(&n),
	}
	if n.Given != "" {
		g := &partJSON{Text: n.Given, Initial: n.GivenInitial, Skeleton: n.GivenSkel, Phonetic: n.GivenKey, IDs: n.GivenIDs}
		for _, id := range n.GivenIDs {
			g.Russian = append(g.Russian, names.GivenForm(id, "ru"))
			g.Ukrainian = append(g.Ukrainian, names.GivenForm(id, "uk"))
		}
		e.Given = g
	}
	if n.Patronymic != "" {
		_, sex, _ := names.Patronymic(n.Patronymic)
		e.Patronymic = &partJSON{Text: n.Patronymic, Initial: n.PatronymicInitial, Skeleton: n.PatronymicSkel,
			FatherIDs: n.FatherIDs, Sex: sex.String()}
	}
	if n.Family != "" {
		e.Family = &partJSON{Text: n.Family, Skeleton: n.FamilySkel, Base: n.FamilyBase, Phonetic: n.FamilyKey,
			Sex: names.FamilySex(n.Family).String()}
	}
	for _, r := range names.CaseReadings(&n) {
		e.Cases = append(e.Cases, caseJSON{Case: r.Case.String(), Nominative: r.Nominative, Sex: r.Sex.String(), Ambiguous: r.Ambiguous})
	}
	switch p.Script {
	case names.ScriptCyrillic, names.ScriptMixed:
		e.Translit = map[string]string{}
		lang := names.DetectLang(e.Normalized)
		e.Lang = map[names.Lang]string{names.LangRu: "ru", names.LangUk: "uk"}[lang]
		for _, sc := range names.Schemes {
			e.Translit[sc.String()] = names.TranslitLang(e.Normalized, sc, lang)
		}
	case names.ScriptLatin:
		e.Cyrillic = names.ToCyrillic(e.Normalized, 5)
	}
	return e
}

func printExplain(w io.Writer, e explainJSON) {
	fmt.Fprintf(w, "input       %s\n", e.Input)
	if e.Lang != "" {
		fmt.Fprintf(w, "script      %s (%s)\n", e.Script, e.Lang)
	} else {
		fmt.Fprintf(w, "script      %s\n", e.Script)
	}
	fmt.Fprintf(w, "normalized  %s\n", e.Normalized)
	fmt.Fprintf(w, "folded      %s\n", e.Folded)
	fmt.Fprintf(w, "order       %s (confidence %.2f), sex %s\n", e.Order, e.Confidence, e.Sex)
	if g := e.Given; g != nil {
		fmt.Fprintf(w, "given       %s", g.Text)
		if g.Initial {
			fmt.Fprint(w, " (initial)")
		}
		fmt.Fprintf(w, "  skeleton %s  phonetic %s\n", g.Skeleton, g.Phonetic)
		for i, id := range g.IDs {
			fmt.Fprintf(w, "            = %s (ru %s, uk %s)\n", id, g.Russian[i], g.Ukrainian[i])
		}
	}
	if p := e.Patronymic; p != nil {
		fmt.Fprintf(w, "patronymic  %s", p.Text)
		if p.Initial {
			fmt.Fprint(w, " (initial)")
		}
		fmt.Fprintf(w, "  skeleton %s  father %s  sex %s\n", p.Skeleton, strings.Join(p.FatherIDs, ","), p.Sex)
	}
	if f := e.Family; f != nil {
		fmt.Fprintf(w, "family      %s  skeleton %s  base %s  phonetic %s  sex %s\n", f.Text, f.Skeleton, f.Base, f.Phonetic, f.Sex)
	}
	if len(e.Translit) > 0 {
		fmt.Fprintln(w, "translit")
		for _, sc := range names.Schemes {
			fmt.Fprintf(w, "  %-10s %s\n", sc, e.Translit[sc.String()])
		}
	}
	if len(e.Cyrillic) > 0 {
		fmt.Fprintf(w, "cyrillic    %s\n", strings.Join(e.Cyrillic, " | "))
	}
	for _, c := range e.Cases {
		amb := ""
		if c.Ambiguous {
			amb = "; may be another person's name as written"
		}
		fmt.Fprintf(w, "case        %s of %s (%s%s)\n", c.Case, c.Nominative, c.Sex, amb)
	}
	fmt.Fprintf(w, "blocking    %s\n", strings.Join(e.BlockingKeys, " "))
}

type compareJSON struct {
	Score      float64  `json:"score"`
	Verdict    string   `json:"verdict"` // match, review or different
	A          string   `json:"a"`
	B          string   `json:"b"`
	Given      string   `json:"given"`
	Patronymic string   `json:"patronymic"`
	Family     string   `json:"family"`
	Swapped    bool     `json:"swapped,omitempty"`
	Reasons    []string `json:"reasons"`
	// the grammatical case each name was read from (names.CaseReadings)
	CaseA string `json:"case_a,omitempty"`
	CaseB string `json:"case_b,omitempty"`
}

func compareNames(a, b string) compareJSON {
	na, nb := names.Prepare("", "", "", a), names.Prepare("", "", "", b)
	// The reasons name the parts of the readings that were scored, which
	// may not be the first parse of either name.
	c, ra, rb := names.ScoreBestReadings(&na, &nb)
	verdict := "different"
	switch {
	case c.Score >= names.MatchThreshold:
		verdict = "match"
	case c.Score >= names.ReviewThreshold:
		verdict = "review"
	}
	return compareJSON{
		Score: roundTo(c.Score, 3), Verdict: verdict, A: a, B: b,
		Given: c.Given.String(), Patronymic: c.Patronymic.String(), Family: c.Family.String(),
		Swapped: c.Swapped, Reasons: c.Reasons(&ra, &rb),
		CaseA: caseString(c.CaseA), CaseB: caseString(c.CaseB),
	}
}

func roundTo(x float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(x*p+0.5)) / p
}

func printCompare(w io.Writer, c compareJSON) {
	fmt.Fprintf(w, "score  %.3f  (%s; match ≥ %.2f, review ≥ %.2f)\n", c.Score, c.Verdict, names.MatchThreshold, names.ReviewThreshold)
	for _, r := range c.Reasons {
		fmt.Fprintf(w, "  %s\n", r)
	}
}
