// Package synth generates a realistic, clearly fictional population of people
// missing in the Russia–Ukraine war, the records that sources wrote about
// them, and the ground truth of who is who. The names package's tests, the
// linkage engine's F1, the import and search benchmarks and the demo data
// are all measured on it.
//
// Everything is deterministic by Config.Seed, whatever the number of CPUs, and
// streamed: Generate holds the shuffle window (Config.ShuffleWindow records)
// and a few batches per worker, so ten million records take about 60 MB and
// seconds of CPU on each core (see docs/BENCHMARKS.md). People yields the ground truth, Queries yields
// search queries with the person they seek, WriteCSV writes the import
// columns (Header) plus side, service_number, source and truth_id, and
// WritePeopleCSV and WriteQueriesCSV write the other two; Sources lists the
// sources with their kind and grade for an importer that registers them.
// "lastseen gen" is the command-line front end.
//
// synth has its own tables (name stock, Russian↔Ukrainian name pairs,
// diminutives, patronymics, transliteration schemes) and does not import
// package names, so that measuring names on synth data is not circular.
//
// # Population
//
// Persons come in clusters. A cluster is one person (81% of persons) or a
// group of look-alikes that are different people (hard negatives); the
// shares are of clusters, by default:
//
//   - FatherSonRate 0.03: father and son, born 20–30 years apart, same
//     surname; the son's patronymic is made from the father's given name, he
//     carries the father's given name too in a quarter of cases and was born
//     in the same place in 70%.
//   - BrothersRate 0.04: two (80%) or three brothers, same surname and
//     patronymic, different given names, born within 8 years, same birth
//     place in 60%, same unit in 30%.
//   - TwinsRate 0.006: twin brothers, same birth date, place, surname and
//     patronymic, different given names, same unit in half the cases.
//   - NamesakeRate 0.02: two or three men with the same common given name
//     and surname from the head of the frequency tables, the same
//     patronymic in 60%, born in different months.
//
// With the defaults about 8% of persons are brothers, 4% namesakes, 2.7%
// fathers, 2.7% sons and 1.1% twins. Natural namesakes come on top: the name
// stock is skewed (Олександр/Александр is the most frequent given name,
// Мельник, Шевченко, Коваленко, Иванов, Смирнов the most frequent surnames).
//
// Each person has a side (SideRU 0.45 on the Russian side), a sex (WomenRate
// 0.07 among soldiers; CivilianRate 0.10 of persons are civilians, half of
// them women, born 1940–2008), a birth date (soldiers aged about 20–54 in
// 2022, a few 18–62), a given name, a surname and a patronymic in both the
// Ukrainian and the Russian form, a birth place (Ukrainian or Russian town;
// some with a Soviet-era name), a unit and in 60% of soldiers a service
// number (15% of soldiers were transferred to a second unit, and half the
// sources that name a unit give the second one), a home town (the birth
// place for 70%), and a fate with a date (2022-02-24 … 2025-10-31) and a front place.
// Fates of soldiers: missing 30%, dead 30%, captured 20%, alive 12%, wounded
// 8%. Ukrainians carry Russian-type surnames in 15% of cases and Russians
// Ukrainian-type ones in 12%. Surnames come from the frequency tables or, at
// SurnameTailRate 0.45, from productive patterns (a real or syllabic stem
// and -енко, -чук, -ук, -юк, -ський, -ишин… or -ов, -ев, -ин, -ский, -ых),
// so large populations do not all collide. Women carry the feminine surname
// (Иванова, Ковальська; Коваленко stays).
//
// # Records
//
// Each person is seen by 1–8 sources: 46% once, 21% twice, 13% three times,
// then 8, 5, 3.5, 2 and 1.5% (2.3 records per person on average). The
// sources are drawn by weight among those that write about such a person
// (side, fate, civilian); a repeated source is drawn again twice at most.
// There are 28 sources with generic names ("UA MoD list", "RU media death
// list", "German press", "family inquiry (uk)"…), each with a writing habit, a layout (split fields or
// full_name only, and the order of the full name), a date layout
// (YYYY-MM-DD, DD.MM.YYYY, YYYYMMDD or only YYYY) and the share of records
// that carry each field. The habits:
//
//	uk_cyr     Ukrainian Cyrillic, Ukrainian forms, also of Russians: Сергей→Сергій, Смирнов→Смірнов
//	           (UA MoD list, missing-persons register, social media, media on POWs, comrades, hospitals)
//	ru_cyr     Russian Cyrillic, Russian forms of the same man: Олександр→Александр,
//	           Миколайович→Николаевич, -ський→-ский (media death list, obituaries, RU social media, comrades, hospitals)
//	pow_list   FAMILY Given Patronymic in Russian forms (UA POW list, RU exchange list)
//	icao_ru    Russian passport, ICAO Doc 9303 of the Russian forms, capitals (tracing agency, registry extract)
//	kmu_uk     Ukrainian passport, KMU 55:2010 of the Ukrainian forms, capitals
//	bgn_ru     BGN/PCGN of the Russian forms, for both sides (OSINT volunteers)
//	gost_ru    GOST 7.79 system A of the Russian forms (memorial book index)
//	en_press   Alexander, Sergei, Yuri for Russians; Oleksandr, Serhiy for Ukrainians
//	de_press   Juri, Alexej, Schewtschenko, Wolodymyr Selenskyj
//	fr_press   Iouri, Alexandre, Sergueï, Chevtchenko
//	pl_press   Siergiej, Iwanow, Ołeksandr, Kowalenko, Szewczenko
//	family_uk  family inquiry in Ukrainian: diminutives (Сашко, Коля), often only the year
//	family_ru  family inquiry in Russian: Саша, Вова, Женя
//	family_lat family inquiry typed in Latin with an informal romanisation drawn per record
//
// Shares of records by habit with the defaults: uk_cyr 19%, family_uk 13%,
// family_ru 11%, icao_ru 8.8%, family_lat 8.3%, ru_cyr 7.8%, en_press 7.4%,
// kmu_uk 6.9%, pl_press 4.1%, pow_list 3.5%, bgn_ru 3.3%, fr_press and
// de_press 2.8% each, gost_ru 1.1%. Of all records, 46% are in Latin script
// and 52% have the name only in full_name; 45% carry a full birth date, 23%
// only the year, 1.4% year and month and 30% none; 4.4% carry a service
// number. 40% of persons have records in both scripts.
//
// The press gives an age rather than a birth date: its birth_date is the year
// worked out from the age at the time of the event, one year late for people
// whose birthday came later in the year.
//
// Ukrainian Cyrillic writes the apostrophe as ' (45%), ’ (45%) or ʼ (10%)
// of records, in names and places alike (В'ячеслав, В’ячеслав, Вʼячеслав).
//
// Status comes from the source: family inquiries say "sought", prisoner
// lists "captured", obituaries "dead", hospitals "wounded"; the others say
// the fate, or "missing" in 20% of the captured and dead (the source knew
// only the first stage). Records are shuffled within the window and numbered
// in output order (r000000001…).
//
// # Phenomena
//
// On top of the habit, each record can get, where it applies (Record.Phenomena
// says which it got; defaults in parentheses, "of records" measured on
// 100,000 persons with the defaults):
//
//	TypoRate          0.06   keyboard neighbour, dropped, doubled or transposed letter in a name (6.0%)
//	OCRRate           0.04   of scanned lists: ш/щ, и/й, rn/m, l/1 look-alikes (0.3%)
//	HomoglyphRate     0.02   of Cyrillic records: Latin а/е/о/р/с/х inside the surname (1.1%)
//	NoPatronymicRate  0.15   of records whose source writes a patronymic (4.9%)
//	NoBirthDateRate   0.08   of records whose source writes a birth date (6.1%)
//	YearOnlyRate      0.08   birth date reduced to the year (4.1%; family and press
//	                         sources know only the year much more often, by their habit)
//	MonthOnlyRate     0.03   birth date reduced to YYYY-MM (1.4%)
//	DateSwapRate      0.03   day and month swapped, only when the day is 1–12 (0.5%)
//	DateTypoRate      0.02   a mistyped birth date that is still valid: year ±1, the
//	                         year's last digits swapped (1987→1978), another day (1.4%)
//	InitialsRate      0.04   Коваленко О.М. / О.М. Коваленко (3.5%), never with a diminutive
//	OrderVariantRate  0.10   full name in another order than the source's (5.2%)
//	FieldSwapRate     0.02   given and family name in each other's field (1.0%)
//	DiminutiveRate    0.35   family inquiries; a fifth of it in comrade reports, a tenth in
//	                         social media; less for men born before 1965 (10.4%)
//	MasculineFormRate 0.05   of women's records: Иванов for Иванова (0.5%)
//	PlaceVariantRate  0.25   birth place in the other language's form, the Soviet name,
//	                         with м./г. prefix, with the country, or in English (11.4%)
//	ResidenceRate     0.2    of the 30% of persons who moved: the town they lived in
//	                         given as the birth place (2.8%)
//	YoAsYeRate        0.7    Russian forms with ё written е (Артем, Федоров) (3.3%)
//
// A zero rate in Config takes the default; a negative one switches the
// phenomenon off.
//
// # How hard it is
//
// 30% of records carry no birth date (comrades and the press rarely know it),
// so about half of the true pairs have a birth date on one side only. Among
// all true pairs, the share that have no birth date on one side, share no
// status date (within five days), unit, event place or service number, and
// carry a given name and surname that another person of the population has
// too, is 5.4% with 5,000 persons, 9.5% with 20,000 and 15% with 100,000:
// those can be told apart only by weaker evidence (patronymic, birth place,
// sex, status, the rarity of the name), and the share grows with the
// population as names repeat.
//
// # Broken rows
//
// With BrokenRate q > 0 (default 0; 0.01 for the import benchmark) exactly
// floor(N*q) of the N rows written are made invalid the way real lists are,
// and only those: row n (record r00000000n, counted in output order) is
// broken when floor(n*q) > floor((n-1)*q), so 1,000 of 100,000 rows at 1%,
// one row in every hundred. Broken is set and BrokenReason says how (one of
// the Broken* constants): an impossible birth or status date in the source's
// own layout (31.02.1994, 2022-13-01, 19940230), all name fields empty, a
// name in Windows-1251 bytes (not UTF-8), or an unknown status ("???"). Every
// other row has a name, valid dates in one of the five layouts, sex m, f or
// empty, and one of the six statuses.
//
// A row's number is known only when its record leaves the shuffle window, so
// rows are broken there, by the consumer, with a random stream of the seed
// and the row number: the output still depends on the seed alone. WriteCSV's
// workers have already encoded the line; the consumer reads the few broken
// lines back, breaks them and encodes them again, and copies the others as
// they are.
//
// # Queries
//
// Queries yields, for n persons spread evenly over the population, what a
// relative would type: an informal Latin romanisation of the native form (40%,
// a diminutive in a third of those), the other language's Cyrillic form
// (25%), the English press spelling (15%) or the native form with a
// diminutive (20%); given-family, family-given or family-given-patronymic
// order; a typo in 5%; and the birth year (45%), the full date (20%), year
// and month (10%) or nothing.
package synth
