package nlp

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"summitgraph/graph"
)

// Catalog is the reference data extraction works from: the summits, the
// known conventions and institutions, their relations, and the themes with
// the words that signal them. It is read once from the seeds folder and is
// read-only afterwards, so it is safe to share.
type Catalog struct {
	Summits   []*graph.Summit
	Entities  []*graph.Entity // conventions, institutions and themes
	Relations []graph.Edge
	Themes    []*Theme
	// Version is a digest of the catalog files.
	Version string

	// Documents are the summit documents the catalog names, in summit
	// order.
	Documents []*SummitDocument

	byID      map[string]*graph.Entity
	summitIDs map[string]*graph.Summit
	places    []place                           // summit places, longest first
	countries map[string]map[*graph.Summit]bool // normalized country names (four languages) → summits held there
	// scoped are the acronyms that hold in some languages only, by entity
	// and printed form.
	scoped map[*graph.Entity]map[string]langSet
	// placeWords are the one-word names of summit places and countries,
	// normalized: proper nouns for name discovery.
	placeWords map[string]bool
	matcher    *matcher
	themes     *themeMatcher
}

// Languages are the official languages of the Summits, as ISO 639-1
// codes, in the order the catalog lists them.
var Languages = []string{"en", "es", "fr", "pt"}

// otherLanguages are the languages whose names the catalog keeps in maps:
// English and Spanish have fields of their own.
var otherLanguages = []string{"fr", "pt"}

// Theme is a controlled topic or population group with the word patterns
// that signal it.
type Theme struct {
	Entity   *graph.Entity
	Patterns map[string][]string // by language: "en", "es", "fr", "pt"
}

// DocKind is the kind of a summit document.
type DocKind string

// The kinds of summit document.
const (
	DocDeclaration  DocKind = "DECLARATION"
	DocPlanOfAction DocKind = "PLAN_OF_ACTION"
	DocCommitment   DocKind = "COMMITMENT"
	DocMandates     DocKind = "MANDATES_FOR_ACTION"
	DocOther        DocKind = "OTHER"
)

// Valid reports whether k is one of the document kinds.
func (k DocKind) Valid() bool {
	switch k {
	case DocDeclaration, DocPlanOfAction, DocCommitment, DocMandates, DocOther:
		return true
	}
	return false
}

// SummitDocument is a document a summit adopted, as the catalog names it.
type SummitDocument struct {
	Summit *graph.Summit
	Kind   DocKind
	// Titles by language, the form citations use first; English or
	// Spanish always.
	Titles map[string][]string
	// ID is DocumentID of its first English title (Spanish when none).
	ID string
	// words are the normalized words of each title, for finding it.
	words [][]string
}

type place struct {
	norm   string   // normalized words of the place name, space separated
	words  []string // the same, split
	summit *graph.Summit
}

// Catalog file names inside the seeds folder.
const (
	SummitsFile  = "summits.json"
	EntitiesFile = "entities.json"
	ThemesFile   = "themes.json"
)

// summitEntry is a summit of summits.json: the domain's summit and the
// documents it adopted.
type summitEntry struct {
	*graph.Summit
	Documents []struct {
		Kind   DocKind             `json:"kind"`
		Titles map[string][]string `json:"titles"`
	} `json:"documents"`
}

type entitiesFile struct {
	Entities []struct {
		ID       string   `json:"id"`
		Kind     string   `json:"kind"`
		Name     string   `json:"name"`
		NameES   string   `json:"name_es"`
		Acronyms []string `json:"acronyms"`
		Aliases  []string `json:"aliases"`
		Year     int      `json:"year"`
		// Names are the canonical names in French and Portuguese.
		Names map[string]string `json:"names"`
		// AcronymsByLanguage are the acronyms that hold in some
		// languages' text only, whether listed in Acronyms too (for their
		// place in it) or not: "UN" is the United Nations in English and
		// the article in Spanish and French.
		AcronymsByLanguage map[string][]string `json:"acronyms_by_language"`
	} `json:"entities"`
	Relations []struct {
		From string `json:"from"`
		Type string `json:"type"`
		To   string `json:"to"`
	} `json:"relations"`
}

