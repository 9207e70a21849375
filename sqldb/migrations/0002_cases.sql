-- Cases: caseworkers' verifications of a person's status, and the indexes
-- the inquiry and review code reads by.

-- A verification is kept forever; the newest one of a person counts.
CREATE TABLE verifications (
	id         {{id}},
	person_id  BIGINT NOT NULL REFERENCES persons (id),
	status     TEXT NOT NULL,
	event_date TEXT NOT NULL DEFAULT '', -- partial date
	method     TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	user_id    BIGINT REFERENCES users (id),
	created_at {{time}} NOT NULL
);
CREATE INDEX verifications_person ON verifications (person_id, created_at);

CREATE INDEX inquiries_record ON inquiries (record_id);
CREATE INDEX inquiries_state ON inquiries (state, id);
CREATE INDEX review_items_inquiry ON review_items (inquiry_id) WHERE inquiry_id IS NOT NULL;
CREATE INDEX notifications_subscription ON notifications (subscription_id);
