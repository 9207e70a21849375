package synth

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteCSV writes the header and the records of cfg to w and returns the
// number of records written. The output is what encoding/csv would write
// (quotes only where needed, \n line ends), produced without its per-field
// overhead.
func WriteCSV(w io.Writer, cfg Config) (n int, err error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	line := make([]byte, 0, 1024)
	for i, h := range Header {
		if i > 0 {
			line = append(line, ',')
		}
		line = appendField(line, h)
	}
	line = append(line, '\n')
	if _, err := bw.Write(line); err != nil {
		return 0, err
	}
	err = Generate(cfg, func(r *Record) error {
		line = AppendCSV(line[:0], r)
		n++
		_, err := bw.Write(line)
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
	for i, f := range [...]string{r.ID, r.GivenName, r.FamilyName, r.Patronymic, r.FullName, r.BirthDate, r.BirthPlace, r.Sex, r.Unit, r.Status, r.StatusDate, r.Place, r.Notes, r.Side, r.ServiceNumber, r.Source} {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendField(dst, f)
	}
	dst = append(dst, ',')
	dst = strconv.AppendInt(dst, r.TruthID, 10)
	return append(dst, '\n')
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
