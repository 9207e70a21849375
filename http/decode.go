package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/lastseen/lastseen"
)

// The request decoder reads a JSON object member by member instead of with
// json.Unmarshal into a struct, so that one response can name every unknown
// field and every value of the wrong type, with its full path
// ("claims[0].date"), rather than only the first.

// member is one name/value pair of a JSON object, in document order.
type member struct {
	name  string
	value json.RawMessage
}

// readBody reads a request body. The Content-Type is not checked: the body is
// read as JSON whatever it says (curl -d sends form encoding by default), and
// anything that is not JSON gets a problem saying where it went wrong.
func readBody(r *http.Request) ([]byte, error) {
	return io.ReadAll(r.Body)
}

// parseObject splits a JSON document that must be one object into its
// members. Malformed JSON is an error that says at which byte.
func parseObject(data []byte, path string) ([]member, *lastseen.FieldError) {
	field := path
	if field == "" {
		field = "body"
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxProblem(field, err, dec)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, &lastseen.FieldError{Field: field, Message: "must be a JSON object, not " + jsonKind(tok)}
	}
	var ms []member
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntaxProblem(field, err, dec)
		}
		name := tok.(string) // object keys are always strings
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, syntaxProblem(field, err, dec)
		}
		if seen[name] {
			return nil, &lastseen.FieldError{Field: join(path, name), Message: "is given twice"}
		}
		seen[name] = true
		ms = append(ms, member{name, v})
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, syntaxProblem(field, err, dec)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &lastseen.FieldError{Field: field, Message: fmt.Sprintf("malformed JSON at byte offset %d: data after the object", dec.InputOffset())}
	}
	return ms, nil
}

func syntaxProblem(field string, err error, dec *json.Decoder) *lastseen.FieldError {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return &lastseen.FieldError{Field: field, Message: fmt.Sprintf("malformed JSON at byte offset %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))}
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return &lastseen.FieldError{Field: field, Message: fmt.Sprintf("malformed JSON at byte offset %d: unexpected end of input", dec.InputOffset())}
	}
	return &lastseen.FieldError{Field: field, Message: fmt.Sprintf("malformed JSON at byte offset %d: %v", dec.InputOffset(), err)}
}

// jsonKind names the JSON type of a token or raw value for messages.
func jsonKind(v any) string {
	switch v := v.(type) {
	case json.Delim:
		if v == '[' {
			return "an array"
		}
		return "an object"
	case json.RawMessage:
		b := bytes.TrimSpace(v)
		if len(b) == 0 {
			return "nothing"
		}
		switch b[0] {
		case '{':
			return "an object"
		case '[':
			return "an array"
		case '"':
			return "a string"
		case 't', 'f':
			return "a boolean"
		case 'n':
			return "null"
		}
		return "a number"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a number"
}

// fields decodes object members into typed destinations, collecting a problem
// for every unknown member and every value of the wrong type.
type fields struct {
	path string
	p    *lastseen.Problems
}

// join makes a field path; an empty member name is shown quoted so that the
// path never comes out empty.
func join(path, name string) string {
	if name == "" {
		name = `""`
	}
	if path == "" {
		return name
	}
	return path + "." + name
}

// decode unmarshals v into dst (a pointer to a string, number, bool or slice
// of strings); null leaves dst as it is.
func (f fields) decode(name string, v json.RawMessage, dst any, want string) {
	if err := json.Unmarshal(v, dst); err != nil {
		if kind := jsonKind(v); kind != "a number" || want != "an integer" {
			f.p.Add(join(f.path, name), "must be %s, not %s", want, kind)
		} else {
			f.p.Add(join(f.path, name), "must be an integer, not %s", truncate(string(v), 40))
		}
	}
}

func (f fields) unknown(name string) {
	f.p.Add(join(f.path, name), "is not a known field")
}

// truncate shortens s for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
