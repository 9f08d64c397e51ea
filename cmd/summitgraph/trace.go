package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"summitgraph/graph"
)

func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trace", "NAME", "Print a convention's (or any entity's) timeline across summits. NAME may be any name, alias or acronym, English or Spanish.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("give the name, alias or acronym of an entity")
	}
	name := strings.Join(fs.Args(), " ")
	a, err := openAppRead(ctx, e.storeDir)
	if err != nil {
		return err
	}
	defer a.Close()
	ents, err := a.store.Resolve(ctx, name, 5)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		// No name is this one or starts with it: the nearest, said so.
		near, err := a.store.Nearest(ctx, name, 5)
		if err != nil {
			return err
		}
		if len(near) == 0 {
			return graph.Errorf(graph.ENOTFOUND, "no convention, institution or theme is called %q", name)
		}
		if len(near) > 1 && near[1].Score == near[0].Score {
			// Nothing to choose between the nearest: ask.
			return graph.Errorf(graph.ENOTFOUND, "no convention, institution or theme is called %q; did you mean %s?", name, didYouMean(near))
		}
		fmt.Fprintf(e.stdout, "no convention, institution or theme is called %q; did you mean %s? Its trace:\n", name, didYouMean(near))
		ents = []*graph.Entity{near[0].Entity}
	}
	ent, steps, err := a.store.Trace(ctx, ents[0].ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s (%s, %s)\n", ent.Name, strings.ToLower(string(ent.EntityKind)), ent.ID)
	if len(ents) > 1 {
		var others []string
		for _, o := range ents[1:] {
			others = append(others, o.Name)
		}
		fmt.Fprintf(e.stdout, "also matching %q: %s\n", name, strings.Join(others, "; "))
	}
	if len(steps) == 0 {
		fmt.Fprintln(e.stdout, "no attributed mandate mentions it")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUMMIT\tYEAR\tMANDATES\tFIRST WORDS")
	total := 0
	for _, s := range steps {
		mandates, errs := a.store.Nodes(ctx, s.Mandates)
		for i, m := range mandates {
			if errs[i] != nil {
				return errs[i]
			}
			if i == 0 {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", s.Summit.Label(), s.Summit.Year, len(s.Mandates), firstWords(m))
			} else {
				fmt.Fprintf(tw, "\t\t\t%s\n", firstWords(m))
			}
		}
		total += len(s.Mandates)
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "%d mandates at %d summits\n", total, len(steps))
	return nil
}

// firstWords is a mandate's number and first words, for a table.
func firstWords(m graph.Node) string {
	// A paragraph in another language than English says which.
	if md, ok := m.(*graph.Mandate); ok && md.Language != "" && md.Language != "en" {
		return "[" + md.Language + "] " + m.Label()
	}
	return m.Label()
}

// didYouMean lists the nearest names with their scores, the best first:
// `MESICIC (Follow-up Mechanism for ..., 0.86)`.
func didYouMean(near []graph.NameMatch) string {
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