type themesFile struct {
	Themes []struct {
		ID       string              `json:"id"`
		Name     string              `json:"name"`
		NameES   string              `json:"name_es"`
		Names    map[string]string   `json:"names"`
		Group    string              `json:"group"`
		Patterns map[string][]string `json:"patterns"`
	} `json:"themes"`
}

// CatalogError is a problem in a catalog file, naming the file and the
// entry.
type CatalogError struct {
	File  string
	Entry string
	Msg   string
}

func (e *CatalogError) Error() string {
	if e.Entry == "" {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.File, e.Entry, e.Msg)
}

// LoadCatalog reads summits.json, and entities.json and themes.json when
// present, from fsys, checks them and builds the matchers.
func LoadCatalog(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{byID: map[string]*graph.Entity{}, summitIDs: map[string]*graph.Summit{}, placeWords: map[string]bool{}, scoped: map[*graph.Entity]map[string]langSet{}}
	digest := sha256.New()
	read := func(name string, v any, required bool) (bool, error) {
		data, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) && !required {
			return false, nil
		}
		if err != nil {
			return false, &CatalogError{File: name, Msg: err.Error()}
		}
		digest.Write([]byte(name))
		digest.Write(data)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			return false, &CatalogError{File: name, Msg: jsonErrorAt(data, err)}
		}
		return true, nil
	}

	var sf struct {
		Summits []*summitEntry `json:"summits"`
	}
	if _, err := read(SummitsFile, &sf, true); err != nil {
		return nil, err
	}
	if err := c.addSummits(sf.Summits); err != nil {
		return nil, err
	}

	var ef entitiesFile
	if ok, err := read(EntitiesFile, &ef, false); err != nil {
		return nil, err
	} else if ok {
		if err := c.addEntities(&ef); err != nil {
			return nil, err
		}
	}
	var tf themesFile
	if ok, err := read(ThemesFile, &tf, false); err != nil {
		return nil, err
	} else if ok {
		if err := c.addThemes(&tf); err != nil {
			return nil, err
		}
	}
	if err := c.checkAliases(); err != nil {
		return nil, err
	}
	c.Version = hex.EncodeToString(digest.Sum(nil))[:16]
	c.matcher = newMatcher(c.Entities, c.scoped)
	c.themes = newThemeMatcher(c.Themes)
	return c, nil
}

// jsonErrorAt turns a JSON error into a message with a line number.
func jsonErrorAt(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		// An unknown field carries no offset: find the key.
		if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if k := bytes.Index(data, []byte(f)); k >= 0 {
				off = int64(k)
			}
		}
	}
	if off < 0 {
		return err.Error()
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return fmt.Sprintf("line %d: %v", line, err)
}

// checkNames refuses a language map with a language other than French
// and Portuguese (English and Spanish have fields of their own) or an
// empty name.
func checkNames(m map[string]string, what string) string {
	for lang, n := range m {
		if !contains(otherLanguages, lang) {
			return fmt.Sprintf("%s for language %q: only %s (English and Spanish have fields of their own)", what, lang, strings.Join(otherLanguages, ", "))
		}
		if strings.TrimSpace(n) == "" {
			return fmt.Sprintf("empty %s for language %q", what, lang)
		}
	}
	return ""
}

