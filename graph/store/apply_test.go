package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

const network = "institution/hemispheric-network-of-women-mayors"

func networkEntity() *graph.Entity {
	return &graph.Entity{ID: network, EntityKind: graph.KindInstitution, Name: "Hemispheric Network of Women Mayors", Acronyms: []string{"HNWM"}, Origin: graph.OriginDiscovered}
}

// fileA is a small file: a mandate with an item, mentions (one entity
// twice), a discovered entity, a reference to another summit's document
// and an unattributed mandate.
func fileA() F {
	return F{Name: "a.txt", Entities: []*graph.Entity{networkEntity()}, Mandates: []M{
		{Num: "1", Summit: quebec, Doc: "Plan of Action", Text: "Ratify the Inter-American Convention against Corruption and support the OAS and the OAS Secretariat.",
			Mentions: []Ment{{iacac, "Inter-American Convention against Corruption"}, {oas, "OAS"}}},
		{Num: "a", Parent: 1, Summit: quebec, Doc: "Plan of Action", Text: "Participate in the MESICIC reviews.",
			Mentions: []Ment{{mesicic, "MESICIC"}}},
		{Num: "2", Summit: quebec, Doc: "Declaration of Quebec City", Text: "Promote gender equality with the Hemispheric Network of Women Mayors, building on the Miami Plan of Action.",
			Mentions: []Ment{{gender, "gender equality"}, {network, "Hemispheric Network of Women Mayors"}},
			Refs:     []Ref{{miami, "Plan of Action", "Miami Plan of Action"}}},
		{Num: "3", Summit: miami, Doc: "Plan of Action", Text: "Combat corruption in public procurement.",
			Mentions: []Ment{{corruption, "corruption"}}},
		{Num: "4", Text: "Strengthen the IDB and its lending to small economies.",
			Mentions: []Ment{{idb, "IDB"}}},
	}}
}

// fileA2 is a corrected version of fileA: the item's text changed, mandates
// 2 and 4 are gone, mandate 5 is new.
func fileA2() F {
	f := fileA()
	f.Entities = nil
	ms := f.Mandates
	item := ms[1]
	item.Text = "Participate fully in the MESICIC reviews."
	f.Mandates = []M{ms[0], item, ms[3], {Num: "5", Summit: losAngeles, Doc: "Plan of Action", Text: "Report to the OAS on progress.", Mentions: []Ment{{oas, "OAS"}}}}
	return f
}

func TestApplyResultAndStats(t *testing.T) {
	s := openStore(t)
	res := apply(t, s, fileA())
	// Mandates 1 and 3 share "corruption": one RELATED link.
	if want := (graph.ApplyResult{File: "a.txt", Mandates: 5, Edges: 14, Links: 1, Similar: 1}); res != want {
		t.Fatalf("Apply = %+v, want %+v", res, want)
	}
	sn := checkStore(t, s)
	st, _ := s.Stats(bg)
	want := graph.Stats{Summits: 5, Documents: 3, Mandates: 5, Conventions: 2, Institutions: 5, Themes: 2, Mentions: 8, Edges: 3 + 3 + 14, Files: 1}
	if st != want {
		t.Fatalf("Stats = %+v, want %+v", st, want)
	}
	if got := sn.counters()["df:"+oas]; got != 1 {
		t.Errorf("df:%s = %d, want 1 (mandates, not occurrences)", oas, got)
	}
	m, err := s.Node(bg, fileA().IDs()[1])
	if err != nil {
		t.Fatal(err)
	}
	if mm := m.(*graph.Mandate); mm.Parent != fileA().IDs()[0] || mm.Document != docID(quebec, "Plan of Action") || len(mm.Sources) != 1 {
		t.Errorf("item = %+v", mm)
	}
	files, err := s.Files(bg)
	if err != nil || len(files) != 1 || files[0] != (graph.FileInfo{Name: "a.txt", Hash: fileA().Hash(), Mandates: 5}) {
		t.Errorf("Files = %+v, %v", files, err)
	}
}

func TestApplyTwiceChangesNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		again func() *graph.Batch
	}{
		{"same batch", nil},
		{"rebuilt batch", func() *graph.Batch { return fileA().Batch() }},
		{"other content, same hash", func() *graph.Batch { b := fileA2().Batch(); b.Hash = fileA().Hash(); return b }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t)
			b := fileA().Batch()
			if _, err := s.Apply(bg, b); err != nil {
				t.Fatal(err)
			}
			before := dump(t, s)
			st1, _ := s.Stats(bg)
			if tc.again != nil {
				b = tc.again()
			}
			res, err := s.Apply(bg, b)
			if err != nil {
				t.Fatal(err)
			}
			if res != (graph.ApplyResult{File: "a.txt", Unchanged: true}) {
				t.Errorf("second Apply = %+v, want unchanged", res)
			}
			st2, _ := s.Stats(bg)
			if st1 != st2 {
				t.Errorf("Stats changed: %+v → %+v", st1, st2)
			}
			sameDump(t, "second apply", before, dump(t, s))
		})
	}
}

func TestApplyReplacesCorrectedFile(t *testing.T) {
	s := openStore(t)
	apply(t, s, fileA())
	v1, v2 := fileA().IDs(), fileA2().IDs()
	res := apply(t, s, fileA2())
	// RELATED: 1 and 3 ("corruption"), 1 and 5 (the OAS).
	if want := (graph.ApplyResult{File: "a.txt", Replaced: true, Mandates: 4, Removed: 3, Edges: 12, Links: 2, Similar: 2}); res != want {
		t.Errorf("Apply v2 = %+v, want %+v", res, want)
	}
	sn := checkStore(t, s)

	// The old item, mandate 2 and mandate 4 are gone from every family, as
	// are the discovered entity and the document only mandate 2 used.
	gone := []string{v1[1], v1[2], v1[4], network, docID(quebec, "Declaration of Quebec City")}
	for _, id := range gone {
		if ks := keysWith(sn.dump, id); len(ks) > 0 {
			t.Errorf("%s still has keys: %q", id, ks)
		}
		if _, err := s.Node(bg, id); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Node(%s) = %v, want NOT_FOUND", id, err)
		}
	}
	if r, _ := s.Resolve(bg, "HNWM", 5); len(r) != 0 {
		t.Errorf("Resolve(HNWM) = %v after its entity was collected", ids(r))
	}
	// What v2 keeps or adds is there; the Miami document, which v1 both
	// used and referenced, is still used.
	for _, id := range append(slices.Clone(v2), docID(miami, "Plan of Action"), docID(losAngeles, "Plan of Action")) {
		if _, err := s.Node(bg, id); err != nil {
			t.Errorf("Node(%s): %v", id, err)
		}
	}
	st, _ := s.Stats(bg)
	want := graph.Stats{Summits: 5, Documents: 3, Mandates: 4, Conventions: 2, Institutions: 4, Themes: 2, Mentions: 6, Edges: 3 + 3 + 12, Files: 1}
	if st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
	// Replacing is the same as applying v2 to a fresh store.
	fresh := openStore(t)
	apply(t, fresh, fileA2())
	sameDump(t, "replaced vs fresh", dump(t, fresh), sn.dump)
}

// fileB shares mandate 1 of fileA (same document, number and text) and has
// one of its own.
func fileB() F {
	a := fileA().Mandates
	return F{Name: "b.txt", Mandates: []M{
		{Num: "9", Summit: losAngeles, Doc: "Declaration of Los Angeles", Text: "Protect migrants and support the IDB.", Mentions: []Ment{{idb, "IDB"}}},
		a[0],
	}}
}

func TestApplySharedMandate(t *testing.T) {
	shared := fileA().IDs()[0]
	aOnly := F{Name: "a.txt", Mandates: fileA().Mandates[3:4]} // fileA without the shared mandate
	for _, order := range [][]F{{fileA(), fileB()}, {fileB(), fileA()}} {
		t.Run(order[0].Name+" first", func(t *testing.T) {
			s := openStore(t)
			for _, f := range order {
				apply(t, s, f)
			}
			sn := checkStore(t, s)
			m := sn.mandates[shared]
			if m == nil || len(m.Sources) != 2 || m.Sources[0].File != "a.txt" || m.Sources[1].File != "b.txt" || m.Sources[1].Seq != 1 {
				t.Fatalf("shared mandate sources = %+v", m.Sources)
			}
			st, _ := s.Stats(bg)
			if st.Mandates != 6 {
				t.Errorf("Stats.Mandates = %d, want 6 (one node for the shared mandate)", st.Mandates)
			}
			// a.txt drops the shared mandate: it stays, carried by b.txt,
			// and moves to b.txt's place in the listing.
			res := apply(t, s, aOnly)
			if res.Removed != 3 {
				t.Errorf("Removed = %d, want 3 (the shared mandate is kept)", res.Removed)
			}
			sn = checkStore(t, s)
			m = sn.mandates[shared]
			if m == nil || len(m.Sources) != 1 || m.Sources[0].File != "b.txt" {
				t.Fatalf("after a.txt dropped it: %+v", m)
			}
			page, err := s.Mandates(bg, graph.MandateFilter{Mentions: oas}, 10, "")
			if err != nil || len(page.Mandates) != 1 || page.Mandates[0].ID != shared {
				t.Fatalf("mandates mentioning OAS = %v, %v", page, err)
			}
			if es, _ := s.Edges(bg, graph.EdgeQuery{Node: shared, Type: graph.Mentions}); len(es) != 2 {
				t.Errorf("shared mandate lost its mentions: %v", es)
			}
			// b.txt drops it too: it is gone.
			apply(t, s, F{Name: "b.txt", Mandates: fileB().Mandates[:1]})
			sn = checkStore(t, s)
			if ks := keysWith(sn.dump, shared); len(ks) > 0 {
				t.Errorf("shared mandate still has keys %q", ks)
			}
		})
	}
}

