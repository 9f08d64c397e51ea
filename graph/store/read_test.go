package store_test

import (
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// worldStore is a store holding a generated corpus, with fileA, fileB and
// fileC, and its snapshot.
func worldStore(t testing.TB) (*store.Store, *snapshot) {
	t.Helper()
	s := openStore(t)
	for _, f := range append(genWorld(worldOpts{files: 6, perFile: 30, seed: 42}), fileA(), fileB(), fileC()) {
		apply(t, s, f)
	}
	return s, checkStore(t, s)
}

func TestMandatesListingOrder(t *testing.T) {
	s := openStore(t)
	for _, f := range []F{fileC(), fileB(), fileA()} {
		apply(t, s, f)
	}
	a, b, c := fileA().IDs(), fileB().IDs(), fileC().IDs()
	// Miami, Santiago, Québec (a.txt's order; the shared mandate at its
	// primary source, a.txt), Los Angeles, then the unattributed one.
	want := []string{a[3], c[1], a[0], a[1], a[2], b[0], a[4]}
	page, err := s.Mandates(bg, graph.MandateFilter{}, 100, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(page.Mandates); !slices.Equal(got, want) {
		t.Fatalf("listing\n got %v\nwant %v", got, want)
	}
	if page.HasNextPage || len(page.Cursors) != len(want) || page.EndCursor() != page.Cursors[len(want)-1] {
		t.Errorf("page info: next %v, cursors %d", page.HasNextPage, len(page.Cursors))
	}
}

// mandateFilters returns filters covering every field and some
// combinations, for the world store.
func mandateFilters(sn *snapshot) []graph.MandateFilter {
	fs := []graph.MandateFilter{
		{},
		{TopLevel: true},
		{YearFrom: 1998},
		{YearTo: 2001},
		{YearFrom: 1999, YearTo: 2004},
		{YearFrom: 2004, YearTo: 2004},
		{YearFrom: 2005, YearTo: 2021},
		{YearFrom: 2022},
		{YearTo: 1993},
		{YearFrom: 3000},
		{Summit: quebec, TopLevel: true},
		{Summit: quebec, YearFrom: 2002},
		{Summit: quebec, YearTo: 2001, TopLevel: true},
		{Summit: losAngeles, Mentions: oas},
		{Mentions: oas, Document: docID(quebec, titles[0])},
		{Mentions: oas, Document: docID(miami, titles[1]), TopLevel: true},
		{Mentions: corruption, YearFrom: 1998, TopLevel: true},
		{Mentions: iacac, YearTo: 2001},
		{Document: docID(quebec, titles[0]), Summit: quebec},
		{Document: docID(quebec, titles[0]), Summit: miami},
		{Document: docID(santiago, titles[1]), TopLevel: true, YearFrom: 1990, YearTo: 2000},
		{Document: "document/none"},
		{Mentions: "institution/none"},
	}
	for _, id := range summitIDs {
		fs = append(fs, graph.MandateFilter{Summit: id})
	}
	for id := range sn.docs {
		fs = append(fs, graph.MandateFilter{Document: id})
	}
	for id := range sn.entities {
		fs = append(fs, graph.MandateFilter{Mentions: id}, graph.MandateFilter{Mentions: id, Summit: quebec, TopLevel: true})
	}
	return fs
}

// bruteMandates filters every mandate of the snapshot one by one.
func bruteMandates(sn *snapshot, f graph.MandateFilter) []string {
	var out []string
	for _, m := range sn.listing() {
		sm := sn.summits[m.Summit]
		if f.Summit != "" && m.Summit != f.Summit {
			continue
		}
		if f.Document != "" && m.Document != f.Document {
			continue
		}
		if f.YearFrom > 0 || f.YearTo > 0 {
			if sm == nil {
				continue
			}
			y := sm.Year
			if f.YearFrom > 0 && y < f.YearFrom || f.YearTo > 0 && y > f.YearTo {
				continue
			}
		}
		if _, ok := sn.mentionsOf(m.ID)[f.Mentions]; f.Mentions != "" && !ok {
			continue
		}
		if f.TopLevel && m.Parent != "" {
			continue
		}
		out = append(out, m.ID)
	}
	return out
}

func TestMandatesFilters(t *testing.T) {
	s, sn := worldStore(t)
	nonEmpty := 0
	for _, f := range mandateFilters(sn) {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			want := bruteMandates(sn, f)
			if len(want) > 0 {
				nonEmpty++
			}
			page, err := s.Mandates(bg, f, 100000, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(page.Mandates); !slices.Equal(got, want) {
				t.Fatalf("Mandates\n got %v\nwant %v", got, want)
			}
			if page.HasNextPage {
				t.Error("HasNextPage on a complete listing")
			}
			n, err := s.CountMandates(bg, f)
			if err != nil || n != len(want) {
				t.Errorf("CountMandates = %d, %v; want %d", n, err, len(want))
			}
			// first 0: nothing, but says whether there is something.
			if p, err := s.Mandates(bg, f, 0, ""); err != nil || len(p.Mandates) != 0 || p.HasNextPage != (len(want) > 0) {
				t.Errorf("first 0: %d mandates, next %v, %v", len(p.Mandates), p.HasNextPage, err)
			}
			// Resuming after any cursor gives the rest.
			for _, i := range []int{0, len(want) / 2, len(want) - 1} {
				if i < 0 || i >= len(want) {
					continue
				}
				p, err := s.Mandates(bg, f, 100000, page.Cursors[i])
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(p.Mandates); !slices.Equal(got, want[i+1:]) {
					t.Errorf("after cursor %d: got %v, want %v", i, got, want[i+1:])
				}
			}
			for _, size := range []int{1, 2, 3, 7} {
				var got []string
				after := ""
				for pages := 0; ; pages++ {
					if pages > len(want)+1 {
						t.Fatalf("page size %d: no end", size)
					}
					p, err := s.Mandates(bg, f, size, after)
					if err != nil {
						t.Fatal(err)
					}
					if len(p.Mandates) > size || len(p.Cursors) != len(p.Mandates) {
						t.Fatalf("page size %d: %d mandates, %d cursors", size, len(p.Mandates), len(p.Cursors))
					}
					got = append(got, ids(p.Mandates)...)
					if p.HasNextPage != (len(got) < len(want)) {
						t.Fatalf("page size %d: HasNextPage %v after %d of %d", size, p.HasNextPage, len(got), len(want))
					}
					if !p.HasNextPage {
						break
					}
					after = p.EndCursor()
				}
				if !slices.Equal(got, want) {
					t.Fatalf("page size %d: walked %v, want %v", size, got, want)
				}
			}
		})
	}
	if nonEmpty < 30 {
		t.Errorf("only %d filters select something: the corpus is too thin to test them", nonEmpty)
	}
}

func TestMandatesErrors(t *testing.T) {
	s, _ := worldStore(t)
	for _, tc := range []struct {
		f     graph.MandateFilter
		after string
		code  string
	}{
		{graph.MandateFilter{}, "!!!", graph.EINVALID},
		{graph.MandateFilter{}, base64.RawURLEncoding.EncodeToString([]byte("short")), graph.EINVALID},
		{graph.MandateFilter{}, base64.RawURLEncoding.EncodeToString([]byte("no separator here")), graph.EINVALID},
		{graph.MandateFilter{Summit: "summit/1900-nowhere"}, "", graph.ENOTFOUND},
	} {
		_, err := s.Mandates(bg, tc.f, 10, tc.after)
		if graph.ErrorCode(err) != tc.code {
			t.Errorf("Mandates(%+v, %q) = %v, want %s", tc.f, tc.after, err, tc.code)
		}
		if tc.after == "" {
			if _, err := s.CountMandates(bg, tc.f); graph.ErrorCode(err) != tc.code {
				t.Errorf("CountMandates(%+v) = %v, want %s", tc.f, err, tc.code)
			}
		}
	}
	// A cursor of an entity listing is refused by the entity listings too.
	if _, err := s.Entities(bg, "", 5, "!!!"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Entities(bad cursor) = %v", err)
	}
	if _, err := s.EntityMentions(bg, oas, 5, "!!!"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("EntityMentions(bad cursor) = %v", err)
	}
	page, _ := s.Mandates(bg, graph.MandateFilter{}, 1, "")
	if _, err := s.EntityMentions(bg, oas, 5, page.EndCursor()); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("EntityMentions(mandate cursor without #) = %v", err)
	}
}

