-- Estimates: one figure per source, side, status, period and as-of date, so
-- that re-importing a series adds nothing; and the filter of GET
-- /api/v1/estimates by side and status.
CREATE UNIQUE INDEX estimates_point ON estimates (source_id, side, status, since, as_of);
CREATE INDEX estimates_side_status ON estimates (side, status, as_of);
