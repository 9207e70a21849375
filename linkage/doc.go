// Package linkage finds the records that describe the same human: blocking,
// a Fellegi–Sunter scoring model trained by EM, explanations, decision bands
// and clustering that respects caseworkers' judgements. It is pure Go and
// knows nothing of storage: the batch command (lastseen link) and the
// incremental linker use the same pieces.
//
// # Preparing
//
// A Preparer turns each record into a Prepared record once: names through
// package names (fold, transliteration-proof skeleton, canonical given-name
// and father's-name ids, gender-folded family base, phonetic keys, initials),
// the birth date as numbers with its precision, places, units and extra
// columns folded to Latin, the service number to its letters and digits, and
// every value interned to an integer id whose count gives its frequency.
// Comparisons then touch only integers and short strings and allocate
// nothing.
//
// # Comparing and scoring
//
// Compare gives a pair's comparison vector: one level per field.
//
//	given_name, family_name, patronymic  exact / translit (same skeleton) / form (ru–uk form,
//	                                     diminutive, gender form, same father) / close / similar /
//	                                     initial / different / conflict (two known names with no
//	                                     form in common: Дмитро and Ігор) / missing
//	birth_date                           exact / swapped day–month / same month / typo (one digit
//	                                     of YYYYMMDD, or the year's two last digits swapped:
//	                                     1982 and 1928) / other year / other month (that part
//	                                     wrong, the other two the same) / same year / a year apart / 2–5 years /
//	                                     far / mismatch (two full dates no error explains) / missing
//	birth_place, unit, extra columns     exact / close / different / missing
//	event_place                          exact / close / different / missing
//	status_date                          same day / a week (1–7 days apart) / typo (more than a
//	                                     week apart, but one digit, two adjacent digits or day
//	                                     and month swapped) / months (8–62 days, or the same or
//	                                     next month when one date has no day) / far / missing
//	service_number                       exact / one edit / different / missing
//	sex, side                            same / different / missing
//
// Places are folded to a names skeleton before they are interned, so
// "exact" is the same place after transliteration: Куп’янськ, Купянск,
// Kupiansk, Kupjansk and "м. Куп'янськ" are one value; the region after a
// comma and the town prefixes (м., г., смт) are dropped. The event's place
// also drops the words that put it near a town (біля, під, в районі, near,
// bei, près de): "near Kupiansk, Kharkiv oblast" is Kupiansk.
//
// The event fields are the event the record reports, its first status
// claim's place and date (else its last-seen place and date): where and
// when the person was last seen, captured, wounded or died. Two records of
// one person reporting one event (a comrade's report and the Ministry's
// list) usually share them, two namesakes rarely do. One person can have
// several events (wounded in May, captured in August), so the event fields
// never count among the disagreeing fields (see Training), and the starting
// model weighs a disagreement weakly; training learns how much it says on
// the data at hand. A date known only to its year says too little about an
// event and is compared as missing.
//
// A Model holds each level's m = P(level | same person) and u = P(level |
// different people); a level weighs log2(m/u) and a pair's score is the
// prior's log2 odds plus the weights, so Explain can list them and they sum
// to the score exactly (a waterfall). Agreement on a name, place, unit or
// extra column is adjusted by the value's frequency among other people's
// records (a match on Иванов is worth less than one on Гнатюк): the
// frequency leaves out the records of the person itself (Model.Duplication),
// and is capped at TFMax bits either way. A name that agrees but for a typo
// (close, similar) weighs no more than exact agreement on the commoner of
// the two names would: a typo of Schmidt says no more than Schmidt.
//
// # Training
//
// u comes from pairs drawn at random (EstimateU). m comes from EM over
// samples of blocked pairs, one session per blocking pass, holding u fixed;
// a session does not learn the fields its pass blocks on (its pairs agree on
// them by construction), needs three informative fields left, and is
// discarded when its "match" class is not the same person (full agreement no
// likelier than at random, or most of its matches disagreeing on a name or
// the birth date — the class of namesakes). The m of the levels that speak
// strongly against a match is capped: EM's match class otherwise absorbs
// fathers and sons and twins. Training ends with EM over all pairs of
// records, u held fixed, from the sessions' m: the pairs outside every block
// count as non-matches, so the E-step needs only the pairs blocking compares
// (each pass's sample standing for its pairs, a pair that k passes find
// counting 1/k), and the prior λ is a share of all pairs, so agreement on a
// blocked field is evidence weighed by its u like any other. This learns
// each field's m from the matches of all passes (a session is blind to the
// fields its pass blocks on) and the prior from the matches of all passes
// (no one pass finds them all). It also learns how many fields of a match
// disagree: the fields of a match are not independent (a clerk makes an
// error or two, not one in every field), so the model weighs the number k of
// disagreeing fields by c(k)/Z, learnt by the same EM and normalised over
// the fields present, and shows it as a last line of the explanation. The
// event fields do not count: two events of one person are not a clerk's
// error.
//
// Models save and load as JSON. Version 3 added the event fields; a model
// of version 1 or 2 loads with event fields whose m equals their u, so
// that it scores as it did.
//
// # Blocking
//
// A Blocker compares the union of several passes (DefaultPasses): name
// stems in either order, surname and birth year, given name and birth date,
// given name, surname initial and birth day and month (a mistyped surname in
// one record and a mistyped year in the other), birth date and initials,
// surname and patronymic, phonetic keys of both names, with the given name
// or with the birth year, a loose family key with the given name or its
// initial (names.LooseKey: German and Polish ch, z and c, which the skeleton
// reads the English way, fall together with х, ц, ч, ш), the given name with
// a second loose key for French j = ж (names.FamilyLooseJ: Joukov, Ryjkov,
// which every other key reads as й; only names with a j or a ж have it),
// service number. Two passes put a record in several blocks (Pass.Keys):
// every reading of a pet form that stands for several names with the loose
// family key (Слава: Владислав, Вячеслав, Станислав… where the other passes
// key it on the first; a full name takes part only when it is some pet
// form's later reading, names.OtherReading), and the given name with the
// family skeleton and each of its one-letter deletions, so that a typo meets
// its original (Klhmenko, Клименко; Ппоов, Попов); that pass compares only
// records whose family names differ (Pass.Distinct) and whose birth dates
// do not say two people (Pass.Unless).
// Each pair is compared once (a pass of several keys compares it in the
// first block it shares); a block larger than MaxBlock (a common name
// and year in a large list) is sorted by name and date and compared within
// a window. Blocker.AllKeys gives a record's keys for an index that looks
// candidates up one record at a time.
//
// A batch's blocks are built once, for training and scoring, on every core:
// each pass's keys (64-bit hashes of its fields) are radix-sorted, blocks of
// two or more kept as record indexes, and each record's block number in each
// pass tells whether an earlier pass compared a pair already — under 100
// bytes a record in all. Workers take runs of blocks in turn; training gets
// the pairs in the same order on any number of cores, so it draws the same
// sample.
//
// # Decisions
//
// Bands are the operator's thresholds in log2 odds: at least Link links
// automatically, at least Review goes to a caseworker, lower is a new person.
// Decide applies them to one score, so the incremental linker decides a new
// record against its candidates with the same model and the same bands.
//
// # Clustering
//
// Cluster does not take connected components of the link-band pairs: one
// record with only a common name (Олександр Коваленко, no date) scores well
// against two namesakes born fifteen years apart, and single linkage would
// chain them, and with them a whole surname, into one person. Instead edges
// are taken best first and an edge merges its two clusters only if they
// cohere: every pair across them is scored (pairs blocking never compared
// included), none may score below MinCross, their mean must reach MeanCross
// (the review threshold by default), and none may be forbidden. A bridge
// record therefore joins the group it fits best, and the two groups stay
// apart because their cross pairs disagree; the refused link-band edges are
// returned for review. Forbidden are caseworkers' not-same judgements (never
// overridden) and hard evidence (Conflict: two given names of the table with
// no form in common; two service numbers that are not one typo apart on
// records whose birth dates disagree). Same judgements are merged first and
// never split; one that contradicts a not-same judgement is reported, not
// applied. Average linkage over all cross pairs was chosen over complete
// linkage (the minimum) because records with little information (a name
// only) score low against each other even when they are one person. Average
// linkage alone would still let a name-only record bridge two records born
// 27 years apart (it scores well with both): a merge of three records or
// more is refused when more of its cross pairs speak against it (birth
// dates no typo explains, years two or more apart, patronymics with no
// father's name in common; pairs scoring in the link band do not count)
// than agree on the birth date or patronymic. After the link-band merges a
// cluster whose candidates all lie in one other cluster, or in a few that
// cohere with each other, joins the best of them if they cohere
// (ClusterOptions.Attach); a candidate cluster scoring three bits or more
// below the best is no rival.
//
// # Measuring
//
// Evaluate counts pairwise precision, recall and F1 of a clustering against
// the truth without enumerating pairs.
package linkage