func TestApplyOrderDoesNotMatter(t *testing.T) {
	files := []F{fileA(), fileB(), fileC()}
	var first []kv
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 0, 2}} {
		s := openStore(t)
		for _, i := range order {
			apply(t, s, files[i])
		}
		d := checkStore(t, s).dump
		if first == nil {
			first = d
			continue
		}
		sameDump(t, fmt.Sprint("order ", order), first, d)
	}
}

// fileC carries mandate 1 of fileA, but not its item, and mentions the
// discovered entity of fileA.
func fileC() F {
	a := fileA().Mandates
	return F{Name: "c.txt", Entities: []*graph.Entity{networkEntity()}, Mandates: []M{
		a[0],
		{Num: "7", Summit: santiago, Doc: "Plan of Action", Text: "Invite the Hemispheric Network of Women Mayors to the dialogue.",
			Mentions: []Ment{{network, "Hemispheric Network of Women Mayors"}}},
	}}
}

// A file that carries a mandate but not the items another file gives it
// must not detach those items.
func TestApplySharedMandateKeepsOtherFilesItems(t *testing.T) {
	parent, item := fileA().IDs()[0], fileA().IDs()[1]
	for _, order := range [][]F{{fileA(), fileC()}, {fileC(), fileA()}} {
		t.Run(order[0].Name+" first", func(t *testing.T) {
			s := openStore(t)
			for _, f := range order {
				apply(t, s, f)
			}
			checkStore(t, s)
			items, err := s.Items(bg, parent)
			if err != nil || len(items) != 1 || items[0].ID != item {
				t.Fatalf("Items(%s) = %v, %v; want [%s]", parent, ids(items), err, item)
			}
			// Re-applying c.txt changed still keeps them.
			c := fileC()
			c.Salt = "2"
			apply(t, s, c)
			checkStore(t, s)
			if items, _ := s.Items(bg, parent); len(items) != 1 {
				t.Fatalf("after c.txt changed: Items = %v", ids(items))
			}
		})
	}
}

