package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

func runOverlap(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "overlap", "[--theme T] [--first N] [--json] SUMMIT",
		"Print a summit's overlap report: how many of its mandates renew earlier ones, what it renews of each earlier\nsummit, the RENEWS links with their score and evidence, and the earlier mandates that no mandate of it or of a\nlater summit renews. SUMMIT is an id, a name, a city, a year or an ordinal (\"2022\", \"Los Angeles\", \"9\").\nWhile a server holds the store, the report is read through its GraphQL API, and prints the same.")
	theme := fs.String("theme", "", "only the mandates that mention this theme (an id, or a name the catalog knows)")
	first := fs.Int("first", 20, "list at most N renewals and N mandates not renewed (0: all of them)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("give a summit: an id, a name, a city, a year or an ordinal")
	}
	if *first < 0 {
		return usageError("--first must be 0 (all) or more")
	}
	var q gqlFunc
	a, err := openAppRead(ctx, e.storeDir)
	if base, ok := servedBy(err, e.storeDir); ok {
		q = func(query string, vars map[string]any, out any) error {
			return queryServer(ctx, base, query, vars, out)
		}
	} else if err != nil {
		return err
	} else {
		defer a.Close()
		h := a.queryHandler()
		q = func(query string, vars map[string]any, out any) error {
			body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
			req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return decodeGraphQL(rec.Body.Bytes(), "the store", out)
		}
	}
	rep, err := readOverlap(q, strings.Join(fs.Args(), " "), *theme, *first)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	rep.print(e.stdout)
	return nil
}

// gqlFunc runs one GraphQL operation (in process, or on the server holding
// the store) and decodes its data into out.
type gqlFunc func(query string, vars map[string]any, out any) error

// overlapReport is what overlap prints; its JSON is what overlap --json
// prints.
type overlapReport struct {
	Asked      string   `json:"asked"`
	DidYouMean []string `json:"didYouMean,omitempty"`
	overlapHead
	Renewals        []overlapRenewal `json:"renewals"`
	RenewalsTotal   int              `json:"renewalsTotal"`
	NotRenewed      []overlapMandate `json:"notRenewed"`
	NotRenewedTotal int              `json:"notRenewedTotal"`
}

