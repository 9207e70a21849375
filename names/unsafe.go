package names

import "unsafe"

// unsafeBytes views an immutable string as bytes for read-only comparison, so
// that comparing two prepared names copies nothing.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