func TestApplyCollects(t *testing.T) {
	// a.txt and c.txt both mention the discovered entity; a.txt also
	// claims the catalog's OAS as discovered, with an alias.
	a := fileA()
	claimed := &graph.Entity{ID: oas, EntityKind: graph.KindInstitution, Name: "OAS", Aliases: []string{"Organisation des États Américains"}, Origin: graph.OriginDiscovered}
	a.Entities = append(a.Entities, claimed)
	s := openStore(t)
	apply(t, s, a)
	apply(t, s, fileC())
	checkStore(t, s)

	steps := []struct {
		f       F
		gone    []string
		present []string
	}{
		// a.txt drops its mentions: the entity stays (c.txt mentions it),
		// the Quebec declaration goes, OAS stays (catalog).
		{F{Name: "a.txt", Mandates: fileA().Mandates[3:4]}, []string{docID(quebec, "Declaration of Quebec City")}, []string{network, oas, docID(miami, "Plan of Action")}},
		// c.txt drops them too: now it goes, with its documents.
		{F{Name: "c.txt", Mandates: []M{fileA().Mandates[3]}}, []string{network, docID(santiago, "Plan of Action"), docID(quebec, "Plan of Action")}, []string{oas, docID(miami, "Plan of Action")}},
		// Nothing left at all: the last document goes, catalog entities stay.
		{F{Name: "a.txt"}, nil, []string{docID(miami, "Plan of Action")}},
		{F{Name: "c.txt"}, []string{docID(miami, "Plan of Action")}, catalogEntityIDs},
	}
	for i, st := range steps {
		apply(t, s, st.f)
		checkStore(t, s)
		for _, id := range st.gone {
			if _, err := s.Node(bg, id); graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Errorf("step %d: %s not collected (%v)", i, id, err)
			}
		}
		for _, id := range st.present {
			if _, err := s.Node(bg, id); err != nil {
				t.Errorf("step %d: %s: %v", i, id, err)
			}
		}
	}
	// The alias the text taught stays with the catalog entity.
	if r, _ := s.Resolve(bg, "Organisation des Etats Americains", 5); len(r) != 1 || r[0].ID != oas {
		t.Errorf("learned alias lost: %v", ids(r))
	}
	// A file that claims catalog entities as discovered, alone in
	// mentioning them, does not take them away when it drops them.
	claim := F{Name: "claim.txt", Mandates: []M{{Num: "1", Summit: miami, Text: "The OAS and the Inter-American Convention against Corruption.",
		Mentions: []Ment{{oas, "OAS"}, {iacac, "Inter-American Convention against Corruption"}}}}}
	for _, id := range []string{oas, iacac} {
		claim.Entities = append(claim.Entities, &graph.Entity{ID: id, EntityKind: graph.KindInstitution, Name: "Claimed", Origin: graph.OriginDiscovered})
	}
	apply(t, s, claim)
	checkStore(t, s)
	apply(t, s, F{Name: "claim.txt"})
	checkStore(t, s)
	for _, id := range catalogEntityIDs {
		if _, err := s.Node(bg, id); err != nil {
			t.Errorf("catalog entity %s: %v", id, err)
		}
	}
	st, _ := s.Stats(bg)
	if want := (graph.Stats{Summits: 5, Conventions: 2, Institutions: 4, Themes: 2, Edges: 3, Files: 3}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

func TestApplyInvalidWritesNothing(t *testing.T) {
	good := func() *graph.Batch { return fileB().Batch() }
	for _, tc := range []struct {
		name  string
		batch func() *graph.Batch
		code  string
	}{
		{"no file name", func() *graph.Batch { b := good(); b.File = ""; return b }, graph.EINVALID},
		{"file name with a space", func() *graph.Batch {
			b := good()
			b.File = "b c.txt"
			for _, m := range b.Mandates {
				m.Sources[0].File = b.File
			}
			return b
		}, graph.EINVALID},
		{"mandate id with separator", func() *graph.Batch { b := good(); b.Mandates[1].ID = "mandate|x"; return b }, graph.EINVALID},
		{"empty mandate id", func() *graph.Batch { b := good(); b.Mandates[1].ID = ""; return b }, graph.EINVALID},
		{"document id with space", func() *graph.Batch { b := good(); b.Documents[0].ID = "document/a b"; return b }, graph.EINVALID},
		{"mandate twice", func() *graph.Batch { b := good(); b.Mandates = append(b.Mandates, b.Mandates[0]); return b }, graph.EDUPLICATE},
		{"document and mandate with one id", func() *graph.Batch { b := good(); b.Documents[0].ID = b.Mandates[0].ID; return b }, graph.EDUPLICATE},
		{"source of another file", func() *graph.Batch { b := good(); b.Mandates[0].Sources[0].File = "x.txt"; return b }, graph.EINVALID},
		{"two sources", func() *graph.Batch {
			b := good()
			b.Mandates[0].Sources = append(b.Mandates[0].Sources, b.Mandates[0].Sources[0])
			return b
		}, graph.EINVALID},
		{"entity of kind MANDATE", func() *graph.Batch {
			b := good()
			b.Entities = []*graph.Entity{{ID: "institution/x", EntityKind: graph.KindMandate, Name: "X"}}
			return b
		}, graph.EINVALID},
		{"edge of invalid type", func() *graph.Batch {
			b := good()
			b.Edges = append(b.Edges, graph.Edge{From: b.Mandates[0].ID, Type: "mentions", To: oas})
			return b
		}, graph.EINVALID},
		{"edge to invalid id", func() *graph.Batch {
			b := good()
			b.Edges = append(b.Edges, graph.Edge{From: b.Mandates[0].ID, Type: graph.Mentions, To: "institution/o a s"})
			return b
		}, graph.EINVALID},
		// Failures found while writing: the transaction is dropped.
		{"mention from an unknown mandate", func() *graph.Batch {
			b := good()
			b.Edges = append(b.Edges, graph.Edge{From: "mandate/nowhere/123", Type: graph.Mentions, To: oas, Evidence: []graph.Evidence{{Surface: "OAS"}}})
			return b
		}, graph.ENOTFOUND},
		{"entity id of a summit", func() *graph.Batch {
			b := good()
			b.Entities = []*graph.Entity{{ID: miami, EntityKind: graph.KindInstitution, Name: "Miami", Origin: graph.OriginDiscovered}}
			return b
		}, graph.ECONFLICT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t)
			apply(t, s, fileA())
			before := dump(t, s)
			_, err := s.Apply(bg, tc.batch())
			if graph.ErrorCode(err) != tc.code {
				t.Fatalf("Apply = %v (%s), want %s", err, graph.ErrorCode(err), tc.code)
			}
			sameDump(t, "failed apply", before, dump(t, s))
			// The store still works.
			apply(t, s, fileB())
			checkStore(t, s)
		})
	}
}

