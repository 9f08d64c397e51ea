package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trace", "[--json] NAME", "Print a convention's (or any entity's) timeline across summits. NAME may be any name, alias or acronym, English or Spanish.\nWhile a server holds the store, the trace is read through its GraphQL API, and prints the same.")
	asJSON := fs.Bool("json", false, "print the timeline as JSON (the entity, each summit's mandates, the names meant)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("give the name, alias or acronym of an entity")
	}
	name := strings.Join(fs.Args(), " ")
	var tl *timeline
	a, err := openAppRead(ctx, e.storeDir)
	if base, ok := servedBy(err, e.storeDir); ok {
		tl, err = traceRemote(ctx, base, name)
	} else if err == nil {
		defer a.Close()
		tl, err = traceLocal(ctx, a.store, name)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(tl)
	}
	tl.print(e.stdout)
	return nil
}

// timeline is what trace prints, read from the store or from the server
// that holds it; its JSON is what trace --json prints.
type timeline struct {
	Name string `json:"name"`
	// DidYouMean is set when no name is the one asked for: the nearest
	// names, best first; the entity is the first one's.
	DidYouMean   []nameMatch    `json:"didYouMean,omitempty"`
	Entity       traceEntity    `json:"entity"`
	AlsoMatching []traceEntity  `json:"alsoMatching,omitempty"`
	Steps        []timelineStep `json:"steps"`
	Mandates     int            `json:"mandates"`
}

type traceEntity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
}

type nameMatch struct {
	Name   string      `json:"name"`
	Score  float64     `json:"score"`
	Entity traceEntity `json:"entity"`
}

type timelineStep struct {
	Summit struct {
		ID    string `json:"id"`
		Label string `json:"label"`
		Year  int    `json:"year"`
	} `json:"summit"`
	Mandates []traceMandate `json:"mandates"`
}

type traceMandate struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Language string `json:"language,omitempty"`
}

// pick chooses the entity to trace: the first of those named name (at most
// five), else the nearest name, unless the nearest are equally near. It
// fills tl's name, the entities matched, and what it meant.
func (tl *timeline) pick(name string, named []traceEntity, near []nameMatch) error {
	tl.Name = name
	if len(named) == 0 {
		// No name is this one or starts with it: the nearest, said so.
		if len(near) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "no convention, institution or theme is called %q", name)
		}
		if len(near) > 1 && near[1].Score == near[0].Score {
			// Nothing to choose between the nearest: ask.
			return graph.Errorf(graph.ENOTFOUND, "no convention, institution or theme is called %q; did you mean %s?", name, didYouMean(near))
		}
		tl.DidYouMean = near
		named = []traceEntity{near[0].Entity}
	}
	tl.Entity = named[0]
	if len(named) > 5 {
		named = named[:5]
	}
	tl.AlsoMatching = named[1:]
	return nil
}

// traceLocal reads name's timeline from the store.
func traceLocal(ctx context.Context, st *store.Store, name string) (*timeline, error) {
	ents, err := st.Resolve(ctx, name, 5)
	if err != nil {
		return nil, err
	}
	var named []traceEntity
	for _, e := range ents {
		named = append(named, traceEntity{ID: e.ID, Name: e.Name})
	}
	var near []nameMatch
	if len(named) == 0 {
		nm, err := st.Nearest(ctx, name, 5)
		if err != nil {
			return nil, err
		}
		for _, m := range nm {
			near = append(near, nameMatch{Name: m.Name, Score: m.Score, Entity: traceEntity{ID: m.Entity.ID, Name: m.Entity.Name}})
		}
	}
	tl := &timeline{}
	if err := tl.pick(name, named, near); err != nil {
		return nil, err
	}
	ent, steps, err := st.Trace(ctx, tl.Entity.ID)
	if err != nil {
		return nil, err
	}
	tl.Entity.Kind = string(ent.EntityKind)
	tl.Steps = []timelineStep{}
	for _, s := range steps {
		var step timelineStep
		step.Summit.ID, step.Summit.Label, step.Summit.Year = s.Summit.ID, s.Summit.Label(), s.Summit.Year
		mandates, errs := st.Nodes(ctx, s.Mandates)
		for i, m := range mandates {
			if errs[i] != nil {
				return nil, errs[i]
			}
			tm := traceMandate{ID: m.NodeID(), Label: m.Label()}
			if md, ok := m.(*graph.Mandate); ok {
				tm.Language = md.Language
			}
			step.Mandates = append(step.Mandates, tm)
		}
		tl.Steps = append(tl.Steps, step)
		tl.Mandates += len(step.Mandates)
	}
	return tl, nil
}

