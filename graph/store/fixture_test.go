package store_test

// Test fixtures: a small catalog, a builder of source-file batches from
// hand-written mandate specs, and a generator of larger synthetic corpora.
// Nothing here imports package nlp: the batches are built by hand, with ids,
// evidence, term vectors and MinHash signatures computed the simple way.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

var bg = context.Background()

func strp(s string) *string { return &s }
func intp(n int) *int       { return &n }

// Summits of the test catalog. Monterrey is special and has no start date:
// it sorts at the end of its year.
const (
	miami      = "summit/1994-miami"
	santiago   = "summit/1998-santiago"
	quebec     = "summit/2001-quebec-city"
	monterrey  = "summit/2004-monterrey"
	losAngeles = "summit/2022-los-angeles"
)

// Entities of the test catalog.
const (
	iacac      = "convention/inter-american-convention-against-corruption"
	charter    = "convention/inter-american-democratic-charter"
	mesicic    = "institution/mesicic"
	oas        = "institution/oas"
	oasGA      = "institution/oas-general-assembly"
	idb        = "institution/idb"
	corruption = "theme/corruption"
	gender     = "theme/gender"
)

var summitIDs = []string{miami, santiago, quebec, monterrey, losAngeles}

var summitYear = map[string]int{miami: 1994, santiago: 1998, quebec: 2001, monterrey: 2004, losAngeles: 2022}

func testSummits() []*graph.Summit {
	return []*graph.Summit{
		{ID: miami, Ordinal: intp(1), Name: "First Summit of the Americas", City: "Miami", Country: "United States", Year: 1994, StartDate: strp("1994-12-09")},
		{ID: santiago, Ordinal: intp(2), Name: "Second Summit of the Americas", City: "Santiago", Country: "Chile", Year: 1998, StartDate: strp("1998-04-18")},
		{ID: quebec, Ordinal: intp(3), Name: "Third Summit of the Americas", City: "Québec City", CityES: "Quebec", Country: "Canada", Year: 2001, StartDate: strp("2001-04-20")},
		{ID: monterrey, Special: true, Name: "Special Summit of the Americas", City: "Monterrey", Country: "Mexico", Year: 2004},
		{ID: losAngeles, Ordinal: intp(9), Name: "Ninth Summit of the Americas", City: "Los Angeles", Country: "United States", Year: 2022, StartDate: strp("2022-06-06")},
	}
}

func testEntities() []*graph.Entity {
	return []*graph.Entity{
		{ID: iacac, EntityKind: graph.KindConvention, Name: "Inter-American Convention against Corruption", NameES: "Convención Interamericana contra la Corrupción", Acronyms: []string{"IACAC"}, Year: 1996, Origin: graph.OriginCatalog},
		{ID: charter, EntityKind: graph.KindConvention, Name: "Inter-American Democratic Charter", NameES: "Carta Democrática Interamericana", Year: 2001, Origin: graph.OriginCatalog},
		{ID: mesicic, EntityKind: graph.KindInstitution, Name: "Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption", Acronyms: []string{"MESICIC"}, Origin: graph.OriginCatalog},
		{ID: oas, EntityKind: graph.KindInstitution, Name: "Organization of American States", NameES: "Organización de los Estados Americanos", Acronyms: []string{"OAS", "OEA"}, Origin: graph.OriginCatalog},
		{ID: oasGA, EntityKind: graph.KindInstitution, Name: "OAS General Assembly", Origin: graph.OriginCatalog},
		{ID: idb, EntityKind: graph.KindInstitution, Name: "Inter-American Development Bank", NameES: "Banco Interamericano de Desarrollo", Acronyms: []string{"IDB", "BID"}, Origin: graph.OriginCatalog},
		{ID: corruption, EntityKind: graph.KindTheme, Name: "Corruption", Group: "topic", Origin: graph.OriginCatalog},
		{ID: gender, EntityKind: graph.KindTheme, Name: "Gender equality", Aliases: []string{"gender"}, Group: "population", Origin: graph.OriginCatalog},
	}
}

// surfaces are words the generated texts use to mention each catalog
// entity.
var surfaces = map[string][]string{
	iacac:      {"Inter-American Convention against Corruption", "IACAC"},
	charter:    {"Inter-American Democratic Charter"},
	mesicic:    {"MESICIC"},
	oas:        {"Organization of American States", "OAS"},
	oasGA:      {"the General Assembly"},
	idb:        {"IDB", "Inter-American Development Bank"},
	corruption: {"corruption"},
	gender:     {"gender equality"},
}

