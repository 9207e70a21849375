// Package csvio reads lists of records from CSV files and writes the rows it
// rejects. It is pure: it knows the domain types and nothing of storage.
//
// A list has a header row. The columns it knows are those of Columns; other
// headers can be mapped onto them (Options.Map), and the rest are ignored
// with one warning each. Every row becomes either a record or a *RowError that
// names the row and the column, so that one bad row costs nothing but itself.
package csvio

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lastseen/lastseen"
)

// Columns are the column names a list may have, after mapping.
var Columns = []string{
	"record_id", "given_name", "family_name", "patronymic", "full_name",
	"birth_date", "birth_place", "sex", "side", "unit", "rank", "service_number",
	"status", "status_date", "place", "notes",
}

// Options say how to read a list.
type Options struct {
	// SourceID is set on every record; the caller finds or creates the
	// list's source first. It must not be 0.
	SourceID int64

	// Map renames headers: Map["surname"] = "family_name". Names match
	// headers case-insensitively, after trimming.
	Map map[string]string

	// Comma is the delimiter; 0 detects ',', ';' or tab from the header row.
	Comma rune
}

// RowError is a row that could not become a record. Row is the line of the
// file where the row starts, as an editor counts lines: the header is row 1,
// and rows without line breaks inside quotes are numbered as a spreadsheet
// numbers them. Field names the column
// as the file's header spells it; Problems lists every problem of the row.
type RowError struct {
	Row      int
	Field    string
	Message  string
	Problems []lastseen.FieldError
}

func (e *RowError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("row %d: %s", e.Row, e.Message)
	}
	return fmt.Sprintf("row %d: %s: %s", e.Row, e.Field, e.Message)
}

// Reader reads records from a CSV list, one row at a time, holding only the
// current row in memory.
type Reader struct {
	csv      *csv.Reader
	opt      Options
	header   []string       // as the file spells it
	col      map[string]int // known column → index in the row
	warnings []string
	row      int      // number of the row last read
	raw      []string // fields of the row last read
}

// NewReader reads the header of the list in r. It fails when the header
// cannot be used at all: no name column, a column given twice, a Map onto a
// column that does not exist.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	if opt.SourceID == 0 {
		return nil, errors.New("csvio: Options.SourceID is required")
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	comma := opt.Comma
	if comma == 0 {
		comma = DetectComma(br)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1 // a row with the wrong number of fields is a row error, not the end
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	rd := &Reader{csv: cr, opt: opt, col: map[string]int{}}

	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("the file is empty: a header row is required")
	} else if err != nil {
		return nil, fmt.Errorf("header row: %w", err)
	}
	rd.row, _ = cr.FieldPos(0)
	rd.header = slices.Clone(header)
	mapping := map[string]string{}
	for from, to := range opt.Map {
		to = NormalizeHeader(to)
		if !slices.Contains(Columns, to) {
			return nil, fmt.Errorf("map %s=%s: %q is not a column (one of %s)", from, to, to, strings.Join(Columns, ", "))
		}
		mapping[NormalizeHeader(from)] = to
	}
	for i, h := range rd.header {
		rd.header[i] = strings.TrimSpace(h)
		name := NormalizeHeader(h)
		if to, ok := mapping[name]; ok {
			name = to
		}
		if !slices.Contains(Columns, name) {
			rd.warnings = append(rd.warnings, fmt.Sprintf("column %q is not known and is ignored (map it with --map %s=COLUMN)", rd.header[i], NormalizeHeader(h)))
			continue
		}
		if j, dup := rd.col[name]; dup {
			return nil, fmt.Errorf("header row: columns %q and %q are both %s", rd.header[j], rd.header[i], name)
		}
		rd.col[name] = i
	}
	if _, ok := rd.col["full_name"]; !ok {
		_, given := rd.col["given_name"]
		_, family := rd.col["family_name"]
		if !given && !family {
			return nil, fmt.Errorf("header row: no name column: a list needs full_name, or given_name and family_name (map yours with --map, e.g. --map surname=family_name)")
		}
	}
	return rd, nil
}

// Header returns the header row as the file spells it.
func (r *Reader) Header() []string { return r.header }

// Warnings returns one message for each column that is ignored.
func (r *Reader) Warnings() []string { return r.warnings }

// Row returns the line on which the row last read starts (the header is row 1).
func (r *Reader) Row() int { return r.row }

// Raw returns the fields of the row last read, as they were in the file. It is
// valid until the next call to Read.
func (r *Reader) Raw() []string { return r.raw }

// Read returns the next row's record. A row that cannot become a record gives
// a *RowError, after which reading goes on; io.EOF ends the list; any other
// error means the file cannot be read further.
func (r *Reader) Read() (*lastseen.Record, error) {
	for {
		fs, err := r.csv.Read()
		r.raw = fs
		var pe *csv.ParseError
		switch {
		case err == io.EOF:
			return nil, io.EOF
		case errors.As(err, &pe):
			r.row = pe.StartLine
			return nil, &RowError{Row: r.row, Message: "malformed CSV: " + pe.Err.Error()}
		case err != nil:
			return nil, fmt.Errorf("row %d: %w", r.row+1, err)
		}
		r.row, _ = r.csv.FieldPos(0)
		if len(fs) == 1 && strings.TrimSpace(fs[0]) == "" && len(r.header) > 1 {
			continue // a blank line is not a row
		}
		if len(fs) != len(r.header) {
			return nil, &RowError{Row: r.row, Message: fmt.Sprintf("has %d fields, the header has %d", len(fs), len(r.header))}
		}
		return r.record(fs)
	}
}