// traceRemote reads name's timeline through the GraphQL API of the server
// at base: the same reads as traceLocal, so that it prints the same.
func traceRemote(ctx context.Context, base, name string) (*timeline, error) {
	var names struct {
		Resolve      []traceEntity
		NearestNames []nameMatch
	}
	err := queryServer(ctx, base, `query($n: String!) { resolve(name: $n, nearest: false) { id name } nearestNames(name: $n, first: 5) { name score entity { id name } } }`,
		map[string]any{"n": name}, &names)
	if err != nil {
		return nil, err
	}
	tl := &timeline{}
	if err := tl.pick(name, names.Resolve, names.NearestNames); err != nil {
		return nil, err
	}
	var tr struct {
		Trace struct {
			Entity struct{ Kind string }
			Steps  []timelineStep
		}
	}
	err = queryServer(ctx, base, `query($id: ID!) { trace(entity: $id) { entity { kind } steps { summit { id label year } mandates { id label language } } } }`,
		map[string]any{"id": tl.Entity.ID}, &tr)
	if err != nil {
		return nil, err
	}
	tl.Entity.Kind, tl.Steps = tr.Trace.Entity.Kind, tr.Trace.Steps
	if tl.Steps == nil {
		tl.Steps = []timelineStep{}
	}
	for _, s := range tl.Steps {
		tl.Mandates += len(s.Mandates)
	}
	return tl, nil
}

// print writes the timeline as a table.
func (tl *timeline) print(w io.Writer) {
	if tl.DidYouMean != nil {
		fmt.Fprintf(w, "no convention, institution or theme is called %q; did you mean %s? Its trace:\n", tl.Name, didYouMean(tl.DidYouMean))
	}
	fmt.Fprintf(w, "%s (%s, %s)\n", tl.Entity.Name, strings.ToLower(tl.Entity.Kind), tl.Entity.ID)
	if len(tl.AlsoMatching) > 0 {
		var others []string
		for _, o := range tl.AlsoMatching {
			others = append(others, o.Name)
		}
		fmt.Fprintf(w, "also matching %q: %s\n", tl.Name, strings.Join(others, "; "))
	}
	if len(tl.Steps) == 0 {
		fmt.Fprintln(w, "no attributed mandate mentions it")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUMMIT\tYEAR\tMANDATES\tFIRST WORDS")
	for _, s := range tl.Steps {
		for i, m := range s.Mandates {
			if i == 0 {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", s.Summit.Label, s.Summit.Year, len(s.Mandates), firstWords(m))
			} else {
				fmt.Fprintf(tw, "\t\t\t%s\n", firstWords(m))
			}
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "%s at %s\n", count(tl.Mandates, "mandate"), count(len(tl.Steps), "summit"))
}

// firstWords is a mandate's number and first words, for a table.
func firstWords(m traceMandate) string {
	// A paragraph in another language than English says which.
	if m.Language != "" && m.Language != "en" {
		return "[" + m.Language + "] " + m.Label
	}
	return m.Label
}

// didYouMean lists the nearest names with their scores, the best first:
// `MESICIC (Follow-up Mechanism for ..., 0.86)`.
func didYouMean(near []nameMatch) string {
	var parts []string
	for _, m := range near {
		what := m.Entity.Name
		if m.Name == m.Entity.Name {
			what = m.Entity.ID
		}
		parts = append(parts, fmt.Sprintf("%s (%s, score %.2f)", m.Name, what, m.Score))
	}
	return strings.Join(parts, ", or ")
}
