package csvio

import (
	"encoding/csv"
	"io"
	"strconv"
)

// RejectWriter writes the rows an import rejected, as CSV: the row number,
// the offending field(s), the reason, then the row as it was in the list, so
// that the file can be fixed and imported again.
type RejectWriter struct {
	w      *csv.Writer
	header []string
	n      int
	line   []string
}

// NewRejectWriter returns a writer of rejects for a list with the header.
func NewRejectWriter(w io.Writer, header []string) *RejectWriter {
	return &RejectWriter{w: csv.NewWriter(w), header: header}
}

// Write writes one rejected row; raw may be nil when the row could not be read.
func (rw *RejectWriter) Write(e *RowError, raw []string) error {
	if rw.n == 0 {
		if err := rw.w.Write(append([]string{"row", "field", "reason"}, rw.header...)); err != nil {
			return err
		}
	}
	rw.n++
	rw.line = append(rw.line[:0], strconv.Itoa(e.Row), e.Field, e.Message)
	rw.line = append(rw.line, raw...)
	return rw.w.Write(rw.line)
}

// Count returns the number of rows written.
func (rw *RejectWriter) Count() int { return rw.n }

// Flush writes what is buffered and returns the first error of any write.
func (rw *RejectWriter) Flush() error {
	rw.w.Flush()
	return rw.w.Error()
}
