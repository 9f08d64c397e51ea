package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
)

// command is one subcommand: its one-line summary and what it runs.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

var commands = map[string]command{
	"serve":   {"serve the graph over HTTP (GraphQL, GraphiQL, health); ingests the seeds into an empty store", runServe},
	"ingest":  {"ingest mandate pages (files or folders) into the store", runIngest},
	"query":   {"run one GraphQL operation in process and print the JSON response", runQuery},
	"trace":   {"print an entity's timeline across summits (any name, alias or acronym)", runTrace},
	"overlap": {"print a summit's overlap report: what its mandates renew of earlier summits, and what none renews", runOverlap},
	"export":  {"export the graph for graph tools: graphml, gexf, cytoscape, nquads (Dgraph)", runExport},
	"version": {"print the version, commit and Go version", runVersion},
	"gen":     {"generate a deterministic synthetic corpus for benchmarks and tests", runGen},
	"backup":  {"write a full backup of the store (also while a server holds it)", runBackup},
	"restore": {"restore a backup into an empty store", runRestore},
	"check":   {"verify the store (checksums, files, records) without changing it", runCheck},
	"compact": {"rewrite the store's tables into one level (a large ingest does it by itself)", runCompact},
}

// env is what every command gets: where to write, which store to use, and
// the settings of the run.
type env struct {
	stdout, stderr io.Writer
	storeDir       string
	settings
}

// settings are what a run takes beyond its arguments: none on the command
// line (Run), a test's elsewhere (runWith).
type settings struct {
	// ingest are the options of ingests (tests make the memtables small,
	// so that a small ingest spreads its tables over levels as a large one
	// does).
	ingest ingest.Options
}

// exitError carries an exit status other than 1 (2 for usage errors).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// Run runs summitgraph with the given arguments (without the program name)
// and returns the exit status: 0 on success, 1 on failure, 2 on a usage
// error.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, stdout, stderr, settings{})
}

// runWith is Run with the given settings.
func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, set settings) int {
	fs := flag.NewFlagSet("summitgraph", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	defStore := os.Getenv("SUMMITGRAPH_STORE")
	if defStore == "" {
		defStore = "./data"
	}
	store := fs.String("store", defStore, "store folder (or $SUMMITGRAPH_STORE)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "summitgraph: %v\n", err)
		usage(stderr)
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		usage(stderr)
		return 2
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "summitgraph: unknown command %q\n", name)
		usage(stderr)
		return 2
	}
	e := &env{stdout: stdout, stderr: stderr, storeDir: *store, settings: set}
	if err := runCommand(ctx, cmd, e, rest[1:]); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.err != nil && !errors.Is(ee.err, flag.ErrHelp) && ee.err.Error() != "" {
				fmt.Fprintf(stderr, "summitgraph %s: %v\n", name, ee.err)
			}
			return ee.code
		}
		fmt.Fprintf(stderr, "summitgraph %s: %s\n", name, userMessage(err))
		return 1
	}
	return 0
}

// runCommand runs a command, turning a panic (Badger's, on a file it
// cannot read) into an error: the command fails with a line, not a trace.
func runCommand(ctx context.Context, cmd command, e *env, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (%v): if the store is damaged, summitgraph check says how", r)
		}
	}()
	return cmd.run(ctx, e, args)
}

// count is n and the noun, plural unless n is 1: count(1, "mandate") is
// "1 mandate", count(2, "summit") "2 summits"; a noun that does not take
// an s gives its plural.
func count(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// userMessage is what a user sees of an error: domain errors and input
// errors as they are; anything else with its chain.
func userMessage(err error) string {
	var de *graph.Error
	if errors.As(err, &de) {
		return de.Message
	}
	return err.Error()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: summitgraph [--store DIR] COMMAND [ARGS]")
	fmt.Fprintln(w, "\nThe store is ./data unless --store or $SUMMITGRAPH_STORE says otherwise.\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'summitgraph COMMAND -h' for a command's flags.")
}

// newFlags makes a command's flag set; -h prints its usage to stdout.
func newFlags(e *env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: summitgraph [--store DIR] %s %s\n\n%s\n", name, args, summary)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
		if b.Len() > 0 {
			fmt.Fprintf(fs.Output(), "\nFlags:\n%s", b.String())
		}
	}
	return fs
}

// parseFlags parses a command's flags, turning -h into a clean exit and
// bad flags into a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return &exitError{code: 0, err: flag.ErrHelp}
		}
		return &exitError{code: 2, err: errors.New("")}
	}
	return nil
}
