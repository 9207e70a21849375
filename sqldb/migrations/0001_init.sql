-- The schema of every domain type. One text for both databases: {{id}} and
-- {{time}} are replaced per dialect (see schemaMacros in dialect.go).
--
-- Conventions:
--   * Text is NOT NULL DEFAULT '': "not given" is the empty string, as in Go.
--   * Optional references are NULL when absent (0 in Go).
--   * A partial date is stored as its ISO text at its precision ("1994-03-07",
--     "1994-03", "1994", "" when unknown), which sorts the way
--     PartialDate.Before orders dates, plus an integer year column (NULL when
--     unknown) for range filters and blocking. The precision is the length of
--     the text; it is not stored twice.
--   * Times are UTC.
--   * Folded and transliterated name forms are computed in Go (package names),
--     never in SQL, and go into their own tables in later migrations.

CREATE TABLE users (
	id            {{id}},
	name          TEXT NOT NULL DEFAULT '',
	email         TEXT NOT NULL DEFAULT '', -- lower-cased by the service
	role          TEXT NOT NULL,
	password_hash TEXT NOT NULL DEFAULT '',
	created_at    {{time}} NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email) WHERE email <> '';

CREATE TABLE api_keys (
	id         {{id}},
	name       TEXT NOT NULL DEFAULT '',
	user_id    BIGINT REFERENCES users (id),
	role       TEXT NOT NULL,
	prefix     TEXT NOT NULL UNIQUE,
	hash       TEXT NOT NULL,
	created_at {{time}} NOT NULL,
	expires_at {{time}},
	revoked_at {{time}}
);

CREATE TABLE sources (
	id          {{id}},
	kind        TEXT NOT NULL,
	name        TEXT NOT NULL,
	url         TEXT NOT NULL DEFAULT '',
	publisher   TEXT NOT NULL DEFAULT '',
	source_date TEXT NOT NULL DEFAULT '', -- partial date
	reliability TEXT NOT NULL DEFAULT '',
	created_at  {{time}} NOT NULL,
	UNIQUE (kind, name)
);