// inLanguages lists the values of a language map in the catalog's order
// of languages.
func inLanguages(m map[string]string) []string {
	var out []string
	for _, lang := range otherLanguages {
		if v := m[lang]; v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (c *Catalog) addSummits(entries []*summitEntry) error {
	if len(entries) == 0 {
		return &CatalogError{File: SummitsFile, Msg: "no summits"}
	}
	for i, se := range entries {
		s := se.Summit
		if s == nil {
			s = &graph.Summit{}
		}
		entry := fmt.Sprintf("summit %d (%s)", i+1, s.ID)
		switch {
		case !strings.HasPrefix(s.ID, "summit/") || !graph.ValidID(s.ID):
			return &CatalogError{File: SummitsFile, Entry: entry, Msg: "id must look like summit/<year>-<city>"}
		case c.summitIDs[s.ID] != nil:
			return &CatalogError{File: SummitsFile, Entry: entry, Msg: "duplicate id"}
		case s.Name == "" || s.City == "" || s.Country == "" || s.Year < 1900:
			return &CatalogError{File: SummitsFile, Entry: entry, Msg: "name, city, country and year are required"}
		case s.Special != (s.Ordinal == nil):
			return &CatalogError{File: SummitsFile, Entry: entry, Msg: "a summit has an ordinal unless it is special"}
		}
		for what, m := range map[string]map[string]string{"names": s.Names, "cities": s.Cities, "countries": s.Countries} {
			if msg := checkNames(m, what); msg != "" {
				return &CatalogError{File: SummitsFile, Entry: entry, Msg: msg}
			}
		}
		c.summitIDs[s.ID] = s
		c.Summits = append(c.Summits, s)
		if c.countries == nil {
			c.countries = map[string]map[*graph.Summit]bool{}
		}
		countries := append([]string{s.Country, s.CountryES}, inLanguages(s.Countries)...)
		for _, name := range countries {
			if w := normWords(name); w != "" {
				if c.countries[w] == nil {
					c.countries[w] = map[*graph.Summit]bool{}
				}
				c.countries[w][s] = true
			}
		}
		names := append(append([]string{s.City, s.CityES}, inLanguages(s.Cities)...), s.Places...)
		seen := map[string]bool{}
		for _, p := range names {
			if w := normWords(p); w != "" && !seen[w] {
				seen[w] = true
				c.places = append(c.places, place{norm: w, words: strings.Fields(w), summit: s})
			}
		}
		for _, p := range append(names, countries...) {
			if w := normWords(p); w != "" && !strings.Contains(w, " ") {
				c.placeWords[w] = true
			}
		}
		for k, d := range se.Documents {
			dentry := fmt.Sprintf("%s: document %d", entry, k+1)
			if !d.Kind.Valid() {
				return &CatalogError{File: SummitsFile, Entry: dentry, Msg: fmt.Sprintf("kind %q must be one of DECLARATION, PLAN_OF_ACTION, COMMITMENT, MANDATES_FOR_ACTION, OTHER", d.Kind)}
			}
			titles := append(d.Titles["en"], d.Titles["es"]...)
			if len(titles) == 0 {
				return &CatalogError{File: SummitsFile, Entry: dentry, Msg: "an English or Spanish title is required"}
			}
			sd := &SummitDocument{Summit: s, Kind: d.Kind, Titles: d.Titles, ID: DocumentID(s, titles[0])}
			for _, lang := range Languages {
				for _, t := range d.Titles[lang] {
					if strings.TrimSpace(t) == "" {
						return &CatalogError{File: SummitsFile, Entry: dentry, Msg: fmt.Sprintf("empty title for language %q", lang)}
					}
					sd.words = append(sd.words, strings.Fields(normWords(t)))
				}
			}
			for lang := range d.Titles {
				if !contains(Languages, lang) {
					return &CatalogError{File: SummitsFile, Entry: dentry, Msg: fmt.Sprintf("title for unknown language %q (%s)", lang, strings.Join(Languages, ", "))}
				}
			}
			c.Documents = append(c.Documents, sd)
		}
	}
	sort.SliceStable(c.Summits, func(i, j int) bool { return c.Summits[i].SortKey() < c.Summits[j].SortKey() })
	sort.SliceStable(c.Documents, func(i, j int) bool {
		return c.Documents[i].Summit.SortKey() < c.Documents[j].Summit.SortKey()
	})
	sort.SliceStable(c.places, func(i, j int) bool { return len(c.places[i].norm) > len(c.places[j].norm) })
	return nil
}

func (c *Catalog) addEntity(file, entry string, e *graph.Entity) error {
	switch {
	case !graph.ValidID(e.ID):
		return &CatalogError{File: file, Entry: entry, Msg: "invalid id"}
	case c.byID[e.ID] != nil:
		return &CatalogError{File: file, Entry: entry, Msg: "duplicate id"}
	case strings.TrimSpace(e.Name) == "":
		return &CatalogError{File: file, Entry: entry, Msg: "name is required"}
	}
	c.byID[e.ID] = e
	c.Entities = append(c.Entities, e)
	return nil
}

func (c *Catalog) addEntities(ef *entitiesFile) error {
	for i, x := range ef.Entities {
		entry := fmt.Sprintf("entity %d (%s)", i+1, x.ID)
		k := graph.Kind(x.Kind)
		if k != graph.KindConvention && k != graph.KindInstitution {
			return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("kind %q must be CONVENTION or INSTITUTION", x.Kind)}
		}
		if msg := checkNames(x.Names, "names"); msg != "" {
			return &CatalogError{File: EntitiesFile, Entry: entry, Msg: msg}
		}
		e := &graph.Entity{ID: x.ID, EntityKind: k, Name: x.Name, NameES: x.NameES, Acronyms: x.Acronyms, Aliases: x.Aliases, Year: x.Year, Origin: graph.OriginCatalog}
		if len(x.Names) > 0 {
			e.Names = x.Names
			// The other languages' names are aliases too, for every index
			// of an entity's names (resolve, search, the matcher).
			e.Aliases = appendNames(e, e.Aliases, inLanguages(x.Names))
		}
		for lang := range x.AcronymsByLanguage {
			if !contains(Languages, lang) {
				return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("acronyms for unknown language %q (%s)", lang, strings.Join(Languages, ", "))}
			}
		}
		for _, lang := range Languages {
			for _, a := range x.AcronymsByLanguage[lang] {
				if c.scoped[e] == nil {
					c.scoped[e] = map[string]langSet{}
				}
				c.scoped[e][a] |= langBit(lang)
				if !contains(e.Acronyms, a) {
					e.Acronyms = append(e.Acronyms, a)
				}
			}
		}
		if err := c.addEntity(EntitiesFile, entry, e); err != nil {
			return err
		}
	}
	for i, r := range ef.Relations {
		entry := fmt.Sprintf("relation %d (%s %s %s)", i+1, r.From, r.Type, r.To)
		switch {
		case !graph.EdgeType(r.Type).Valid():
			return &CatalogError{File: EntitiesFile, Entry: entry, Msg: "type must be upper-case letters and underscores"}
		case c.byID[r.From] == nil:
			return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("unknown entity %q", r.From)}
		case c.byID[r.To] == nil:
			return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("unknown entity %q", r.To)}
		case r.From == r.To:
			return &CatalogError{File: EntitiesFile, Entry: entry, Msg: "an entity cannot relate to itself"}
		}
		c.Relations = append(c.Relations, graph.Edge{From: r.From, Type: graph.EdgeType(r.Type), To: r.To})
	}
	return nil
}

