package nlp

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"summitgraph/graph"
)

const testSummits = `{"summits": [
  {"id": "summit/1994-miami", "ordinal": 1, "special": false, "name": "First Summit of the Americas",
   "city": "Miami", "country": "United States", "year": 1994, "places": ["Miami"]}
]}`

// entitiesJSON builds an entities.json from entity and relation lines.
func entitiesJSON(entities, relations []string) string {
	return "{\n\"entities\": [\n" + strings.Join(entities, ",\n") + "\n],\n\"relations\": [\n" + strings.Join(relations, ",\n") + "\n]\n}\n"
}

const (
	entA = `{"id": "convention/a", "kind": "CONVENTION", "name": "Alpha Convention", "acronyms": ["AC"], "aliases": ["Convention Alpha"]}`
	entB = `{"id": "institution/b", "kind": "INSTITUTION", "name": "Beta Network", "acronyms": ["BN"], "aliases": []}`
)

func TestLoadCatalogErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		file  string   // the file the error names
		want  []string // in the message
	}{
		{
			name:  "duplicate id",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, entB, `{"id": "convention/a", "kind": "CONVENTION", "name": "Alpha Again"}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entities.json: entity 3 (convention/a): duplicate id"},
		},
		{
			name:  "alias claimed by two entities",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, `{"id": "institution/c", "kind": "INSTITUTION", "name": "Gamma", "aliases": ["Alpha-Convention"]}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entities.json: entity 2 (institution/c): alias \"Alpha-Convention\" is already claimed by convention/a"},
		},
		{
			name:  "acronym claimed by two entities",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, `{"id": "institution/c", "kind": "INSTITUTION", "name": "Gamma", "acronyms": ["AC"]}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entity 2 (institution/c)", "\"AC\" is already claimed by convention/a"},
		},
		{
			name:  "relation to an unknown id",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, entB}, []string{`{"from": "institution/b", "type": "MONITORS", "to": "convention/a"}`, `{"from": "institution/b", "type": "MONITORS", "to": "convention/nope"}`})},
			file:  EntitiesFile,
			want:  []string{"entities.json: relation 2 (institution/b MONITORS convention/nope): unknown entity \"convention/nope\""},
		},
		{
			name:  "relation from an unknown id",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, entB}, []string{`{"from": "institution/x", "type": "PART_OF", "to": "institution/b"}`})},
			file:  EntitiesFile,
			want:  []string{"relation 1 (institution/x PART_OF institution/b): unknown entity \"institution/x\""},
		},
		{
			name:  "unknown kind",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, `{"id": "institution/c", "kind": "AGENCY", "name": "Gamma"}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entities.json: entity 2 (institution/c): kind \"AGENCY\" must be CONVENTION or INSTITUTION"},
		},
		{
			name:  "bad JSON",
			files: map[string]string{EntitiesFile: "{\n\"entities\": [\n" + entA + ",\n" + `{"id": "institution/b" "kind": "INSTITUTION"}` + "\n]}\n"},
			file:  EntitiesFile,
			want:  []string{"entities.json: line 4: invalid character"},
		},
		{
			name:  "wrong type",
			files: map[string]string{EntitiesFile: "{\"entities\": [\n" + entA + ",\n" + `{"id": "institution/b", "kind": "INSTITUTION", "name": "B", "year": "1990"}` + "\n]}\n"},
			file:  EntitiesFile,
			want:  []string{"entities.json: line 3: json: cannot unmarshal string"},
		},
		{
			name:  "unknown field",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entB, `{"id": "convention/a", "kind": "CONVENTION", "name": "A", "acronym": "A"}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entities.json: line 4: json: unknown field \"acronym\""},
		},
		{
			name: "duplicate theme id",
			files: map[string]string{
				EntitiesFile: entitiesJSON([]string{entA}, nil),
				ThemesFile:   `{"themes": [{"id": "theme/x", "name": "X", "group": "topic", "patterns": {"en": ["x"]}}, {"id": "theme/x", "name": "Y", "group": "topic", "patterns": {}}]}`,
			},
			file: ThemesFile,
			want: []string{"themes.json: theme 2 (theme/x): duplicate id"},
		},
		{
			name:  "theme patterns in an unknown language",
			files: map[string]string{ThemesFile: `{"themes": [{"id": "theme/x", "name": "X", "group": "topic", "patterns": {"de": ["x"]}}]}`},
			file:  ThemesFile,
			want:  []string{"themes.json: theme 1 (theme/x): patterns for unknown language \"de\""},
		},
		{
			name:  "acronym claimed by two entities in a language both hold in",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{entA, `{"id": "institution/c", "kind": "INSTITUTION", "name": "Gamma", "acronyms_by_language": {"fr": ["AC"]}}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entity 2 (institution/c)", "\"AC\" is already claimed by convention/a (in fr)"},
		},
		{
			name:  "acronym that is a common word",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{`{"id": "institution/c", "kind": "INSTITUTION", "name": "Gamma", "acronyms": ["DANS"]}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entity 1 (institution/c)", "acronym \"DANS\" is a common word in fr text"},
		},
		{
			name:  "acronyms for an unknown language",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{`{"id": "institution/c", "kind": "INSTITUTION", "name": "Gamma", "acronyms_by_language": {"de": ["GG"]}}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entity 1 (institution/c)", "acronyms for unknown language \"de\""},
		},
		{
			name:  "a Spanish name in the map of other languages",
			files: map[string]string{EntitiesFile: entitiesJSON([]string{`{"id": "institution/c", "kind": "INSTITUTION", "name": "Gamma", "names": {"es": "Gama"}}`}, nil)},
			file:  EntitiesFile,
			want:  []string{"entity 1 (institution/c)", "names for language \"es\": only fr, pt"},
		},
		{
			name:  "summit city in an unknown language",
			files: map[string]string{SummitsFile: `{"summits": [{"id": "summit/1994-miami", "ordinal": 1, "special": false, "name": "First", "city": "Miami", "country": "United States", "year": 1994, "places": [], "cities": {"de": "Miami"}}]}`},
			file:  SummitsFile,
			want:  []string{"summit 1 (summit/1994-miami)", "cities for language \"de\""},
		},
		{
			name:  "summit document of an unknown kind",
			files: map[string]string{SummitsFile: `{"summits": [{"id": "summit/1994-miami", "ordinal": 1, "special": false, "name": "First", "city": "Miami", "country": "United States", "year": 1994, "places": [], "documents": [{"kind": "TREATY", "titles": {"en": ["Treaty"]}}]}]}`},
			file:  SummitsFile,
			want:  []string{"summit 1 (summit/1994-miami): document 1", "kind \"TREATY\""},
		},
		{
			name:  "summit document without an English or Spanish title",
			files: map[string]string{SummitsFile: `{"summits": [{"id": "summit/1994-miami", "ordinal": 1, "special": false, "name": "First", "city": "Miami", "country": "United States", "year": 1994, "places": [], "documents": [{"kind": "DECLARATION", "titles": {"fr": ["Déclaration"]}}]}]}`},
			file:  SummitsFile,
			want:  []string{"document 1", "an English or Spanish title is required"},
		},
		{
			name:  "no summits file",
			files: map[string]string{SummitsFile: ""},
			file:  SummitsFile,
			want:  []string{"summits.json: "},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{SummitsFile: {Data: []byte(testSummits)}}
			for name, data := range tc.files {
				if data == "" {
					delete(fsys, name)
					continue
				}
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			c, err := LoadCatalog(fsys)
			if err == nil {
				t.Fatalf("LoadCatalog succeeded with %d entities; want an error", len(c.Entities))
			}
			var ce *CatalogError
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v; want a *CatalogError", err, err)
			}
			if ce.File != tc.file {
				t.Errorf("error names file %q, want %q (%v)", ce.File, tc.file, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// TestScopedAcronyms: one acronym may be two entities' in languages that
// do not overlap, and each is found in its own language's text only.
func TestScopedAcronyms(t *testing.T) {
	fsys := fstest.MapFS{
		SummitsFile: {Data: []byte(testSummits)},
		EntitiesFile: {Data: []byte(entitiesJSON([]string{
			`{"id": "institution/b", "kind": "INSTITUTION", "name": "Beta Bank", "acronyms": ["BB"], "acronyms_by_language": {"en": ["BB"]}}`,
			`{"id": "convention/c", "kind": "CONVENTION", "name": "Gamma Convention", "names": {"fr": "Convention Gamma"}, "acronyms_by_language": {"fr": ["BB"]}}`,
		}, nil))},
	}
	c, err := LoadCatalog(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "The BB lends.", "institution/b|BB|catalog"},
		{"fr", "La BB protège.", "convention/c|BB|catalog"},
		{"es", "La BB.", ""},
		{"fr", "La Convention Gamma.", "convention/c|Convention Gamma|catalog"},
	} {
		got := strings.Join(mentionsOf(c.Extract(textPage(tc.lang, tc.text), nil).Paragraphs[0], false), ",")
		if got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
	if e := c.Entity("convention/c"); !slices.Contains(e.Aliases, "Convention Gamma") || e.NameIn("fr") != "Convention Gamma" || !slices.Contains(e.Acronyms, "BB") {
		t.Errorf("entity %+v: want its French name among its aliases and BB among its acronyms", e)
	}
}

// TestCatalogFourLanguages checks the seed catalog in the four languages:
// every summit has French and Portuguese names, cities and countries;
// every French or Portuguese name of an entity is, normalized, that
// entity's name and no other's, as the store's resolve compares names.
func TestCatalogFourLanguages(t *testing.T) {
	c := testCatalog(t)
	for _, s := range c.Summits {
		for _, lang := range Languages {
			if s.NameIn(lang) == "" || s.CityIn(lang) == "" || s.CountryIn(lang) == "" {
				t.Errorf("%s lacks its %s name, city or country", s.ID, lang)
			}
		}
	}
	owners := map[string]map[string]bool{}
	for _, e := range c.Entities {
		for _, n := range graph.EntityNames(e) {
			k := graph.NormalizeName(n)
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][e.ID] = true
		}
	}
	named := 0
	for _, e := range c.Entities {
		if e.EntityKind == graph.KindTheme {
			continue
		}
		for _, lang := range []string{"fr", "pt"} {
			n := e.NameIn(lang)
			if n == "" {
				continue
			}
			named++
			if o := owners[graph.NormalizeName(n)]; len(o) != 1 || !o[e.ID] {
				t.Errorf("%s name %q of %s resolves to %v", lang, n, e.ID, o)
			}
		}
	}
	for _, tc := range []struct{ name, id string }{
		{"Convention interaméricaine contre la corruption", "convention/inter-american-convention-against-corruption"},
		{"Convenção Interamericana contra a Corrupção", "convention/inter-american-convention-against-corruption"},
		{"Inter-American Convention against Corruption", "convention/inter-american-convention-against-corruption"},
		{"Organização Pan-Americana da Saúde", "institution/paho"},
		{"OPAS", "institution/paho"},
		{"Banque mondiale", "institution/world-bank"},
		{"CEPALC", "institution/eclac"},
	} {
		if o := owners[graph.NormalizeName(tc.name)]; len(o) != 1 || !o[tc.id] {
			t.Errorf("%q resolves to %v, want %s", tc.name, o, tc.id)
		}
	}
	t.Logf("%d French and Portuguese names of conventions and institutions", named)
}

func TestLoadCatalogMinimal(t *testing.T) {
	fsys := fstest.MapFS{
		SummitsFile:  {Data: []byte(testSummits)},
		EntitiesFile: {Data: []byte(entitiesJSON([]string{entA, entB}, []string{`{"from": "institution/b", "type": "MONITORS", "to": "convention/a"}`}))},
	}
	c, err := LoadCatalog(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Summits) != 1 || len(c.Entities) != 2 || len(c.Relations) != 1 || len(c.Themes) != 0 {
		t.Errorf("loaded %d summits, %d entities, %d relations, %d themes; want 1, 2, 1, 0", len(c.Summits), len(c.Entities), len(c.Relations), len(c.Themes))
	}
	ex := c.Extract(textPage("en", "The BN monitors the Convention Alpha."), nil)
	want := []string{"institution/b|BN|catalog", "convention/a|Convention Alpha|catalog"}
	if got := mentionsOf(ex.Paragraphs[0], true); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadSeedCatalog(t *testing.T) {
	c := testCatalog(t)
	kinds := map[graph.Kind]int{}
	for _, e := range c.Entities {
		kinds[e.EntityKind]++
		if c.Entity(e.ID) != e {
			t.Errorf("Entity(%q) does not return it", e.ID)
		}
	}
	if len(c.Summits) == 0 || kinds[graph.KindConvention] == 0 || kinds[graph.KindInstitution] == 0 || kinds[graph.KindTheme] == 0 || len(c.Themes) == 0 || len(c.Relations) == 0 {
		t.Errorf("seed catalog: %d summits, %v entities, %d themes, %d relations; want some of each", len(c.Summits), kinds, len(c.Themes), len(c.Relations))
	}
	if kinds[graph.KindTheme] != len(c.Themes) {
		t.Errorf("%d theme entities, %d themes", kinds[graph.KindTheme], len(c.Themes))
	}
	for _, r := range c.Relations {
		if c.Entity(r.From) == nil || c.Entity(r.To) == nil {
			t.Errorf("relation %s %s %s: an end is not in the catalog", r.From, r.Type, r.To)
		}
	}
	for _, th := range c.Themes {
		if len(th.Patterns["en"]) == 0 || len(th.Patterns["es"]) == 0 {
			t.Errorf("theme %s lacks English or Spanish patterns", th.Entity.ID)
		}
	}
	if c.Version == "" {
		t.Error("no catalog version")
	}
}