var catalogEntityIDs = []string{iacac, charter, mesicic, oas, oasGA, idb, corruption, gender}

func testCatalog(version string) *graph.Catalog {
	return &graph.Catalog{
		Version:  version,
		Summits:  testSummits(),
		Entities: testEntities(),
		Relations: []graph.Edge{
			{From: mesicic, Type: graph.Monitors, To: iacac},
			{From: mesicic, Type: graph.PartOf, To: oas},
			{From: oasGA, Type: graph.PartOf, To: oas},
		},
		Vectors: []graph.Vector{entityVector(testEntities()[0]), entityVector(testEntities()[3])},
	}
}

// openStore opens an in-memory store with the test catalog loaded.
// openOnDisk opens a store on disk with the test catalog loaded; the
// caller closes it.
func openOnDisk(t testing.TB, opts store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadCatalog(bg, testCatalog("v1")); err != nil {
		s.Close()
		t.Fatal(err)
	}
	return s
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.LoadCatalog(bg, testCatalog("v1")); err != nil {
		t.Fatal(err)
	}
	return s
}

// M describes one mandate of a test file.
type M struct {
	Num    string
	Summit string // summit id; "" for an unattributed mandate
	Doc    string // document title; "" for none
	Text   string
	// Parent is the 1-based position of the parent mandate in the file; 0
	// for a top-level mandate.
	Parent   int
	Mentions []Ment
	Refs     []Ref
	// Sig overrides the MinHash signature computed from the text.
	Sig []uint32
}

// Ment is a mention: every occurrence of Surface in the text is evidence.
type Ment struct{ Entity, Surface string }

// Ref references a summit, or a document of it when Title is set.
type Ref struct{ Summit, Title, Surface string }

// F describes a test source file.
type F struct {
	Name     string
	Mandates []M
	// Entities are discovered entities, or known ones with aliases the
	// text taught.
	Entities []*graph.Entity
	// Salt changes the file's hash and nothing else.
	Salt string
}