func TestEntities(t *testing.T) {
	s, sn := worldStore(t)
	byKind := map[graph.Kind][]string{}
	var all []string
	for _, k := range []graph.Kind{graph.KindConvention, graph.KindInstitution, graph.KindTheme} {
		var es []*graph.Entity
		for _, e := range sn.entities {
			if e.EntityKind == k {
				es = append(es, e)
			}
		}
		sortKey := func(e *graph.Entity) string {
			n := graph.NormalizeName(e.Name)
			if n == "" {
				n = "~"
			}
			return n + "|" + e.ID
		}
		sort.Slice(es, func(i, j int) bool { return sortKey(es[i]) < sortKey(es[j]) })
		byKind[k] = ids(es)
		all = append(all, byKind[k]...)
	}
	if len(byKind[graph.KindInstitution]) < 6 {
		t.Fatalf("institutions %v: want discovered ones too", byKind[graph.KindInstitution])
	}
	for _, tc := range []struct {
		kind graph.Kind
		want []string
	}{{"", all}, {graph.KindConvention, byKind[graph.KindConvention]}, {graph.KindInstitution, byKind[graph.KindInstitution]}, {graph.KindTheme, byKind[graph.KindTheme]}} {
		n, err := s.CountEntities(bg, tc.kind)
		if err != nil || n != len(tc.want) {
			t.Errorf("CountEntities(%q) = %d, %v; want %d", tc.kind, n, err, len(tc.want))
		}
		for _, size := range []int{1, 2, 3, 7, 100} {
			var got []string
			after := ""
			for pages := 0; pages <= len(tc.want); pages++ {
				p, err := s.Entities(bg, tc.kind, size, after)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Entities) > size || len(p.Cursors) != len(p.Entities) {
					t.Fatalf("%q size %d: page of %d, %d cursors", tc.kind, size, len(p.Entities), len(p.Cursors))
				}
				got = append(got, ids(p.Entities)...)
				if p.HasNextPage != (len(got) < len(tc.want)) {
					t.Fatalf("%q size %d: HasNextPage %v after %d of %d", tc.kind, size, p.HasNextPage, len(got), len(tc.want))
				}
				if !p.HasNextPage {
					break
				}
				after = p.Cursors[len(p.Cursors)-1]
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Entities(%q) by %d\n got %v\nwant %v", tc.kind, size, got, tc.want)
			}
		}
	}
	for _, k := range []graph.Kind{graph.KindMandate, "BOGUS"} {
		if _, err := s.Entities(bg, k, 5, ""); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Entities(%s) = %v, want EINVALID", k, err)
		}
		if _, err := s.CountEntities(bg, k); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("CountEntities(%s) = %v, want EINVALID", k, err)
		}
	}
}

