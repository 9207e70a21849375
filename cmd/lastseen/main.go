// Command lastseen is the tracing registry: its server, its imports and its
// tools, as subcommands of one binary.
//
// Run `lastseen help` for the list of subcommands and `lastseen CMD --help`
// for each one's flags and examples.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"text/tabwriter"
)

// command is a subcommand. run parses its own flags from args.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order `lastseen help` shows them.
// Adding a subcommand is one line here.
var commands = []command{
	{"serve", "run the HTTP server (JSON API, /healthz, /metrics)", runServe},
	{"import", "import a list of records from a CSV file", runImport},
	{"link", "link the records of a CSV file into persons (batch linkage)", runLink},
	{"names", "explain a name, or compare two, in any script", runNames},
	{"gen", "generate a fictional population as CSV, for demos and tests", runGen},
	{"demo", "fill a new database with a fictional demo population", runDemo},
	{"users", "manage accounts: users add", runUsers},
	{"cases", "recompute every person's derived status after the grades changed", runCases},
	{"version", "print the version and build information", runVersion},
}

func main() {
	// SIGINT and SIGTERM cancel the context: the server shuts down
	// gracefully, an import stops after its current batch.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks an error in how a command was called, after the command has
// printed what is wrong and its usage (usageErrorf does both); lastseen then
// exits with status 2.
var errUsage = errors.New("usage")

// run runs the subcommand named by args[0] and returns the exit status: 0 on
// success (and for --help), 2 for a wrong command line, 1 for any other error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands {
		if c.name != name {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage), isFlagError(err):
			return 2 // the error and the usage have been printed
		default:
			fmt.Fprintln(stderr, commandError(name, err))
			return 1
		}
	}
	fmt.Fprintf(stderr, "lastseen: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

// isFlagError recognises the errors of the flag package, which are not typed,
// so that a command parsing its flags without parseFlags also exits with 2
// for a wrong flag. The flag package has printed the usage already.
func isFlagError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"flag provided but not defined: ", "bad flag syntax: ", "flag needs an argument: ", "invalid value ", "invalid boolean value ", "invalid boolean flag "} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "lastseen is a tracing registry for people missing in war.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: lastseen COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	fmt.Fprintf(tw, "  %s\t%s\n", "help", "show this list, or `lastseen help COMMAND` for a command's flags")
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `lastseen COMMAND --help` for a command's flags and examples.")
}

// newFlagSet returns a flag set for a subcommand whose usage shows synopsis,
// the flags and the examples. Errors go to stderr with the usage.
func newFlagSet(name, synopsis, examples string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("lastseen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: lastseen %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
		if examples != "" {
			fmt.Fprintf(w, "\nExamples:\n%s", examples)
		}
	}
	return fs
}

// parseFlags parses args. -h and --help print the usage to stdout and give
// flag.ErrHelp; a wrong flag prints the error and the usage to stderr and
// gives errUsage.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		stdout.Write(buf.Bytes())
		return flag.ErrHelp
	case err != nil:
		stderr.Write(buf.Bytes())
		return errUsage
	}
	return nil
}

// usageErrorf reports a wrong command line: the message, then the usage.
func usageErrorf(fs *flag.FlagSet, format string, args ...any) error {
	fmt.Fprintf(fs.Output(), "%s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.Usage()
	return errUsage
}

// envOr returns the environment variable's value, or def when it is unset.
func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "", "  lastseen version\n", stderr)
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf(fs, "unexpected argument %q", fs.Arg(0))
	}
	fmt.Fprintln(stdout, "lastseen "+version())
	return nil
}

// version describes the build from the module's build information: the
// module version, or the VCS revision for a build from a checkout.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown build)"
	}
	v := bi.Main.Version
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+modified"
			}
		}
	}
	out := v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += " " + rev + dirty
		if at != "" {
			out += " " + at
		}
	}
	return out + " " + bi.GoVersion
}

// commandError is the line a failed command prints: "lastseen link: open
// x.csv: …". An error that already names its command (as the subcommands'
// errors do: "names compare: want two names") does not name it twice.
func commandError(name string, err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, name+":") || strings.HasPrefix(msg, name+" ") {
		return "lastseen " + msg
	}
	return "lastseen " + name + ": " + msg
}
