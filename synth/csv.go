package synth

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCSV writes the header and the records of cfg to w and returns the
// number of records written.
func WriteCSV(w io.Writer, cfg Config) (n int, err error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(Header); err != nil {
		return 0, err
	}
	row := make([]string, len(Header))
	var idb []byte
	err = Generate(cfg, func(r *Record) error {
		idb = strconv.AppendInt(idb[:0], r.TruthID, 10)
		row[0], row[1], row[2], row[3], row[4] = r.ID, r.GivenName, r.FamilyName, r.Patronymic, r.FullName
		row[5], row[6], row[7], row[8], row[9] = r.BirthDate, r.BirthPlace, r.Sex, r.Unit, r.Status
		row[10], row[11], row[12], row[13], row[14] = r.StatusDate, r.Place, r.Notes, r.Side, r.ServiceNumber
		row[15], row[16] = r.Source, string(idb)
		n++
		return cw.Write(row)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}
