package names

import "strings"

// LexiconWords exposes the words of lexicon.go to the black-box tests, which
// check that none of them is a word of the reference vectors.
func LexiconWords() []string {
	return append(strings.Fields(ruLexicon), strings.Fields(ukLexicon)...)
}
