// Package lastseen is the domain of a tracing registry for people missing in war.
//
// A family files an inquiry; anyone files what they know as a Record from a Source;
// the linkage engine links the records that describe the same human into a Person;
// the person's status is derived from the graded Claims of its records; the people
// who wait are notified through an outbox. This package holds the types, the
// service contracts and the one error type. It imports only the standard library:
// storage (sqldb), HTTP (http), formats (csvio, pfif) and the pure engines (names,
// linkage) depend on it, never the reverse.
package lastseen

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. The HTTP layer maps each to one status code; nothing else should
// switch on error text.
const (
	EINVALID      = "invalid"      // 400: the input is wrong; Fields says where
	EUNAUTHORIZED = "unauthorized" // 401: who you are is not known
	EFORBIDDEN    = "forbidden"    // 403: who you are may not do this
	ENOTFOUND     = "not_found"    // 404
	ECONFLICT     = "conflict"     // 409: the state forbids it (duplicate, stale, judged)
	EINTERNAL     = "internal"     // 500: our fault; the message is not shown to callers
)

// Error is the application error. Message is safe to show to the caller.
// For EINVALID, Fields names every offending field, so one response can list
// all of them instead of making the caller fix them one by one.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
}

// FieldError names one offending field. Field is the JSON/CSV name, with a path
// for nested values ("claims[0].date").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("lastseen error: code=%s message=%s", e.Code, e.Message)
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return fmt.Sprintf("lastseen error: code=%s message=%s (%s)", e.Code, e.Message, strings.Join(parts, "; "))
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the caller-safe message of err. Internal errors get a
// generic message so that no SQL or stack detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the field errors of the first *Error in err's chain.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field errors while validating, so that every offending
// field is reported at once.
type Problems []FieldError

// Add records a problem with field.
func (p *Problems) Add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when there are no problems, else an EINVALID *Error that
// lists them all.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	msg := "Invalid " + p[0].Field + ": " + p[0].Message
	if len(p) > 1 {
		msg = fmt.Sprintf("%d fields are invalid", len(p))
	}
	return &Error{Code: EINVALID, Message: msg, Fields: append([]FieldError(nil), p...)}
}