-- Records are append-only: a correction is a new row whose supersedes names
-- the old one.
CREATE TABLE records (
	id              {{id}},
	source_id       BIGINT NOT NULL REFERENCES sources (id),
	external_id     TEXT NOT NULL DEFAULT '',
	given_name      TEXT NOT NULL DEFAULT '',
	family_name     TEXT NOT NULL DEFAULT '',
	patronymic      TEXT NOT NULL DEFAULT '',
	full_name       TEXT NOT NULL DEFAULT '',
	alt_names       TEXT NOT NULL DEFAULT '', -- a JSON array of strings, '' for none
	sex             TEXT NOT NULL DEFAULT '',
	birth_date      TEXT NOT NULL DEFAULT '', -- partial date
	birth_year      INTEGER,
	birth_place     TEXT NOT NULL DEFAULT '',
	side            TEXT NOT NULL DEFAULT '',
	unit            TEXT NOT NULL DEFAULT '',
	rank            TEXT NOT NULL DEFAULT '',
	service_number  TEXT NOT NULL DEFAULT '',
	civilian        BOOLEAN,
	last_seen_date  TEXT NOT NULL DEFAULT '', -- partial date
	last_seen_year  INTEGER,
	last_seen_place TEXT NOT NULL DEFAULT '',
	circumstances   TEXT NOT NULL DEFAULT '',
	notes           TEXT NOT NULL DEFAULT '',
	supersedes      BIGINT REFERENCES records (id),
	submitter_kind  TEXT NOT NULL DEFAULT '',
	submitter_id    TEXT NOT NULL DEFAULT '',
	received_at     {{time}} NOT NULL
);
-- Makes imports idempotent; records without an external id are never duplicates.
CREATE UNIQUE INDEX records_source_external ON records (source_id, external_id) WHERE external_id <> '';
CREATE INDEX records_supersedes ON records (supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX records_birth_year ON records (birth_year);

CREATE TABLE claims (
	id           {{id}},
	record_id    BIGINT NOT NULL REFERENCES records (id),
	status       TEXT NOT NULL,
	event_date   TEXT NOT NULL DEFAULT '', -- partial date
	event_year   INTEGER,
	place        TEXT NOT NULL DEFAULT '',
	credibility  INTEGER NOT NULL DEFAULT 0,
	evidence     TEXT NOT NULL DEFAULT '',
	evidence_url TEXT NOT NULL DEFAULT '',
	created_at   {{time}} NOT NULL
);
CREATE INDEX claims_record ON claims (record_id);

-- A person's fields are a cache derived from its records and claims, rebuilt
-- by refreshPerson whenever its links change.
CREATE TABLE persons (
	id         {{id}},
	name       TEXT NOT NULL DEFAULT '',
	birth_date TEXT NOT NULL DEFAULT '', -- partial date
	birth_year INTEGER,
	side       TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL DEFAULT '',
	confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
	as_of      TEXT NOT NULL DEFAULT '', -- partial date
	conflict   TEXT NOT NULL DEFAULT '', -- a JSON array of claim ids, '' for none
	verified   BOOLEAN NOT NULL DEFAULT FALSE,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL
);

-- Links are never deleted: unlinking sets removed_at, so that merges and
-- splits can be undone and their history read. A record has at most one
-- current link.
CREATE TABLE links (
	id         {{id}},
	record_id  BIGINT NOT NULL REFERENCES records (id),
	person_id  BIGINT NOT NULL REFERENCES persons (id),
	score      DOUBLE PRECISION NOT NULL DEFAULT 0,
	method     TEXT NOT NULL,
	decided_by BIGINT REFERENCES users (id),
	created_at {{time}} NOT NULL,
	removed_at {{time}}
);
CREATE UNIQUE INDEX links_current_record ON links (record_id) WHERE removed_at IS NULL;
CREATE INDEX links_record ON links (record_id);
CREATE INDEX links_person ON links (person_id);

-- A caseworker's decision about a pair of records, stored with record_a <
-- record_b. A later judgement on the same pair supersedes the earlier one;
-- both are kept.
CREATE TABLE judgements (
	id         {{id}},
	record_a   BIGINT NOT NULL REFERENCES records (id),
	record_b   BIGINT NOT NULL REFERENCES records (id),
	verdict    TEXT NOT NULL,
	user_id    BIGINT REFERENCES users (id),
	note       TEXT NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL,
	CHECK (record_a < record_b)
);
CREATE INDEX judgements_pair ON judgements (record_a, record_b);
CREATE INDEX judgements_record_b ON judgements (record_b);

-- The inquirer's name, email and phone hold ciphertext (package secret):
-- contact details are never stored in the clear.
CREATE TABLE inquiries (
	id                {{id}},
	inquirer_name     TEXT NOT NULL DEFAULT '',
	inquirer_email    TEXT NOT NULL DEFAULT '',
	inquirer_phone    TEXT NOT NULL DEFAULT '',
	relationship      TEXT NOT NULL DEFAULT '',
	language          TEXT NOT NULL DEFAULT '',
	record_id         BIGINT NOT NULL REFERENCES records (id),
	person_id         BIGINT REFERENCES persons (id),
	state             TEXT NOT NULL,
	follow_token_hash TEXT NOT NULL UNIQUE,
	created_at        {{time}} NOT NULL,
	updated_at        {{time}} NOT NULL
);
CREATE INDEX inquiries_person ON inquiries (person_id);

-- The caseworkers' queue: a question whether two records (record_a <
-- record_b) describe the same human. fields is the JSON of the score's
-- []FieldWeight. A pair has at most one open item.
CREATE TABLE review_items (
	id           {{id}},
	record_a     BIGINT NOT NULL REFERENCES records (id),
	record_b     BIGINT NOT NULL REFERENCES records (id),
	score        DOUBLE PRECISION NOT NULL DEFAULT 0,
	fields       TEXT NOT NULL DEFAULT '',
	priority     DOUBLE PRECISION NOT NULL DEFAULT 0,
	inquiry_id   BIGINT REFERENCES inquiries (id),
	state        TEXT NOT NULL,
	judgement_id BIGINT REFERENCES judgements (id),
	created_at   {{time}} NOT NULL,
	CHECK (record_a < record_b)
);
CREATE UNIQUE INDEX review_items_open_pair ON review_items (record_a, record_b) WHERE state = 'open';
CREATE INDEX review_items_queue ON review_items (state, priority);
CREATE INDEX review_items_record_b ON review_items (record_b);

-- address holds ciphertext (an email address or webhook URL).
CREATE TABLE subscriptions (
	id         {{id}},
	inquiry_id BIGINT REFERENCES inquiries (id),
	person_id  BIGINT REFERENCES persons (id),
	channel    TEXT NOT NULL,
	address    TEXT NOT NULL,
	language   TEXT NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL
);
CREATE INDEX subscriptions_inquiry ON subscriptions (inquiry_id);
CREATE INDEX subscriptions_person ON subscriptions (person_id);

-- The outbox: written in the same transaction as the change it announces,
-- delivered by a worker; dedup_key makes writing and delivering idempotent.
CREATE TABLE notifications (
	id              {{id}},
	subscription_id BIGINT NOT NULL REFERENCES subscriptions (id),
	kind            TEXT NOT NULL,
	payload         TEXT NOT NULL DEFAULT '',
	dedup_key       TEXT NOT NULL UNIQUE,
	created_at      {{time}} NOT NULL,
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at {{time}} NOT NULL,
	sent_at         {{time}},
	last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE sent_at IS NULL;

CREATE TABLE estimates (
	id         {{id}},
	source_id  BIGINT NOT NULL REFERENCES sources (id),
	side       TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL DEFAULT '',
	count      BIGINT NOT NULL,
	since      TEXT NOT NULL DEFAULT '', -- partial date
	as_of      TEXT NOT NULL,            -- partial date
	note       TEXT NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL
);
CREATE INDEX estimates_source ON estimates (source_id, as_of);

CREATE TABLE audit_events (
	id         {{id}},
	at         {{time}} NOT NULL,
	actor_kind TEXT NOT NULL,
	actor_id   TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL,
	subject    TEXT NOT NULL,
	detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_subject ON audit_events (subject);
CREATE INDEX audit_events_action ON audit_events (action);
