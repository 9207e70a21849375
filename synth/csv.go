package synth

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteCSV writes the header and the records of cfg to w and returns the
// number of records written. The output is what encoding/csv would write
// (quotes only where needed, \n line ends) for the records of Generate.
func WriteCSV(w io.Writer, cfg Config) (n int, err error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	buf := make([]byte, 0, 1024)
	var scratch []byte
	for i, h := range Header {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendField(buf, h)
	}
	buf = append(buf, '\n')
	if _, err := bw.Write(buf); err != nil {
		return 0, err
	}
	err = stream(cfg, true,
		func(d *line, bt *batch, i int, truth int64) {
			from := 0
			if i > 0 {
				from = bt.ends[i-1]
			}
			d.body = append(d.body[:0], bt.body[from:bt.ends[i]]...)
			d.truth = truth
			d.hint = bt.hints[i]
		},
		func(d *line, id int64) error {
			body := d.body
			if brokenRow(id, cfg.BrokenRate) {
				// the few broken rows are read back, broken as Generate
				// breaks them, and encoded again
				var rec Record
				parseBody(d.body, &rec)
				breakRecord(cfg.Seed, id, &rec, d.hint)
				scratch = appendBody(scratch[:0], &rec)
				body = scratch
			}
			b := bw.AvailableBuffer() // appended in place when the line fits
			b = appendRecordID(b, id)
			b = append(b, ',')
			b = append(b, body...)
			b = append(b, ',')
			b = strconv.AppendInt(b, d.truth, 10)
			b = append(b, '\n')
			n++
			_, err := bw.Write(b)
			return err
		})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// AppendCSV appends r as one CSV line in the Header's columns, with its
// line end.
func AppendCSV(dst []byte, r *Record) []byte {
	dst = appendField(dst, r.ID)
	dst = append(dst, ',')
	dst = appendBody(dst, r)
	dst = append(dst, ',')
	dst = strconv.AppendInt(dst, r.TruthID, 10)
	return append(dst, '\n')
}

// appendBody appends the columns from given_name to source.
func appendBody(dst []byte, r *Record) []byte {
	for i, f := range [...]string{r.GivenName, r.FamilyName, r.Patronymic, r.FullName, r.BirthDate, r.BirthPlace, r.Sex, r.Unit, r.Status, r.StatusDate, r.Place, r.Notes, r.Side, r.ServiceNumber, r.Source} {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendField(dst, f)
	}
	return dst
}

// parseBody reads back into rec the columns appendBody wrote.
func parseBody(b []byte, rec *Record) {
	for _, f := range [...]*string{&rec.GivenName, &rec.FamilyName, &rec.Patronymic, &rec.FullName, &rec.BirthDate, &rec.BirthPlace, &rec.Sex, &rec.Unit, &rec.Status, &rec.StatusDate, &rec.Place, &rec.Notes, &rec.Side, &rec.ServiceNumber, &rec.Source} {
		if len(b) > 0 && b[0] == '"' {
			// quoted up to a quote that is not doubled
			var v []byte
			b = b[1:]
			for {
				k := bytes.IndexByte(b, '"')
				v = append(v, b[:k]...)
				b = b[k+1:]
				if len(b) == 0 || b[0] != '"' {
					break
				}
				v = append(v, '"')
				b = b[1:]
			}
			*f = string(v)
		} else {
			k := bytes.IndexByte(b, ',')
			if k < 0 {
				k = len(b)
			}
			*f = string(b[:k])
			b = b[k:]
		}
		if len(b) > 0 {
			b = b[1:] // the comma
		}
	}
}

// appendField quotes a field exactly when encoding/csv's Writer would.
func appendField(dst []byte, f string) []byte {
	if !needsQuotes(f) {
		return append(dst, f...)
	}
	dst = append(dst, '"')
	for {
		i := strings.IndexByte(f, '"')
		if i < 0 {
			break
		}
		dst = append(dst, f[:i+1]...)
		dst = append(dst, '"')
		f = f[i+1:]
	}
	dst = append(dst, f...)
	return append(dst, '"')
}

// quoteByte marks the bytes that make encoding/csv quote a field.
var quoteByte = [256]bool{',': true, '"': true, '\n': true, '\r': true}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		if quoteByte[f[i]] {
			return true
		}
	}
	// a leading space (or other Unicode space) is quoted too
	switch c := f[0]; {
	case c == ' ' || c == '\t':
		return true
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(f)
		return isSpace(r)
	}
	return false
}

func isSpace(r rune) bool {
	switch r {
	case '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200A'
}

// PeopleHeader is the header of WritePeopleCSV.
var PeopleHeader = []string{"truth_id", "side", "sex", "civilian", "given_uk", "given_ru", "family_uk", "family_ru", "patronymic_uk", "patronymic_ru", "birth_date", "birth_place_uk", "birth_place_ru", "home_uk", "unit", "other_unit", "service_number", "fate", "fate_date", "fate_place", "group", "relation", "father_id", "records"}

// WritePeopleCSV writes the ground truth of cfg, one person a row: every
// person of cfg.People, also those that a Records cap left without records.
func WritePeopleCSV(w io.Writer, cfg Config) (n int, err error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(PeopleHeader); err != nil {
		return 0, err
	}
	itoa := func(v int64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatInt(v, 10)
	}
	civ := map[bool]string{false: "", true: "yes"}
	err = People(cfg, func(p *Person) error {
		n++
		return cw.Write([]string{strconv.FormatInt(p.TruthID, 10), p.Side, p.Sex, civ[p.Civilian],
			p.GivenUK, p.GivenRU, p.FamilyUK, p.FamilyRU, p.PatronymicUK, p.PatronymicRU,
			formatDate(dateISO, p.BirthYear, p.BirthMonth, p.BirthDay, 3), p.BirthPlaceUK, p.BirthPlaceRU, p.HomeUK,
			p.Unit, p.OtherUnit, p.ServiceNumber, p.Fate, formatDate(dateISO, p.FateYear, p.FateMonth, p.FateDay, 3), p.FatePlaceUK,
			itoa(p.Group), string(p.Relation), itoa(p.FatherID), strconv.Itoa(p.Records)})
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// QueriesHeader is the header of WriteQueriesCSV.
var QueriesHeader = []string{"query", "birth_date", "truth_id", "script", "style"}

// WriteQueriesCSV writes n search queries for the population of cfg.
func WriteQueriesCSV(w io.Writer, cfg Config, n int) (written int, err error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(QueriesHeader); err != nil {
		return 0, err
	}
	err = Queries(cfg, n, func(q Query) error {
		written++
		return cw.Write([]string{q.Text, q.BirthDate, strconv.FormatInt(q.TruthID, 10), q.Script, q.Style})
	})
	if err != nil {
		return written, err
	}
	cw.Flush()
	return written, cw.Error()
}
