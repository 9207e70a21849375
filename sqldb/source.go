package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lastseen/lastseen"
)

// SourceService stores sources. A source is identified by its kind and name:
// creating a second source of the same kind and name is a conflict, and
// FindOrCreateSource returns the first.
type SourceService struct {
	db *DB
}

var _ lastseen.SourceService = (*SourceService)(nil)

// NewSourceService returns the source service of db.
func NewSourceService(db *DB) *SourceService { return &SourceService{db: db} }

// CreateSource stores a new source and sets its ID and CreatedAt. Returns
// EINVALID if a field is wrong, ECONFLICT if a source of the same kind and
// name exists.
func (s *SourceService) CreateSource(ctx context.Context, src *lastseen.Source) error {
	var p lastseen.Problems
	src.Validate("", &p)
	if err := p.Err(); err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if err := createSource(ctx, tx, src); isUnique(err) {
			return lastseen.Errorf(lastseen.ECONFLICT, "A source of kind %s named %q already exists.", src.Kind, src.Name)
		} else if err != nil {
			return err
		}
		return nil
	})
}

// FindSourceByID returns ENOTFOUND if there is no such source.
func (s *SourceService) FindSourceByID(ctx context.Context, id int64) (*lastseen.Source, error) {
	var src *lastseen.Source
	err := s.db.read(ctx, func(tx *Tx) error {
		var err error
		src, err = findSourceByID(ctx, tx, id)
		return err
	})
	return src, err
}

// FindOrCreateSource returns the source with the same kind and name, creating
// it if there is none. Returns EINVALID if it would create an invalid source.
func (s *SourceService) FindOrCreateSource(ctx context.Context, src *lastseen.Source) (*lastseen.Source, error) {
	var p lastseen.Problems
	src.Validate("", &p)
	if err := p.Err(); err != nil {
		return nil, err
	}
	var out *lastseen.Source
	err := s.db.write(ctx, func(tx *Tx) error {
		var err error
		out, err = findOrCreateSource(ctx, tx, src)
		return err
	})
	return out, err
}

// FindSources returns sources ordered by name.
func (s *SourceService) FindSources(ctx context.Context, f lastseen.SourceFilter) ([]*lastseen.Source, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		args = append(args, f.Kind)
		where = append(where, fmt.Sprintf("kind = $%d", len(args)))
	}
	q := `SELECT ` + sourceColumns + ` FROM sources`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY name, id` + limitOffset(f.Limit, f.Offset)
	var out []*lastseen.Source
	err := s.db.read(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("find sources: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			src, err := scanSource(rows)
			if err != nil {
				return fmt.Errorf("find sources: %w", err)
			}
			out = append(out, src)
		}
		return rows.Err()
	})
	return out, err
}

const sourceColumns = `id, kind, name, url, publisher, source_date, reliability, created_at`

func scanSource(row interface{ Scan(...any) error }) (*lastseen.Source, error) {
	var src lastseen.Source
	var date string
	if err := row.Scan(&src.ID, &src.Kind, &src.Name, &src.URL, &src.Publisher, &date, &src.Reliability, &src.CreatedAt); err != nil {
		return nil, err
	}
	var err error
	if src.Date, err = parseStoredDate("source_date", date); err != nil {
		return nil, err
	}
	src.CreatedAt = src.CreatedAt.UTC()
	return &src, nil
}

func findSourceByID(ctx context.Context, tx *Tx, id int64) (*lastseen.Source, error) {
	src, err := scanSource(tx.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, lastseen.Errorf(lastseen.ENOTFOUND, "Source %d not found.", id)
	} else if err != nil {
		return nil, fmt.Errorf("find source %d: %w", id, err)
	}
	return src, nil
}

func createSource(ctx context.Context, tx *Tx, src *lastseen.Source) error {
	err := tx.QueryRowContext(ctx, `
		INSERT INTO sources (kind, name, url, publisher, source_date, reliability, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		src.Kind, src.Name, src.URL, src.Publisher, src.Date.String(), src.Reliability, tx.now,
	).Scan(&src.ID)
	if err != nil {
		return fmt.Errorf("create source: %w", err)
	}
	src.CreatedAt = tx.now
	return tx.audit(ctx, "source.create", fmt.Sprintf("source:%d", src.ID), "")
}

// findOrCreateSource inserts the source unless one of the same kind and name
// exists, then reads it back. ON CONFLICT DO NOTHING makes it safe against a
// concurrent creator on PostgreSQL, where writers are not serialised.
func findOrCreateSource(ctx context.Context, tx *Tx, src *lastseen.Source) (*lastseen.Source, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `
		INSERT INTO sources (kind, name, url, publisher, source_date, reliability, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT DO NOTHING RETURNING id`,
		src.Kind, src.Name, src.URL, src.Publisher, src.Date.String(), src.Reliability, tx.now,
	).Scan(&id)
	switch {
	case err == nil:
		if err := tx.audit(ctx, "source.create", fmt.Sprintf("source:%d", id), ""); err != nil {
			return nil, err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("find or create source: %w", err)
	}
	out, err := scanSource(tx.QueryRowContext(ctx,
		`SELECT `+sourceColumns+` FROM sources WHERE kind = $1 AND name = $2`, src.Kind, src.Name))
	if err != nil {
		return nil, fmt.Errorf("find or create source: %w", err)
	}
	return out, nil
}

// limitOffset is the LIMIT/OFFSET clause; 0 means no limit. The numbers are
// formatted, not bound, so that the clause reads the same on both databases.
func limitOffset(limit, offset int) string {
	s := ""
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		if limit <= 0 {
			// SQLite requires a LIMIT before an OFFSET, and the two
			// databases spell "no limit" differently.
			s += " LIMIT 9223372036854775807"
		}
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}
