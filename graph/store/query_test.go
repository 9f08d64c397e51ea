package store_test

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// bm25 scores the snapshot's vectors for a query, the textbook way
// (k1 1.2, b 0.75, idf ln(1 + (N - df + 0.5)/(df + 0.5))), a query word
// scoring by its best alternative.
func bm25(sn *snapshot, query [][]string) map[string]float64 {
	var n, total float64
	df := map[string]float64{}
	for _, v := range sn.vectors {
		if len(v.Terms) == 0 {
			continue
		}
		n++
		total += float64(v.Length)
		for _, t := range v.Terms {
			df[t.Term]++
		}
	}
	avgdl := total / n
	out := map[string]float64{}
	for _, alts := range query {
		best := map[string]float64{}
		for _, term := range alts {
			idf := math.Log(1 + (n-df[term]+0.5)/(df[term]+0.5))
			for id, v := range sn.vectors {
				for _, t := range v.Terms {
					if t.Term != term {
						continue
					}
					tf, dl := float64(t.Freq), float64(v.Length)
					sc := idf * tf * 2.2 / (tf + 1.2*(0.25+0.75*dl/avgdl))
					best[id] = max(best[id], sc)
				}
			}
		}
		for id, sc := range best {
			out[id] += sc
		}
	}
	return out
}

func searchFile() F {
	return F{Name: "search.txt", Entities: []*graph.Entity{networkEntity()}, Mandates: []M{
		{Num: "1", Summit: miami, Text: "Promote transparency in public procurement."},
		{Num: "2", Summit: miami, Text: "Fight corruption in public procurement."},
		{Num: "3", Summit: quebec, Text: "Corruption corruption corruption undermines corruption everywhere."},
		{Num: "4", Summit: quebec, Text: "Combatir la corrupcion en la region."},
		{Num: "5", Summit: santiago, Text: "Corrupt officials and corrupcion alike.", Mentions: []Ment{}},
		{Num: "6", Summit: santiago, Text: "Work with the Hemispheric Network of Women Mayors on corruption.",
			Mentions: []Ment{{network, "Hemispheric Network of Women Mayors"}}},
		{Num: "7", Summit: losAngeles, Text: "Report on corruption and on corruption cases."},
	}}
}