func TestResolve(t *testing.T) {
	s := openStore(t)
	apply(t, s, fileA())
	for _, tc := range []struct {
		name  string
		limit int
		want  []string
	}{
		{"InterAmerican Convention Against Corruption", 10, []string{iacac}},
		{"inter-american convention against corruption", 10, []string{iacac}},
		{"  Inter American   Convention against CORRUPTION ", 10, []string{iacac}},
		{"Convención Interamericana contra la Corrupción", 10, []string{iacac}},
		{"convencion interamericana contra la corrupcion", 10, []string{iacac}},
		{"IACAC", 10, []string{iacac}},
		{"i.a.c.a.c.", 10, []string{iacac}},
		{"MESICIC", 10, []string{mesicic}},
		{"oea", 10, []string{oas}},
		// Exact first, then names that start with it, shortest first.
		{"OAS", 10, []string{oas, oasGA}},
		{"OAS", 1, []string{oas}},
		{"Inter-American", 10, []string{idb, charter, iacac}},
		{"Inter-American D", 10, []string{idb, charter}},
		{"Gender", 10, []string{gender}},
		{"HNWM", 10, []string{network}}, // a discovered entity's acronym
		{"Hemispheric network", 10, []string{network}},
		{"", 10, nil},
		{"--", 10, nil},
		{"nothing like it", 10, nil},
	} {
		got, err := s.Resolve(bg, tc.name, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("Resolve(%q, %d) = %v, want %v", tc.name, tc.limit, ids(got), tc.want)
		}
	}
}

