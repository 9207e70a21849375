// Package names handles Russian and Ukrainian personal names in every script,
// the way the people who write them do: so that Олександр Миколайович
// Коваленко in a Ukrainian list, Александр Николаевич Коваленко in a Russian
// one, Oleksandr Kovalenko in a passport, Alexander Kowalenko in a German
// newspaper, "Саша" to his mother and KOVALENKO Oleksandr in a prisoner list
// are recognised as one man's name.
//
// It is pure Go with no I/O; every table is compiled in.
//
// # Forms of a name
//
//   - Normalize gives the stored form: NFC, single spaces, one apostrophe, Latin
//     look-alike letters inside Cyrillic words (and the reverse) repaired. It
//     keeps case and the letters й ї є ё ґ.
//   - Fold gives the matching form within one script: lower case, ё→е,
//     apostrophes and stress marks dropped.
//   - Skeleton gives a transliteration-proof ASCII key on which every scheme's
//     spelling and the Cyrillic original meet (Коваленко, Kowalenko →
//     "kovalenko"). FamilySkeleton also folds the gender ending (Иванова →
//     "ivanov"). PhoneticKey is a coarser key for blocking.
//
// # Transliteration
//
// Translit(s, scheme) romanises under ICAO (Doc 9303), MVD310, MVD782, BGNPCGN,
// GOST779B, ISO9 (GOST 7.79 A), KMU2010 and the press habits PressEN, PressDE,
// PressFR; TranslitLang fixes the language of the words (Ukrainian г is h) and
// DetectLang guesses it for a Cyrillic name. ToCyrillic(latin, n) goes back: a
// ranked list of plausible Cyrillic forms.
//
// # Name forms
//
// GivenKeys maps a given name in any script and form, diminutives included, to
// canonical ids ("aleksandr" for Саша, Олександр, Alexander, Sasha; Саша also
// "aleksandra"). Given returns a table entry; GivenNames lists them.
// GivenForm gives an id's standard Russian or Ukrainian form.
// Patronymic recognises a patronymic and returns the father's ids and the
// bearer's sex; PatronymicFor builds one. FamilySex reads a family name's
// gender ending; FamilyForSex writes the form for a sex.
//
// # Parsing and comparing
//
// Parse splits a full name, written in any of the usual orders and with
// initials, into given name, patronymic and family name with a confidence.
//
// Prepare computes once per record a Name holding every key a comparison
// needs (the exported fields are stable; the linkage engine stores them);
// CompareGiven, ComparePatronymic and CompareFamily then return a Level
// (exact, translit, form, initial, close, different, missing) and Score
// combines them into a Comparison with a score in [0,1], allocating nothing.
// ScoreBest also tries an unsure parse the other way round, and
// ScoreBestReadings returns the readings it scored. Similarity and
// Compare do the same from two strings; Comparison.Reasons explains.
// MatchThreshold and ReviewThreshold are the recommended cut-offs for names
// alone. CaseReadings reads a name written in a grammatical case ("Олександра
// Коваленка", "Сергею Иванову") back into the nominative; ScoreBest tries
// these readings for names it found different. BlockingKeys gives the index keys for candidate search; GivenAlts and
// FamilyAlts the alternative readings of ambiguous Latin spellings.
//
// # Second readings and noise words
//
// respell.go holds the second readings ScoreBest alone tries for Latin
// names: the Dutch press (Sjevtsjenko), spellings that lost their háčeks
// (Sevcenko) and given names in another language's form (Paul, Helen); they
// are kept out of Prepare and Score, where they would make English names
// Slavic for the linkage engine. noise.go holds what Parse, and so Prepare,
// drops around a name: military ranks and forms of address (рядовой, Sgt.,
// гражданин), unless the rank is the family name (Старшина, Майор Иван Петрович),
// and birth-year marks (1985 р.н.).
//
// docs/NAMES.md describes the design and the measured figures.
//
// JaroWinkler and DamerauLevenshtein are rune-correct string similarities.
package names