func TestSearch(t *testing.T) {
	s := openStore(t)
	f := searchFile()
	apply(t, s, f)
	sn := checkStore(t, s)
	id := f.IDs()
	for _, tc := range []struct {
		name  string
		query [][]string
		first int
		top   []string // the first hits, in order
	}{
		// The rare word outweighs the common one.
		{"rare above common", [][]string{{"transparency"}, {"corruption"}}, 10, []string{id[0]}},
		{"rare word alone", [][]string{{"transparency"}}, 10, []string{id[0]}},
		{"term frequency", [][]string{{"corruption"}}, 10, []string{id[2]}},
		{"alternatives", [][]string{{"corrupt", "corrupcion"}}, 10, nil},
		{"two words", [][]string{{"public"}, {"procurement"}, {"fight"}}, 2, []string{id[1], id[0]}},
		{"entity", [][]string{{"mayors"}}, 10, nil},
		{"unknown word", [][]string{{"zebra"}}, 10, nil},
		{"no word", [][]string{}, 10, nil},
		{"word without terms", [][]string{{}}, 10, nil},
		{"first 0", [][]string{{"corruption"}}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(bg, tc.query, tc.first)
			if err != nil {
				t.Fatal(err)
			}
			want := bm25(sn, tc.query)
			var wantIDs []string
			for id := range want {
				wantIDs = append(wantIDs, id)
			}
			sort.Slice(wantIDs, func(i, j int) bool {
				a, b := wantIDs[i], wantIDs[j]
				if want[a] != want[b] {
					return want[a] > want[b]
				}
				return a < b
			})
			if tc.first <= 0 {
				wantIDs = nil
			} else if len(wantIDs) > tc.first {
				wantIDs = wantIDs[:tc.first]
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ID)
				if w := want[h.ID]; math.Abs(h.Score-w) > 1e-9*w {
					t.Errorf("score of %s = %v, want %v", h.ID, h.Score, w)
				}
			}
			if !slices.Equal(got, wantIDs) {
				t.Fatalf("hits %v, want %v", got, wantIDs)
			}
			if len(got) < len(tc.top) || !slices.Equal(got[:len(tc.top)], tc.top) {
				t.Errorf("top hits %v, want %v first", got, tc.top)
			}
		})
	}

	// A word scores by its best alternative, not their sum.
	hits, _ := s.Search(bg, [][]string{{"corrupt", "corrupcion"}}, 10)
	one := map[string]float64{}
	for _, q := range [][][]string{{{"corrupt"}}, {{"corrupcion"}}} {
		hs, _ := s.Search(bg, q, 10)
		for _, h := range hs {
			one[h.ID] = max(one[h.ID], h.Score)
		}
	}
	if len(hits) != 2 {
		t.Fatalf("alternatives: %v", hits)
	}
	for _, h := range hits {
		if h.Score != one[h.ID] {
			t.Errorf("%s scores %v with alternatives, %v for its best one", h.ID, h.Score, one[h.ID])
		}
	}
	// The discovered entity is found by its name.
	if hits, _ := s.Search(bg, [][]string{{"mayors"}}, 10); len(hits) != 2 || !slices.ContainsFunc(hits, func(h graph.Hit) bool { return h.ID == network }) {
		t.Errorf("mayors: %v", hits)
	}

	// Deleted mandates and collected entities are no longer found.
	g := f
	g.Mandates = f.Mandates[1:5]
	g.Entities = nil
	apply(t, s, g)
	sn = checkStore(t, s)
	for _, q := range []string{"transparency", "mayors", "cases"} {
		if hits, _ := s.Search(bg, [][]string{{q}}, 10); len(hits) != 0 {
			t.Errorf("%s still found: %v", q, hits)
		}
	}
	hits, _ = s.Search(bg, [][]string{{"corruption"}}, 10)
	want := bm25(sn, [][]string{{"corruption"}})
	if len(hits) != len(want) {
		t.Errorf("corruption after replace: %v, want %v", hits, want)
	}
	for _, h := range hits {
		if math.Abs(h.Score-want[h.ID]) > 1e-9 {
			t.Errorf("%s scores %v, want %v", h.ID, h.Score, want[h.ID])
		}
	}
}

// adjacency is the graph of the snapshot, edges taken both ways.
func (sn *snapshot) adjacency() map[string][]string {
	adj := map[string][]string{}
	for _, e := range sn.edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	return adj
}

// distances are the hop counts from id to every node it reaches.
func (sn *snapshot) distances(id string) map[string]int {
	adj := sn.adjacency()
	dist := map[string]int{id: 0}
	frontier := []string{id}
	for len(frontier) > 0 {
		var next []string
		for _, n := range frontier {
			for _, nb := range adj[n] {
				if _, ok := dist[nb]; !ok {
					dist[nb] = dist[n] + 1
					next = append(next, nb)
				}
			}
		}
		frontier = next
	}
	return dist
}

