// Package synth generates a realistic, clearly fictional population of people
// missing in the Russia–Ukraine war, and the records that sources wrote about
// them, with the ground truth of who is who. Linkage, import and search are
// measured on it.
//
// The population model, the sources and the rates are described in the
// sections below; DefaultConfig gives the default rates.
package synth
