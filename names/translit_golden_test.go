package names_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lastseen/lastseen/names"
)

// The iuliia files write ё where their standards write the Latin ë (BGN/PCGN,
// ISO 9); compare with the standard's letter.
var iuliiaQuirk = strings.NewReplacer("ё", "ë", "Ё", "Ë")

var iuliiaSchemes = []struct {
	file   string
	scheme names.Scheme
}{
	{"icao_doc_9303.json", names.ICAO},
	{"gost_779.json", names.ISO9},
	{"gost_779_alt.json", names.GOST779B},
	{"bgn_pcgn.json", names.BGNPCGN},
	{"mvd_310.json", names.MVD310},
	{"mvd_782.json", names.MVD782},
}

func TestTranslitIuliiaSamples(t *testing.T) {
	dir := refDir(t, "names/iuliia")
	for _, tc := range iuliiaSchemes {
		var f struct{ Samples [][2]string }
		readJSON(t, filepath.Join(dir, tc.file), &f)
		ok := 0
		for _, s := range f.Samples {
			want := iuliiaQuirk.Replace(s[1])
			if got := names.TranslitLang(s[0], tc.scheme, names.LangRu); got != want {
				t.Errorf("%s: Translit(%q)\n got %q\nwant %q", tc.scheme, s[0], got, want)
			} else {
				ok++
			}
		}
		t.Logf("%-10s %d/%d samples exact", tc.scheme, ok, len(f.Samples))
	}
}

func TestTranslitKMUVectors(t *testing.T) {
	dir := refDir(t, "names/uklatn/tests")
	var cases []struct{ Test, Cyr, Lat string }
	readJSON(t, filepath.Join(dir, "test_KMU_55.json"), &cases)
	ok, n := 0, 0
	for _, c := range cases {
		if !strings.Contains(c.Test, ">") || strings.HasPrefix(c.Test, "lat") {
			continue
		}
		n++
		if got := names.Translit(c.Cyr, names.KMU2010); got != c.Lat {
			t.Errorf("KMU2010: Translit(%q)\n got %q\nwant %q", c.Cyr, got, c.Lat)
		} else {
			ok++
		}
	}
	t.Logf("KMU2010 %d/%d vectors exact", ok, n)
}