func TestApplyTooLarge(t *testing.T) {
	s, err := store.Open(store.Options{MemTableMB: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadCatalog(bg, testCatalog("v1")); err != nil {
		t.Fatal(err)
	}
	apply(t, s, fileA())
	before := dump(t, s)
	big := F{Name: "big.txt"}
	for i := range 5000 {
		big.Mandates = append(big.Mandates, M{Num: fmt.Sprint(i + 1), Summit: quebec, Doc: "Plan of Action",
			Text: fmt.Sprintf("Mandate number %d asks the OAS to act on item %d.", i+1, i), Mentions: []Ment{{oas, "OAS"}}})
	}
	_, err = s.Apply(bg, big.Batch())
	if graph.ErrorCode(err) != graph.ETOOLARGE {
		t.Fatalf("Apply(5000 mandates) = %v, want %s", err, graph.ETOOLARGE)
	}
	if !strings.Contains(graph.ErrorMessage(err), "big.txt") {
		t.Errorf("message %q does not name the file", graph.ErrorMessage(err))
	}
	sameDump(t, "too large", before, dump(t, s))
	// A small file still goes in.
	apply(t, s, fileB())
	checkStore(t, s)
}

func TestApplyCanceledWritesNothing(t *testing.T) {
	s := openStore(t)
	apply(t, s, fileA())
	before := dump(t, s)
	canceled, cancel := context.WithCancel(bg)
	cancel()
	expired, cancel2 := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer cancel2()
	for _, tc := range []struct {
		ctx  context.Context
		code string
	}{{canceled, graph.ECANCELED}, {expired, graph.ETIMEOUT}} {
		if _, err := s.Apply(tc.ctx, fileB().Batch()); graph.ErrorCode(err) != tc.code {
			t.Errorf("Apply = %v, want %s", err, tc.code)
		}
		if err := s.LoadCatalog(tc.ctx, testCatalog("v2")); graph.ErrorCode(err) != tc.code {
			t.Errorf("LoadCatalog = %v, want %s", err, tc.code)
		}
	}
	sameDump(t, "canceled apply", before, dump(t, s))
}

// Counters stay equal to a recount through a history of applies and
// replaces, and the store ends as if the last versions had been applied
// to an empty one.
func TestCountersThroughHistory(t *testing.T) {
	files := genWorld(worldOpts{files: 8, perFile: 25, seed: 1})
	s := openStore(t)
	final := map[string]F{}
	step := func(f F) {
		t.Helper()
		apply(t, s, f)
		final[f.Name] = f
		checkStore(t, s)
	}
	for _, f := range files {
		step(f)
	}
	// Replace: drop every third mandate, correct every fifth text, move
	// mandates between files, empty a file.
	for i, f := range files {
		g := F{Name: f.Name, Entities: f.Entities}
		moved := map[int]int{} // 1-based position in f → in g
		for j, ms := range f.Mandates {
			switch {
			case ms.Parent == 0 && j%3 == i%3:
				continue // dropped
			case ms.Parent > 0 && moved[ms.Parent] == 0:
				continue // its parent was dropped
			case j%5 == 0 && len(ms.Mentions) == 0:
				ms.Text += " Corrected."
			}
			ms.Parent = moved[ms.Parent]
			g.Mandates = append(g.Mandates, ms)
			moved[j+1] = len(g.Mandates)
		}
		if i == 3 {
			g.Mandates = append(g.Mandates, files[0].Mandates[0])
		}
		if i == 5 {
			g = F{Name: f.Name}
		}
		step(dedupe([]F{g})[0])
	}
	step(files[1]) // back to the first version
	want := openStore(t)
	for _, f := range files {
		apply(t, want, final[f.Name])
	}
	sameDump(t, "history vs fresh", dump(t, want), dump(t, s))
}

func TestReopen(t *testing.T) {
	dir := t.TempDir()
	s := openOnDisk(t, store.Options{Dir: dir})
	for _, f := range genWorld(worldOpts{files: 3, perFile: 20, seed: 5}) {
		apply(t, s, f)
	}
	before := dump(t, s)
	sums1, _ := s.Summits(bg)
	list1, _ := s.Mandates(bg, graph.MandateFilter{}, 1000, "")
	// A second process cannot open it.
	if _, err := store.Open(store.Options{Dir: dir}); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Errorf("second Open = %v, want %s", err, graph.EUNAVAILABLE)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, "reopen", before, dump(t, s))
	sums2, _ := s.Summits(bg)
	if len(sums2) != len(sums1) {
		t.Fatalf("Summits = %v, want %v", ids(sums2), ids(sums1))
	}
	for i := range sums1 {
		if !reflect.DeepEqual(sums1[i], sums2[i]) {
			t.Errorf("summit %d: %+v != %+v", i, sums2[i], sums1[i])
		}
	}
	list2, _ := s.Mandates(bg, graph.MandateFilter{}, 1000, "")
	if !slices.Equal(ids(list1.Mandates), ids(list2.Mandates)) {
		t.Error("listing changed across reopen")
	}
	// The summits cache is back: filters and new writes use it.
	if n, err := s.CountMandates(bg, graph.MandateFilter{Summit: quebec}); err != nil || n == 0 {
		t.Errorf("CountMandates(quebec) = %d, %v", n, err)
	}
	apply(t, s, fileA())
	checkStore(t, s)
}

// A batch's documents and discovered entities that nothing in the store
// points at are not kept, whether the file is new or replaces another
// version: the store does not depend on the file's history.
func TestApplyCollectsUnusedNewcomers(t *testing.T) {
	unusedEnt := "institution/unused-body"
	unusedDoc := "document/1994-miami/unused"
	batch := func(salt string) *graph.Batch {
		f := fileB()
		f.Salt = salt
		f.Entities = []*graph.Entity{{ID: unusedEnt, EntityKind: graph.KindInstitution, Name: "Unused Body", Origin: graph.OriginDiscovered}}
		b := f.Batch()
		b.Documents = append(b.Documents, &graph.Document{ID: unusedDoc, Title: "Unused", Summit: miami, Year: 1994})
		return b
	}
	s := openStore(t)
	var dumps [][]kv
	for _, salt := range []string{"1", "2"} {
		if _, err := s.Apply(bg, batch(salt)); err != nil {
			t.Fatal(err)
		}
		sn := checkStore(t, s)
		for _, id := range []string{unusedEnt, unusedDoc} {
			if ks := keysWith(sn.dump, id); len(ks) > 0 {
				t.Errorf("version %s: %s kept: %q", salt, id, ks)
			}
		}
		dumps = append(dumps, sn.dump)
	}
	fresh := openStore(t)
	if _, err := fresh.Apply(bg, batch("2")); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "replaced vs fresh", dump(t, fresh), dumps[1])
}

// An edge given twice in a batch is written once, the last one winning,
// and counted once.
func TestApplyDuplicateEdge(t *testing.T) {
	s := openStore(t)
	b := fileB().Batch()
	var dup graph.Edge
	for _, e := range b.Edges {
		if e.Type == graph.Mentions {
			dup = e
		}
	}
	dup.Evidence = append(slices.Clone(dup.Evidence), dup.Evidence...)
	b.Edges = append(b.Edges, dup)
	if _, err := s.Apply(bg, b); err != nil {
		t.Fatal(err)
	}
	checkStore(t, s)
	es, err := s.Edges(bg, graph.EdgeQuery{Node: dup.From, Type: graph.Mentions, WithProps: true})
	i := slices.IndexFunc(es, func(e graph.Edge) bool { return e.To == dup.To })
	if err != nil || len(es) != 2 || i < 0 || len(es[i].Evidence) != len(dup.Evidence) {
		t.Fatalf("edges = %+v, %v", es, err)
	}
}