// bruteTrace is the trace of an entity: its mandates grouped by summit,
// in listing order.
func bruteTrace(sn *snapshot, entity string) (summits []string, mandates [][]string) {
	for _, m := range sn.listing() {
		if _, ok := sn.mentionsOf(m.ID)[entity]; !ok || sn.summits[m.Summit] == nil {
			continue
		}
		if len(summits) == 0 || summits[len(summits)-1] != m.Summit {
			summits = append(summits, m.Summit)
			mandates = append(mandates, nil)
		}
		mandates[len(mandates)-1] = append(mandates[len(mandates)-1], m.ID)
	}
	return summits, mandates
}

func TestTrace(t *testing.T) {
	s, sn := worldStore(t)
	long := 0
	for id := range sn.entities {
		wantSummits, wantMandates := bruteTrace(sn, id)
		if len(wantSummits) >= 3 {
			long++
		}
		ent, steps, err := s.Trace(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		if ent.ID != id {
			t.Errorf("Trace(%s) entity %s", id, ent.ID)
		}
		var gotSummits []string
		var gotMandates [][]string
		for _, st := range steps {
			gotSummits = append(gotSummits, st.Summit.ID)
			gotMandates = append(gotMandates, st.Mandates)
		}
		if fmt.Sprint(gotSummits, gotMandates) != fmt.Sprint(wantSummits, wantMandates) {
			t.Errorf("Trace(%s)\n got %v %v\nwant %v %v", id, gotSummits, gotMandates, wantSummits, wantMandates)
		}
		sums, err := s.EntitySummits(bg, id)
		if err != nil || !slices.Equal(ids(sums), wantSummits) && len(wantSummits)+len(sums) > 0 {
			t.Errorf("EntitySummits(%s) = %v, %v; want %v", id, ids(sums), err, wantSummits)
		}
	}
	if long < 3 {
		t.Errorf("only %d entities span 3 summits or more", long)
	}
	for _, id := range []string{"convention/none", quebec, "bad id"} {
		if _, _, err := s.Trace(bg, id); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Trace(%s) = %v, want NOT_FOUND", id, err)
		}
	}
}