func where(summit string) string {
	if summit == "" {
		return "unattributed"
	}
	return strings.TrimPrefix(summit, "summit/")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func docID(summit, title string) string { return "document/" + where(summit) + "/" + slug(title) }

func mandateID(summit, doc, parent, num, text string) string {
	h := sha256.Sum256([]byte(doc + "\x00" + parent + "\x00" + num + "\x00" + text))
	return "mandate/" + where(summit) + "/" + hex.EncodeToString(h[:6])
}

// words splits a text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// termVector counts the words of a text, in order of first occurrence.
func termVector(text string) ([]graph.TermFreq, int) {
	ws := words(text)
	idx := map[string]int{}
	var out []graph.TermFreq
	for _, w := range ws {
		if i, ok := idx[w]; ok {
			out[i].Freq++
			continue
		}
		idx[w] = len(out)
		out = append(out, graph.TermFreq{Term: w, Freq: 1})
	}
	return out, len(ws)
}

// minhash is a MinHash signature of the word set of a text.
func minhash(text string) []uint32 {
	sig := make([]uint32, graph.SignatureLen)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, w := range words(text) {
		for i := range sig {
			h := fnv.New32a()
			fmt.Fprintf(h, "%d:%s", i, w)
			if v := h.Sum32(); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

func entityVector(e *graph.Entity) graph.Vector {
	terms, n := termVector(strings.Join(graph.EntityNames(e), " "))
	return graph.Vector{ID: e.ID, Terms: terms, Length: n}
}

// evidence finds every occurrence of surface in text, offsets in code
// points.
func evidence(text, surface string) []graph.Evidence {
	var out []graph.Evidence
	for off := 0; ; {
		i := strings.Index(text[off:], surface)
		if i < 0 {
			break
		}
		start := utf8.RuneCountInString(text[:off+i])
		out = append(out, graph.Evidence{Surface: surface, Start: start, End: start + utf8.RuneCountInString(surface), Method: graph.MethodCatalog, Confidence: 0.9})
		off += i + len(surface)
	}
	if len(out) == 0 {
		panic(fmt.Sprintf("test fixture: %q not in %q", surface, text))
	}
	return out
}

// Hash is the file's content hash.
func (f F) Hash() string {
	raw, err := json.Marshal(f)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:12])
}

// IDs are the ids of the file's mandates, in file order.
func (f F) IDs() []string {
	ids := make([]string, len(f.Mandates))
	for i, ms := range f.Mandates {
		doc, parent := "", ""
		if ms.Doc != "" {
			doc = docID(ms.Summit, ms.Doc)
		}
		if ms.Parent > 0 {
			parent = ids[ms.Parent-1]
		}
		ids[i] = mandateID(ms.Summit, doc, parent, ms.Num, ms.Text)
	}
	return ids
}

// Batch builds what the pipeline would write for the file.
func (f F) Batch() *graph.Batch {
	b := &graph.Batch{File: f.Name, Hash: f.Hash()}
	docs := map[string]bool{}
	addDoc := func(summit, title string) string {
		id := docID(summit, title)
		if !docs[id] {
			docs[id] = true
			b.Documents = append(b.Documents, &graph.Document{ID: id, Title: title, Summit: summit, Year: summitYear[summit]})
		}
		return id
	}
	ids := f.IDs()
	for i, ms := range f.Mandates {
		m := &graph.Mandate{
			ID:      ids[i],
			Number:  ms.Num,
			Text:    ms.Text,
			Summit:  ms.Summit,
			Sources: []graph.Source{{File: f.Name, Line: 10*i + 1, Heading: "Heading", Seq: i}},
		}
		if ms.Summit != "" {
			m.Year = summitYear[ms.Summit]
			m.Citation = where(ms.Summit)
		} else {
			m.Flags = []string{graph.FlagUncited}
		}
		if ms.Doc != "" {
			m.Document = addDoc(ms.Summit, ms.Doc)
			b.Edges = append(b.Edges, graph.Edge{From: m.ID, Type: graph.From, To: m.Document})
		}
		if ms.Parent > 0 {
			m.Parent = ids[ms.Parent-1]
			b.Edges = append(b.Edges, graph.Edge{From: m.ID, Type: graph.PartOf, To: m.Parent})
		}
		b.Mandates = append(b.Mandates, m)
		byEnt := map[string]int{}
		for _, mt := range ms.Mentions {
			ev := evidence(ms.Text, mt.Surface)
			if j, ok := byEnt[mt.Entity]; ok {
				e := &b.Edges[j]
				e.Evidence = append(e.Evidence, ev...)
				sortEvidence(e.Evidence)
				continue
			}
			byEnt[mt.Entity] = len(b.Edges)
			b.Edges = append(b.Edges, graph.Edge{From: m.ID, Type: graph.Mentions, To: mt.Entity, Weight: 0.9, Evidence: ev})
		}
		for _, r := range ms.Refs {
			target := r.Summit
			if r.Title != "" {
				target = addDoc(r.Summit, r.Title)
			}
			ev := evidence(ms.Text, r.Surface)
			for j := range ev {
				ev[j].Method = graph.MethodPattern
			}
			b.Edges = append(b.Edges, graph.Edge{From: m.ID, Type: graph.References, To: target, Evidence: ev})
		}
		terms, n := termVector(ms.Text)
		sig := ms.Sig
		if sig == nil {
			sig = minhash(ms.Text)
		}
		b.Vectors = append(b.Vectors, graph.Vector{ID: m.ID, Terms: terms, Length: n, Signature: sig, Summit: ms.Summit})
	}
	for _, e := range f.Entities {
		b.Entities = append(b.Entities, e)
		if e.Origin == graph.OriginDiscovered {
			b.Vectors = append(b.Vectors, entityVector(e))
		}
	}
	return b
}

func sortEvidence(ev []graph.Evidence) {
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].Start < ev[j-1].Start; j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
}

func apply(t testing.TB, s *store.Store, f F) graph.ApplyResult {
	t.Helper()
	res, err := s.Apply(bg, f.Batch())
	if err != nil {
		t.Fatalf("apply %s: %v", f.Name, err)
	}
	return res
}

// A synthetic corpus: files of mandates spread over the summits, with
// documents, items, mentions (several occurrences), references, shared
// mandates (the same mandate carried by two files) and discovered entities.

var vocab = strings.Fields(`governments shall strengthen cooperation promote
support develop implement regional national policies programs access public
information health education labor migration environment energy security
trade investment infrastructure indigenous peoples women youth democracy
rights justice transparency accountability institutions capacity technical
assistance financing resources participation civil society hemispheric
dialogue agenda review progress commitments ministers meetings`)

var titles = []string{"Plan of Action", "Declaration of Principles"}

type worldOpts struct {
	files, perFile int
	seed           uint64
	// hot, when set, is mentioned (as hotSurface) by every hotEvery-th
	// mandate.
	hot, hotSurface string
	hotEvery        int
}

// genWorld generates a corpus. The same seed gives the same corpus.
func genWorld(o worldOpts) []F {
	rng := rand.New(rand.NewPCG(o.seed, 7))
	var shared []M // top-level mandates that a later file repeats
	files := make([]F, o.files)
	n := 0
	for fi := range files {
		f := F{Name: fmt.Sprintf("page-%02d.txt", fi)}
		if fi%3 == 2 {
			disc := &graph.Entity{
				ID:         fmt.Sprintf("institution/discovered-body-%d", fi),
				EntityKind: graph.KindInstitution,
				Name:       fmt.Sprintf("Discovered Body %d", fi),
				Origin:     graph.OriginDiscovered,
			}
			f.Entities = append(f.Entities, disc)
		}
		lastTop := map[string]int{} // summit → 1-based position of its last top-level mandate
		for j := 0; j < o.perFile; j++ {
			n++
			if len(shared) > 0 && rng.IntN(8) == 0 {
				ms := shared[rng.IntN(len(shared))]
				f.Mandates = append(f.Mandates, ms)
				lastTop[ms.Summit] = len(f.Mandates)
				continue
			}
			var ms M
			si := rng.IntN(len(summitIDs) + 1)
			if si < len(summitIDs) {
				ms.Summit = summitIDs[si]
				if rng.IntN(5) > 0 {
					ms.Doc = titles[rng.IntN(len(titles))]
				}
			}
			if p, ok := lastTop[ms.Summit]; ok && rng.IntN(3) == 0 {
				ms.Parent = p
				ms.Doc = f.Mandates[p-1].Doc
				ms.Num = string(rune('a' + j%26))
			} else {
				ms.Num = fmt.Sprint(j + 1)
			}
			var text []string
			text = append(text, fmt.Sprintf("Mandate %d of %s:", j+1, f.Name))
			for range 6 + rng.IntN(10) {
				text = append(text, vocab[rng.IntN(len(vocab))])
			}
			ents := map[string]bool{}
			for range rng.IntN(4) {
				e := catalogEntityIDs[rng.IntN(len(catalogEntityIDs))]
				if ents[e] {
					continue
				}
				ents[e] = true
				sf := surfaces[e][rng.IntN(len(surfaces[e]))]
				for range 1 + rng.IntN(2) {
					text = append(text, sf, vocab[rng.IntN(len(vocab))])
				}
				ms.Mentions = append(ms.Mentions, Ment{e, sf})
			}
			if o.hot != "" && n%o.hotEvery == 0 && !ents[o.hot] {
				sf := o.hotSurface
				text = append(text, sf)
				ms.Mentions = append(ms.Mentions, Ment{o.hot, sf})
			}
			if len(f.Entities) > 0 && rng.IntN(3) == 0 {
				sf := f.Entities[0].Name
				text = append(text, "with the", sf)
				ms.Mentions = append(ms.Mentions, Ment{f.Entities[0].ID, sf})
			}
			if ms.Summit != "" && rng.IntN(6) == 0 {
				rs := summitIDs[rng.IntN(len(summitIDs))]
				sf := fmt.Sprintf("as agreed in %d", summitYear[rs])
				text = append(text, sf)
				r := Ref{Summit: rs, Surface: sf}
				if rng.IntN(2) == 0 {
					r.Title = titles[0]
				}
				ms.Refs = append(ms.Refs, r)
			}
			ms.Text = strings.Join(text, " ") + "."
			f.Mandates = append(f.Mandates, ms)
			if ms.Parent == 0 {
				lastTop[ms.Summit] = len(f.Mandates)
				if ms.Summit != "" && rng.IntN(6) == 0 {
					// Only catalog mentions: a shared mandate must read the
					// same in both files.
					var cm []Ment
					for _, mt := range ms.Mentions {
						if strings.HasPrefix(mt.Entity, "institution/discovered") {
							cm = nil
							break
						}
						cm = append(cm, mt)
					}
					if len(cm) == len(ms.Mentions) {
						shared = append(shared, ms)
					}
				}
			}
		}
		files[fi] = f
	}
	return dedupe(files)
}

// dedupe drops a mandate a file would carry twice (a shared mandate picked
// twice), which a real file cannot hold.
func dedupe(files []F) []F {
	for fi, f := range files {
		ids := f.IDs()
		pos := map[string]int{} // id → 1-based position in keep
		var keep []M
		remap := map[int]int{}
		for i, ms := range f.Mandates {
			if p, ok := pos[ids[i]]; ok {
				remap[i+1] = p
				continue
			}
			if ms.Parent > 0 {
				ms.Parent = remap[ms.Parent]
			}
			keep = append(keep, ms)
			pos[ids[i]] = len(keep)
			remap[i+1] = len(keep)
		}
		files[fi].Mandates = keep
	}
	return files
}