func (c *Catalog) addThemes(tf *themesFile) error {
	for i, x := range tf.Themes {
		entry := fmt.Sprintf("theme %d (%s)", i+1, x.ID)
		if x.Group != "topic" && x.Group != "population" {
			return &CatalogError{File: ThemesFile, Entry: entry, Msg: fmt.Sprintf("group %q must be topic or population", x.Group)}
		}
		if !strings.HasPrefix(x.ID, "theme/") {
			return &CatalogError{File: ThemesFile, Entry: entry, Msg: "id must start with theme/"}
		}
		for lang := range x.Patterns {
			if !contains(Languages, lang) {
				return &CatalogError{File: ThemesFile, Entry: entry, Msg: fmt.Sprintf("patterns for unknown language %q (%s)", lang, strings.Join(Languages, ", "))}
			}
		}
		if msg := checkNames(x.Names, "names"); msg != "" {
			return &CatalogError{File: ThemesFile, Entry: entry, Msg: msg}
		}
		e := &graph.Entity{ID: x.ID, EntityKind: graph.KindTheme, Name: x.Name, NameES: x.NameES, Names: x.Names, Group: x.Group, Origin: graph.OriginCatalog}
		if err := c.addEntity(ThemesFile, entry, e); err != nil {
			return err
		}
		c.Themes = append(c.Themes, &Theme{Entity: e, Patterns: x.Patterns})
	}
	return nil
}