func (r *Reader) get(fs []string, col string) string {
	if i, ok := r.col[col]; ok {
		return strings.TrimSpace(fs[i])
	}
	return ""
}

// record turns one row into a validated record.
func (r *Reader) record(fs []string) (*lastseen.Record, error) {
	var p lastseen.Problems
	for i, f := range fs {
		if !utf8.ValidString(f) {
			p.Add(r.header[i], "is not valid UTF-8 (save the file as UTF-8)")
		}
	}
	if len(p) > 0 {
		return nil, r.rowError(p)
	}
	rec := &lastseen.Record{
		SourceID:      r.opt.SourceID,
		ExternalID:    r.get(fs, "record_id"),
		GivenName:     r.get(fs, "given_name"),
		FamilyName:    r.get(fs, "family_name"),
		Patronymic:    r.get(fs, "patronymic"),
		FullName:      r.get(fs, "full_name"),
		BirthPlace:    r.get(fs, "birth_place"),
		Side:          r.get(fs, "side"),
		Unit:          r.get(fs, "unit"),
		Rank:          r.get(fs, "rank"),
		ServiceNumber: r.get(fs, "service_number"),
		Notes:         r.get(fs, "notes"),
	}
	if rec.ExternalID == "" {
		rec.ExternalID = contentID(fs)
	}
	rec.BirthDate = r.date(fs, "birth_date", &p)
	if v := r.get(fs, "sex"); v != "" {
		if sex, ok := parseSex(v); ok {
			rec.Sex = sex
		} else {
			p.Add("sex", "%q is not a sex: use m or f (male/female, ч/ж, м/ж)", v)
		}
	}
	status, date, place := r.get(fs, "status"), r.date(fs, "status_date", &p), r.get(fs, "place")
	switch st, ok := lastseen.ParseStatus(strings.ToLower(status)); {
	case status == "" && (!date.IsZero() || place != ""):
		p.Add("status", "is empty, but status_date or place is given")
	case status == "":
	case !ok:
		p.Add("status", "%q is not a status (one of %v)", status, lastseen.Statuses)
	default:
		rec.Claims = []*lastseen.Claim{{Status: st, Date: date, Place: place}}
	}
	if err := rec.Validate(); err != nil {
		for _, fe := range lastseen.ErrorFields(err) {
			if !slices.ContainsFunc(p, func(e lastseen.FieldError) bool { return e.Field == column(fe.Field) }) {
				p.Add(column(fe.Field), "%s", fe.Message)
			}
		}
	}
	if len(p) > 0 {
		return nil, r.rowError(p)
	}
	return rec, nil
}

// rowError names each problem's column as the file's header spells it.
func (r *Reader) rowError(p lastseen.Problems) *RowError {
	for i := range p {
		if j, ok := r.col[p[i].Field]; ok {
			p[i].Field = r.header[j]
		}
	}
	e := &RowError{Row: r.row, Field: p[0].Field, Message: p[0].Message, Problems: p}
	if len(p) > 1 {
		names := make([]string, len(p))
		msgs := make([]string, len(p))
		for i, fe := range p {
			names[i], msgs[i] = fe.Field, fe.Field+": "+fe.Message
		}
		e.Field, e.Message = strings.Join(names, ","), strings.Join(msgs, "; ")
	}
	return e
}

// column turns a field path of Record.Validate into the list's column name.
func column(field string) string {
	switch field {
	case "external_id":
		return "record_id"
	case "claims[0].status":
		return "status"
	case "claims[0].date":
		return "status_date"
	case "claims[0].place":
		return "place"
	}
	return field
}

func (r *Reader) date(fs []string, col string, p *lastseen.Problems) lastseen.PartialDate {
	d, err := lastseen.ParseDate(r.get(fs, col))
	if err != nil {
		p.Add(col, "%v", err)
	}
	return d
}

// contentID is the external id of a row that has no record_id: a hash of its
// fields, so that importing the same list again finds the same rows.
func contentID(fs []string) string {
	h := sha256.New()
	for _, f := range fs {
		io.WriteString(h, strings.TrimSpace(f))
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:16])
}

var sexes = map[string]lastseen.Sex{
	"m": lastseen.SexMale, "male": lastseen.SexMale, "man": lastseen.SexMale,
	"м": lastseen.SexMale, "муж": lastseen.SexMale, "мужской": lastseen.SexMale,
	"ч": lastseen.SexMale, "чол": lastseen.SexMale, "чоловіча": lastseen.SexMale, "чоловік": lastseen.SexMale,
	"f": lastseen.SexFemale, "female": lastseen.SexFemale, "woman": lastseen.SexFemale,
	"ж": lastseen.SexFemale, "жен": lastseen.SexFemale, "женский": lastseen.SexFemale,
	"жін": lastseen.SexFemale, "жіноча": lastseen.SexFemale, "жінка": lastseen.SexFemale,
}

func parseSex(s string) (lastseen.Sex, bool) {
	v, ok := sexes[strings.ToLower(strings.TrimSuffix(s, "."))]
	return v, ok
}

// NormalizeHeader folds a header for matching: "Family Name" = family_name.
func NormalizeHeader(h string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(h)), " ", "_"), "-", "_")
}

// DetectComma picks the delimiter that occurs most often, outside quotes, in
// the header row: ',', ';' (spreadsheets in Ukrainian and Russian locales) or
// tab.
func DetectComma(br *bufio.Reader) rune {
	b, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}