// overlapHead is the report's first part, as Query.overlap answers it.
type overlapHead struct {
	Summit overlapSummit `json:"summit"`
	Theme  *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"theme"`
	Mandates int `json:"mandates"`
	Renewing int `json:"renewing"`
	Summits  []struct {
		Summit     overlapSummit `json:"summit"`
		Mandates   int           `json:"mandates"`
		Renewing   int           `json:"renewing"`
		Renewed    int           `json:"renewed"`
		NotRenewed int           `json:"notRenewed"`
	} `json:"summits"`
}

type overlapSummit struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Name    string `json:"name"`
	NameEs  string `json:"nameEs,omitempty"`
	City    string `json:"city"`
	Year    int    `json:"year"`
	Ordinal *int   `json:"ordinal"`
}

type overlapMandate struct {
	ID       string         `json:"id"`
	Label    string         `json:"label"`
	Language string         `json:"language,omitempty"`
	Summit   *overlapSummit `json:"summit,omitempty"`
}

type overlapRenewal struct {
	From     overlapMandate `json:"from"`
	To       overlapMandate `json:"to"`
	Score    float64        `json:"score"`
	Evidence string         `json:"evidence"`
}

const overlapFields = `summit { id label name nameEs city year ordinal } theme { id name } mandates renewing
  summits { summit { id label name city year ordinal } mandates renewing renewed notRenewed }
  renewals(first: $n, after: $ra) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { from { id label language } to { id label language summit { id label name city year ordinal } } score evidence } } }
  notRenewed(first: $n, after: $na) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id label language summit { id label name city year ordinal } } } }`

type pageInfo struct {
	HasNextPage bool
	EndCursor   string
}

// readOverlap resolves the summit and the theme asked for and reads the
// report, first renewals and first mandates not renewed (every one when
// first is 0), page by page.
func readOverlap(q gqlFunc, summit, theme string, first int) (*overlapReport, error) {
	var ss struct{ Summits []overlapSummit }
	if err := q(`{ summits { id label name nameEs city year ordinal } }`, nil, &ss); err != nil {
		return nil, err
	}
	rep := &overlapReport{Asked: summit}
	sm, near, err := pickSummit(ss.Summits, summit)
	if err != nil {
		return nil, err
	}
	rep.DidYouMean = near
	vars := map[string]any{"s": sm.ID}
	if theme != "" {
		id, err := pickTheme(q, theme)
		if err != nil {
			return nil, err
		}
		vars["t"] = id
	}
	const page = 500
	var ra, na string
	needR, needN := true, true
	for needR || needN {
		n := page
		if first > 0 {
			n = min(page, max(first-len(rep.Renewals), first-len(rep.NotRenewed)))
		}
		vars["n"], vars["ra"], vars["na"] = n, ra, na
		var d struct {
			Overlap struct {
				overlapHead
				Renewals struct {
					TotalCount int
					PageInfo   pageInfo
					Edges      []struct{ Node overlapRenewal }
				}
				NotRenewed struct {
					TotalCount int
					PageInfo   pageInfo
					Edges      []struct{ Node overlapMandate }
				}
			}
		}
		err := q(`query($s: ID!, $t: ID, $n: Int, $ra: String, $na: String) { overlap(summit: $s, theme: $t) { `+overlapFields+` } }`, vars, &d)
		if err != nil {
			return nil, err
		}
		o := &d.Overlap
		if ra == "" && na == "" {
			rep.overlapHead = o.overlapHead
			rep.Summit.NameEs = sm.NameEs
			rep.RenewalsTotal, rep.NotRenewedTotal = o.Renewals.TotalCount, o.NotRenewed.TotalCount
			rep.Renewals, rep.NotRenewed = []overlapRenewal{}, []overlapMandate{}
		}
		if needR {
			for _, e := range o.Renewals.Edges {
				rep.Renewals = append(rep.Renewals, e.Node)
			}
			ra = o.Renewals.PageInfo.EndCursor
			needR = o.Renewals.PageInfo.HasNextPage && (first == 0 || len(rep.Renewals) < first)
		}
		if needN {
			for _, e := range o.NotRenewed.Edges {
				rep.NotRenewed = append(rep.NotRenewed, e.Node)
			}
			na = o.NotRenewed.PageInfo.EndCursor
			needN = o.NotRenewed.PageInfo.HasNextPage && (first == 0 || len(rep.NotRenewed) < first)
		}
	}
	if first > 0 {
		rep.Renewals = rep.Renewals[:min(first, len(rep.Renewals))]
		rep.NotRenewed = rep.NotRenewed[:min(first, len(rep.NotRenewed))]
	}
	return rep, nil
}

// summitNames are the forms a summit may be asked by, normalized: its id
// (and the id without "summit/"), names, city, label, year and ordinal.
func summitNames(s overlapSummit) []string {
	names := []string{s.ID, strings.TrimPrefix(s.ID, "summit/"), s.Name, s.NameEs, s.City, s.Label, strconv.Itoa(s.Year)}
	if s.Ordinal != nil {
		names = append(names, strconv.Itoa(*s.Ordinal))
	}
	out := names[:0]
	for _, n := range names {
		if n = graph.NormalizeName(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// pickSummit finds the summit asked for: the one a form of which is the
// name asked, else the nearest (within the edit distance trace allows, store.MaxEdits),
// said so in near; an error when none, or several, are.
func pickSummit(all []overlapSummit, asked string) (overlapSummit, []string, error) {
	q := graph.NormalizeName(asked)
	var exact []overlapSummit
	for _, s := range all {
		for _, n := range summitNames(s) {
			if n == q {
				exact = append(exact, s)
				break
			}
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0], nil, nil
	case len(exact) > 1:
		var ls []string
		for _, s := range exact {
			ls = append(ls, s.Label+" ("+s.ID+")")
		}
		return overlapSummit{}, nil, graph.Errorf(graph.EINVALID, "%q names %d summits: %s; give its id", asked, len(exact), strings.Join(ls, ", "))
	}
	type cand struct {
		s     overlapSummit
		score float64
	}
	var cs []cand
	n := utf8.RuneCountInString(q)
	for _, s := range all {
		best := -1.0
		for _, name := range summitNames(s) {
			m := utf8.RuneCountInString(name)
			d := levenshtein.ComputeDistance(q, name)
			if d <= store.MaxEdits(n) {
				best = max(best, 1-float64(d)/float64(max(n, m)))
			}
		}
		if best >= 0 {
			cs = append(cs, cand{s, best})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	var near []string
	for _, c := range cs {
		near = append(near, fmt.Sprintf("%s (%s, score %.2f)", c.s.Label, c.s.ID, c.score))
	}
	switch {
	case len(cs) == 0:
		return overlapSummit{}, nil, graph.Errorf(graph.ENOTFOUND, "no summit is called %q: give an id, a name, a city, a year or an ordinal (summitgraph query '{ summits { id label } }' lists them)", asked)
	case len(cs) > 1 && cs[1].score == cs[0].score:
		return overlapSummit{}, nil, graph.Errorf(graph.ENOTFOUND, "no summit is called %q; did you mean %s?", asked, strings.Join(near, ", or "))
	}
	return cs[0].s, near, nil
}

// pickTheme is the id of the theme asked for: an id, or the first theme of
// those the name resolves to.
func pickTheme(q gqlFunc, asked string) (string, error) {
	if strings.HasPrefix(asked, "theme/") {
		return asked, nil
	}
	var r struct {
		Resolve []struct{ ID, Name, Kind string }
	}
	if err := q(`query($n: String!) { resolve(name: $n) { id name kind } }`, map[string]any{"n": asked}, &r); err != nil {
		return "", err
	}
	for _, e := range r.Resolve {
		if e.Kind == string(graph.KindTheme) {
			return e.ID, nil
		}
	}
	return "", graph.Errorf(graph.ENOTFOUND, "no theme is called %q (give a theme's id, e.g. theme/open-government, or its name)", asked)
}

// print writes the report as tables.
func (r *overlapReport) print(w io.Writer) {
	if r.DidYouMean != nil {
		fmt.Fprintf(w, "no summit is called %q; did you mean %s? Its overlap:\n", r.Asked, strings.Join(r.DidYouMean, ", or "))
	}
	fmt.Fprintf(w, "%s (%s, %s)", r.Summit.Label, r.Summit.Name, r.Summit.ID)
	if r.Theme != nil {
		fmt.Fprintf(w, ", theme %s (%s)", r.Theme.Name, r.Theme.ID)
	}
	fmt.Fprintf(w, "\n%s, %d renewing earlier ones (%s)\n", count(r.Mandates, "mandate"), r.Renewing, count(r.RenewalsTotal, "RENEWS link"))
	if len(r.Summits) == 0 {
		fmt.Fprintln(w, "no earlier summit has mandates here")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nEARLIER SUMMIT\tMANDATES\tRENEWED\tRENEWING THEM\tNOT RENEWED")
	for _, s := range r.Summits {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\n", s.Summit.Label, s.Mandates, s.Renewed, s.Renewing, s.NotRenewed)
	}
	tw.Flush()
	if len(r.Renewals) > 0 {
		fmt.Fprintf(w, "\nRENEWS, best first (%s)\n", shown(len(r.Renewals), r.RenewalsTotal))
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SCORE\tMANDATE\tRENEWS\tEVIDENCE")
		for _, rn := range r.Renewals {
			to := firstWords(traceMandate{Label: rn.To.Label, Language: rn.To.Language})
			if rn.To.Summit != nil {
				to = rn.To.Summit.Label + ": " + to
			}
			fmt.Fprintf(tw, "%.2f\t%s\t%s\t%s\n", rn.Score, firstWords(traceMandate{Label: rn.From.Label, Language: rn.From.Language}), to, rn.Evidence)
		}
		tw.Flush()
	}
	if len(r.NotRenewed) > 0 {
		fmt.Fprintf(w, "\nNOT RENEWED by this summit or a later one (%s)\n", shown(len(r.NotRenewed), r.NotRenewedTotal))
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SUMMIT\tMANDATE")
		for _, m := range r.NotRenewed {
			label := ""
			if m.Summit != nil {
				label = m.Summit.Label
			}
			fmt.Fprintf(tw, "%s\t%s\n", label, firstWords(traceMandate{Label: m.Label, Language: m.Language}))
		}
		tw.Flush()
	}
}

// shown says how many of a list's items are printed: "2" or "20 of 143;
// --first N for more".
func shown(n, total int) string {
	if n == total {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d of %d; --first 0 for all", n, total)
}