func TestNeighborhood(t *testing.T) {
	s, sn := worldStore(t)
	a := fileA().IDs()
	for _, root := range []string{oas, a[0], a[1], quebec, docID(quebec, titles[0]), network} {
		dist := sn.distances(root)
		for depth := 0; depth <= store.MaxDepth; depth++ {
			var want []string
			for id, d := range dist {
				if d <= depth {
					want = append(want, id)
				}
			}
			slices.Sort(want)
			sg, err := s.Neighborhood(bg, root, depth, 100000)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(sg.Nodes)
			if len(got) == 0 || got[0] != root {
				t.Fatalf("Neighborhood(%s, %d) does not start at the root: %v", root, depth, got)
			}
			for i := 1; i < len(got); i++ {
				if dist[got[i]] < dist[got[i-1]] {
					t.Errorf("Neighborhood(%s, %d): %s (depth %d) after %s (depth %d)", root, depth, got[i], dist[got[i]], got[i-1], dist[got[i-1]])
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) || sg.Truncated {
				t.Fatalf("Neighborhood(%s, %d) = %d nodes (truncated %v), want %d", root, depth, len(got), sg.Truncated, len(want))
			}
			in := map[string]bool{}
			for _, id := range want {
				in[id] = true
			}
			var wantEdges, gotEdges []string
			for _, e := range sn.edges {
				if in[e.From] && in[e.To] {
					wantEdges = append(wantEdges, e.From+" "+string(e.Type)+" "+e.To)
				}
			}
			for _, e := range sg.Edges {
				gotEdges = append(gotEdges, e.From+" "+string(e.Type)+" "+e.To)
				if e.Type == graph.Mentions && len(e.Evidence) == 0 {
					t.Errorf("edge %v without its evidence", e)
				}
			}
			slices.Sort(gotEdges)
			slices.Sort(wantEdges)
			if !slices.Equal(gotEdges, wantEdges) {
				t.Errorf("Neighborhood(%s, %d): %d edges, want %d", root, depth, len(gotEdges), len(wantEdges))
			}
			// A cap keeps the nearest nodes and says so.
			if len(want) > 4 {
				sg, err := s.Neighborhood(bg, root, depth, 4)
				if err != nil {
					t.Fatal(err)
				}
				if len(sg.Nodes) != 4 || !sg.Truncated || sg.Nodes[0].NodeID() != root {
					t.Errorf("Neighborhood(%s, %d, cap 4) = %d nodes, truncated %v", root, depth, len(sg.Nodes), sg.Truncated)
				}
				near := 0
				for _, d := range dist {
					if d <= 1 {
						near++
					}
				}
				for _, n := range sg.Nodes {
					if d := dist[n.NodeID()]; d > 1 && near >= 4 {
						t.Errorf("Neighborhood(%s, %d, cap 4) holds %s at depth %d while %d nodes are nearer", root, depth, n.NodeID(), d, near)
					}
				}
				for _, e := range sg.Edges {
					if !slices.ContainsFunc(sg.Nodes, func(n graph.Node) bool { return n.NodeID() == e.To }) {
						t.Errorf("edge %v leaves the capped subgraph", e)
					}
				}
			}
		}
	}
	// Depth 0 (and the default cap): just the node.
	sg, err := s.Neighborhood(bg, oas, 0, 0)
	if err != nil || len(sg.Nodes) != 1 || len(sg.Edges) != 0 || sg.Truncated {
		t.Errorf("depth 0: %+v, %v", sg, err)
	}
	for _, tc := range []struct {
		id    string
		depth int
		code  string
		msg   string
	}{
		{oas, store.MaxDepth + 1, graph.EINVALID, "3"},
		{oas, -1, graph.EINVALID, "3"},
		{"institution/none", 1, graph.ENOTFOUND, ""},
		{"not an id", 1, graph.ENOTFOUND, ""},
	} {
		_, err := s.Neighborhood(bg, tc.id, tc.depth, 10)
		if graph.ErrorCode(err) != tc.code || !strings.Contains(graph.ErrorMessage(err), tc.msg) {
			t.Errorf("Neighborhood(%s, %d) = %v, want %s mentioning %q", tc.id, tc.depth, err, tc.code, tc.msg)
		}
	}
}

func TestPath(t *testing.T) {
	s, sn := worldStore(t)
	adj := sn.adjacency()
	a, b, c := fileA().IDs(), fileB().IDs(), fileC().IDs()
	pairs := [][2]string{
		{oas, quebec}, {a[0], b[0]}, {a[1], c[1]}, {network, miami}, {iacac, gender},
		{docID(miami, "Plan of Action"), losAngeles}, {a[4], network}, {mesicic, a[4]}, {quebec, quebec},
	}
	for id := range sn.docs {
		pairs = append(pairs, [2]string{id, network})
	}
	far := 0
	for _, p := range pairs {
		dist := sn.distances(p[0])
		d, reachable := dist[p[1]]
		if d >= 3 {
			far++
		}
		for maxDepth := 0; maxDepth <= store.MaxPathDepth; maxDepth++ {
			path, err := s.Path(bg, p[0], p[1], maxDepth)
			if err != nil {
				t.Fatal(err)
			}
			if !reachable || d > maxDepth {
				if path != nil {
					t.Errorf("Path(%s, %s, %d) = %v, want none (distance %d)", p[0], p[1], maxDepth, ids(path), d)
				}
				continue
			}
			got := ids(path)
			if len(got) != d+1 || got[0] != p[0] || got[len(got)-1] != p[1] {
				t.Fatalf("Path(%s, %s, %d) = %v, want %d hops", p[0], p[1], maxDepth, got, d)
			}
			for i := 1; i < len(got); i++ {
				if !slices.Contains(adj[got[i-1]], got[i]) {
					t.Errorf("Path(%s, %s): %s and %s are not linked", p[0], p[1], got[i-1], got[i])
				}
			}
		}
	}
	if far < 3 {
		t.Errorf("only %d pairs 3 hops apart or more", far)
	}
	for _, tc := range []struct {
		from, to string
		depth    int
		code     string
		msg      string
	}{
		{oas, quebec, store.MaxPathDepth + 1, graph.EINVALID, "8"},
		{oas, quebec, -1, graph.EINVALID, "8"},
		{oas, "summit/none", 3, graph.ENOTFOUND, ""},
		{"summit/none", oas, 3, graph.ENOTFOUND, ""},
	} {
		_, err := s.Path(bg, tc.from, tc.to, tc.depth)
		if graph.ErrorCode(err) != tc.code || !strings.Contains(graph.ErrorMessage(err), tc.msg) {
			t.Errorf("Path(%s, %s, %d) = %v, want %s mentioning %q", tc.from, tc.to, tc.depth, err, tc.code, tc.msg)
		}
	}

	// No path at all: an entity nothing links to.
	s2 := openStore(t)
	apply(t, s2, fileA())
	if path, err := s2.Path(bg, oas, charter, store.MaxPathDepth); path != nil || err != nil {
		t.Errorf("Path to an isolated entity = %v, %v", ids(path), err)
	}
}

// TestSearchCommonTerm: a term in more documents than a search reads
// (postingsRead) is read best blocks first, so that the documents where it
// weighs most are found however many hold it, and its document count
// comes from the stored counter.
func TestSearchCommonTerm(t *testing.T) {
	s := openStore(t)
	const files, per = 15, 100
	var strong []string
	for f := range files {
		file := F{Name: fmt.Sprintf("common-%02d.txt", f)}
		for i := range per {
			text := fmt.Sprintf("Mandate %d of file %d asks the states of the region to report on corruption in their public institutions and courts every year.", i, f)
			if i == per-1-f%3 && f%3 == 0 {
				// A few short texts naming it three times: the best postings,
				// in blocks of files written early and late.
				text = fmt.Sprintf("Corruption, corruption, corruption: file %d.", f)
			}
			file.Mandates = append(file.Mandates, M{Num: fmt.Sprint(i + 1), Summit: quebec, Doc: "Plan of Action", Text: text})
		}
		apply(t, s, file)
		for i, m := range file.Mandates {
			if strings.HasPrefix(m.Text, "Corruption,") {
				strong = append(strong, file.IDs()[i])
			}
		}
	}
	if len(strong) != 5 {
		t.Fatalf("%d strong mandates, want 5", len(strong))
	}
	hits, err := s.Search(bg, [][]string{{"corruption"}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 10 {
		t.Fatalf("%d hits, want 10", len(hits))
	}
	var top []string
	for _, h := range hits[:5] {
		top = append(top, h.ID)
	}
	slices.Sort(top)
	slices.Sort(strong)
	if !slices.Equal(top, strong) {
		t.Errorf("top 5 %v, want the five short texts %v", top, strong)
	}
	// Scores use the stored document count (1,500), within its 1/64.
	sn := checkStore(t, s)
	want := bm25(sn, [][]string{{"corruption"}})
	for _, h := range hits {
		if w := want[h.ID]; math.Abs(h.Score-w) > w/64 {
			t.Errorf("score of %s = %v, want %v within 1/64", h.ID, h.Score, w)
		}
	}
}