// appendNames adds to list the names it lacks (compared normalized),
// leaving out e's English and Spanish names.
func appendNames(e *graph.Entity, list, names []string) []string {
	seen := map[string]bool{graph.NormalizeName(e.Name): true, graph.NormalizeName(e.NameES): true}
	for _, n := range list {
		seen[graph.NormalizeName(n)] = true
	}
	for _, n := range names {
		if k := graph.NormalizeName(n); !seen[k] {
			seen[k] = true
			list = append(list, n)
		}
	}
	return list
}

// formLanguages are the languages in whose text a name of e is matched:
// every language, but for the acronyms listed for some languages only.
func (c *Catalog) formLanguages(e *graph.Entity, name string) langSet {
	if l, ok := c.scoped[e][name]; ok {
		return l
	}
	return allLanguages
}

// checkAliases refuses a name claimed by two conventions or institutions
// in a language where both hold (an acronym listed for English only and
// another one's acronym listed for French only may be spelled alike), and
// an acronym or short alias that is a common word of a language where it
// holds: "UN" in a French or Spanish heading in capitals is the article.
func (c *Catalog) checkAliases() error {
	type claim struct {
		e     *graph.Entity
		langs langSet
	}
	owner := map[string][]claim{}
	for i, e := range c.Entities {
		if e.EntityKind == graph.KindTheme {
			continue
		}
		entry := fmt.Sprintf("entity %d (%s)", i+1, e.ID)
		for _, n := range graph.EntityNames(e) {
			k := graph.NormalizeName(n)
			if k == "" {
				return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("empty name or alias %q", n)}
			}
			langs := c.formLanguages(e, n)
			for _, o := range owner[k] {
				if o.e != e && o.langs&langs != 0 {
					return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("alias %q is already claimed by %s (in %s)", n, o.e.ID, strings.Join((o.langs&langs).names(), ", "))}
				}
			}
			owner[k] = append(owner[k], claim{e, langs})
			if utf8.RuneCountInString(k) > shortAlias {
				continue
			}
			for _, lang := range langs.names() {
				if isStopIn(strings.ToLower(n), lang) {
					return &CatalogError{File: EntitiesFile, Entry: entry, Msg: fmt.Sprintf("acronym %q is a common word in %s text: list it under acronyms_by_language for the languages where it is not", n, lang)}
				}
			}
		}
	}
	return nil
}

// NameHolds reports whether the catalog matches name, one of e's names or
// acronyms, in text of the language: an acronym listed for some languages
// only ("CDB", the Caribbean Development Bank's in English) holds in those
// only, every other name in every language.
func (c *Catalog) NameHolds(e *graph.Entity, name, lang string) bool {
	return c.formLanguages(e, name).has(lang)
}

// SummitDocuments are the documents the catalog names for a summit.
func (c *Catalog) SummitDocuments(s *graph.Summit) []*SummitDocument {
	var out []*SummitDocument
	for _, d := range c.Documents {
		if d.Summit == s {
			out = append(out, d)
		}
	}
	return out
}

// Entity returns the catalog entity with the given id, or nil.
func (c *Catalog) Entity(id string) *graph.Entity { return c.byID[id] }

// Summit returns the catalog summit with the given id, or nil.
func (c *Catalog) Summit(id string) *graph.Summit { return c.summitIDs[id] }

// Graph returns the catalog as the store loads it: summits, entities,
// relations, and the entities' names indexed for search.
func (c *Catalog) Graph() *graph.Catalog {
	g := &graph.Catalog{Version: c.Version, Summits: c.Summits, Entities: c.Entities, Relations: c.Relations}
	for _, e := range c.Entities {
		g.Vectors = append(g.Vectors, EntityVector(e))
	}
	return g
}