func TestEntityMentions(t *testing.T) {
	s, sn := worldStore(t)
	midMandate := false
	for id := range sn.entities {
		// Every occurrence, in listing order of the mandates and text
		// order within one.
		var want []graph.Mention
		for _, m := range sn.listing() {
			if e, ok := sn.mentionsOf(m.ID)[id]; ok {
				for _, ev := range e.Evidence {
					want = append(want, graph.Mention{Mandate: m.ID, Entity: id, Evidence: ev})
				}
			}
		}
		n, err := s.CountMentions(bg, id)
		if err != nil || n != len(want) {
			t.Errorf("CountMentions(%s) = %d, %v; want %d", id, n, err, len(want))
		}
		for _, size := range []int{1, 2, 3, 7, 1000} {
			var got []graph.Mention
			after := ""
			for pages := 0; pages <= len(want)+1; pages++ {
				p, err := s.EntityMentions(bg, id, size, after)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Mentions) > size || len(p.Cursors) != len(p.Mentions) {
					t.Fatalf("%s by %d: %d mentions, %d cursors", id, size, len(p.Mentions), len(p.Cursors))
				}
				if after != "" && len(got) > 0 && len(p.Mentions) > 0 && got[len(got)-1].Mandate == p.Mentions[0].Mandate {
					midMandate = true
				}
				got = append(got, p.Mentions...)
				if p.HasNextPage != (len(got) < len(want)) {
					t.Fatalf("%s by %d: HasNextPage %v after %d of %d", id, size, p.HasNextPage, len(got), len(want))
				}
				if !p.HasNextPage {
					break
				}
				after = p.Cursors[len(p.Cursors)-1]
			}
			if fmt.Sprint(got) != fmt.Sprint(want) && len(got)+len(want) > 0 {
				t.Errorf("EntityMentions(%s) by %d\n got %v\nwant %v", id, size, got, want)
			}
		}
	}
	if !midMandate {
		t.Error("no page started in the middle of a mandate's occurrences")
	}
	if _, err := s.EntityMentions(bg, "institution/none", 5, ""); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("EntityMentions(unknown) = %v", err)
	}
}

