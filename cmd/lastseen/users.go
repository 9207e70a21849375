package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/secret"
	"github.com/lastseen/lastseen/sqldb"
)

const usersExamples = `  lastseen users add --role caseworker --email olena@example.org --name "Olena K." --password-file pw.txt
  printf '%s\n' "$PASSWORD" | lastseen users add --role admin --email root@example.org --password-file -
  lastseen users add --role caseworker --email ivan@example.org    # prints a new random password

A caseworker signs in with POST /api/v1/auth/token {"email", "password"} for an API token.
`

// minPassword is the shortest password accepted: argon2id slows guessing,
// it does not make "1234" safe.
const minPassword = 12

// runUsers manages accounts. Only "add" exists for now.
func runUsers(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintf(stdout, "Usage: lastseen users add --role ROLE --email EMAIL [--name NAME] [--password-file FILE]\n\nExamples:\n%s", usersExamples)
			return nil
		}
		if len(args) == 0 {
			fmt.Fprintf(stderr, "lastseen users: say what to do: add\n")
		} else {
			fmt.Fprintf(stderr, "lastseen users: %q: say what to do: add\n", args[0])
		}
		fmt.Fprint(stderr, "Usage: lastseen users add --role ROLE --email EMAIL [--name NAME] [--password-file FILE]\n")
		return errUsage
	}
	fs := newFlagSet("users add", "--role ROLE --email EMAIL [--name NAME] [--password-file FILE] [--db DSN]", usersExamples, stderr)
	dsn := fs.String("db", envOr("LASTSEEN_DB", defaultDB), "database: sqlite:PATH or a postgres:// URL (env LASTSEEN_DB)")
	role := fs.String("role", "", "`role` of the account: "+roleList())
	email := fs.String("email", "", "`email` the user signs in with")
	name := fs.String("name", "", "the user's `name` as colleagues know it")
	pwFile := fs.String("password-file", envOr("LASTSEEN_PASSWORD_FILE", ""), "`file` whose first line is the password, - for stdin; without it a random password is made and printed (env LASTSEEN_PASSWORD_FILE)")
	if err := parseFlags(fs, args[1:], stdout, stderr); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageErrorf(fs, "unexpected argument %q", fs.Arg(0))
	case !slices.Contains(lastseen.Roles, lastseen.Role(*role)):
		return usageErrorf(fs, "--role %q: use one of %s", *role, roleList())
	case !strings.Contains(*email, "@"):
		return usageErrorf(fs, "--email %q is not an email address", *email)
	}
	password, generated, err := readPassword(*pwFile)
	if err != nil {
		return err
	}
	if len(password) < minPassword {
		return fmt.Errorf("the password is %d characters long; use at least %d", len(password), minPassword)
	}
	hash, err := secret.HashPassword(password, secret.DefaultParams)
	if err != nil {
		return err
	}
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u := &lastseen.User{Name: *name, Email: *email, Role: lastseen.Role(*role), PasswordHash: hash}
	if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
		return fmt.Errorf("add user %s: %s%s", *email, lastseen.ErrorMessage(err), fieldList(err))
	}
	fmt.Fprintf(stdout, "added user %d: %s (%s)\n", u.ID, u.Email, u.Role)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n(shown once: hand it over in person)\n", password)
	}
	return nil
}

// readPassword reads the first line of path ("-" for stdin), or makes a
// random password when path is "".
func readPassword(path string) (pw string, generated bool, err error) {
	if path == "" {
		tok, err := secret.NewToken()
		if err != nil {
			return "", false, err
		}
		return tok[:24], true, nil
	}
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", false, fmt.Errorf("password file: %w", err)
		}
		defer f.Close()
		r = f
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", false, fmt.Errorf("password file %s: %w", path, err)
	}
	return strings.TrimRight(line, "\r\n"), false, nil
}

func roleList() string {
	names := make([]string, len(lastseen.Roles))
	for i, r := range lastseen.Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// fieldList formats an error's field problems for a terminal.
func fieldList(err error) string {
	var parts []string
	for _, f := range lastseen.ErrorFields(err) {
		parts = append(parts, f.Field+": "+f.Message)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}