func TestRelated(t *testing.T) {
	s, sn := worldStore(t)
	mandatesOf := map[string]map[string]bool{}
	for _, e := range sn.edges {
		if e.Type == graph.Mentions {
			if mandatesOf[e.To] == nil {
				mandatesOf[e.To] = map[string]bool{}
			}
			mandatesOf[e.To][e.From] = true
		}
	}
	checked := 0
	for id := range sn.entities {
		for _, kind := range []graph.Kind{"", graph.KindConvention, graph.KindInstitution, graph.KindTheme} {
			var want []graph.Related
			for x, ms := range mandatesOf {
				if x == id || kind != "" && sn.entities[x].EntityKind != kind {
					continue
				}
				c := 0
				for m := range ms {
					if mandatesOf[id][m] {
						c++
					}
				}
				if c > 0 {
					want = append(want, graph.Related{Entity: sn.entities[x], Count: c, Weight: float64(c) / float64(len(mandatesOf[id])+len(ms)-c)})
				}
			}
			sort.Slice(want, func(i, j int) bool {
				a, b := want[i], want[j]
				if a.Weight != b.Weight {
					return a.Weight > b.Weight
				}
				if a.Count != b.Count {
					return a.Count > b.Count
				}
				return a.Entity.ID < b.Entity.ID
			})
			str := func(rs []graph.Related) string {
				var b strings.Builder
				for _, r := range rs {
					fmt.Fprintf(&b, "%s:%d:%v ", r.Entity.ID, r.Count, r.Weight)
				}
				return b.String()
			}
			for _, first := range []int{1000, 2} {
				got, err := s.Related(bg, id, kind, first)
				if err != nil {
					t.Fatal(err)
				}
				w := want
				if len(w) > first {
					w = w[:first]
				}
				if str(got) != str(w) {
					t.Errorf("Related(%s, %q, %d)\n got %s\nwant %s", id, kind, first, str(got), str(w))
				}
			}
			if len(want) > 2 {
				checked++
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d related lists of 3 or more", checked)
	}
	if _, err := s.Related(bg, quebec, "", 5); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("Related(summit) = %v", err)
	}
	for _, first := range []int{0, -1} {
		if rel, err := s.Related(bg, oas, "", first); err != nil || len(rel) != 0 {
			t.Errorf("Related(first %d) = %v, %v", first, rel, err)
		}
	}
}

func TestSmallReads(t *testing.T) {
	s := openStore(t)
	for _, f := range []F{fileA(), fileB()} {
		apply(t, s, f)
	}
	sn := checkStore(t, s)
	a, b := fileA().IDs(), fileB().IDs()

	items, err := s.Items(bg, a[0])
	if err != nil || !slices.Equal(ids(items), []string{a[1]}) {
		t.Errorf("Items = %v, %v", ids(items), err)
	}
	if items, err := s.Items(bg, a[1]); err != nil || len(items) != 0 {
		t.Errorf("Items(item) = %v, %v", ids(items), err)
	}
	docs, err := s.Documents(bg, quebec)
	if want := []string{docID(quebec, "Declaration of Quebec City"), docID(quebec, "Plan of Action")}; err != nil || !slices.Equal(ids(docs), want) {
		t.Errorf("Documents(quebec) = %v, %v; want %v", ids(docs), err, want)
	}
	all, err := s.AllDocuments(bg)
	want := []string{docID(miami, "Plan of Action"), docID(quebec, "Declaration of Quebec City"), docID(quebec, "Plan of Action"), docID(losAngeles, "Declaration of Los Angeles")}
	if err != nil || !slices.Equal(ids(all), want) {
		t.Errorf("AllDocuments = %v, %v; want %v", ids(all), err, want)
	}

	nodes, errs := s.Nodes(bg, []string{a[0], "mandate/none", "", "a|b", b[0]})
	for i, code := range []string{"", graph.ENOTFOUND, graph.ENOTFOUND, graph.ENOTFOUND, ""} {
		if graph.ErrorCode(errs[i]) != code || (code == "") != (nodes[i] != nil) {
			t.Errorf("Nodes[%d] = %v, %v; want %q", i, nodes[i], errs[i], code)
		}
	}
	if _, err := s.Node(bg, "a b"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("Node(invalid) = %v", err)
	}

	// Edges both ways, by type, capped; EdgesBatch answers the same.
	qs := []graph.EdgeQuery{
		{Node: oas, Type: graph.Mentions, In: true},
		{Node: oas, In: true, Limit: 1},
		{Node: a[0], WithProps: true},
		{Node: mesicic},
	}
	batch, berrs := s.EdgesBatch(bg, qs)
	for i, q := range qs {
		es, err := s.Edges(bg, q)
		if err != nil || berrs[i] != nil || fmt.Sprint(es) != fmt.Sprint(batch[i]) {
			t.Errorf("Edges(%+v) = %v, %v; batch %v, %v", q, es, err, batch[i], berrs[i])
		}
		// Ordered by type, then by the id at the other end.
		var want []graph.Edge
		for _, e := range sn.edges {
			end := e.From
			if q.In {
				end = e.To
			}
			if end == q.Node && (q.Type == "" || e.Type == q.Type) {
				want = append(want, e)
			}
		}
		other := func(e graph.Edge) string {
			if q.In {
				return e.From
			}
			return e.To
		}
		sort.Slice(want, func(i, j int) bool {
			if want[i].Type != want[j].Type {
				return want[i].Type < want[j].Type
			}
			return other(want[i]) < other(want[j])
		})
		if q.Limit > 0 && len(want) > q.Limit {
			want = want[:q.Limit]
		}
		if !q.WithProps {
			for i := range want {
				want[i].Weight, want[i].Evidence = 0, nil
			}
		}
		if fmt.Sprint(es) != fmt.Sprint(want) {
			t.Errorf("Edges(%+v)\n got %v\nwant %v", q, es, want)
		}
	}

	// EachNode and EachEdge visit everything once.
	var nn, ne int
	if err := s.EachNode(bg, func(graph.Node) error { nn++; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.EachEdge(bg, func(e graph.Edge) error {
		ne++
		if e.Type == graph.Mentions && len(e.Evidence) == 0 {
			return fmt.Errorf("%v without evidence", e)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if st := sn.stats(); nn != st.Nodes() || ne != st.Edges {
		t.Errorf("EachNode %d, EachEdge %d; want %d, %d", nn, ne, st.Nodes(), st.Edges)
	}
	files, err := s.Files(bg)
	if err != nil || len(files) != 2 || files[0].Name != "a.txt" || files[1] != (graph.FileInfo{Name: "b.txt", Hash: fileB().Hash(), Mandates: 2}) {
		t.Errorf("Files = %+v, %v", files, err)
	}
}
