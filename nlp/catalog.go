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

	byID      map[string]*graph.Entity
	summitIDs map[string]*graph.Summit
	places    []place                           // summit places, longest first
	countries map[string]map[*graph.Summit]bool // normalized country names (English, Spanish) → summits held there
	// placeWords are the one-word names of summit places and countries,
	// normalized: proper nouns for name discovery.
	placeWords map[string]bool
	matcher    *matcher
	themes     *themeMatcher
}

// Theme is a controlled topic or population group with the word patterns
// that signal it.
type Theme struct {
	Entity   *graph.Entity
	Patterns map[string][]string // by language: "en", "es"
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

type entitiesFile struct {
	Entities []struct {
		ID       string   `json:"id"`
		Kind     string   `json:"kind"`
		Name     string   `json:"name"`
		NameES   string   `json:"name_es"`
		Acronyms []string `json:"acronyms"`
		Aliases  []string `json:"aliases"`
		Year     int      `json:"year"`
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
	c := &Catalog{byID: map[string]*graph.Entity{}, summitIDs: map[string]*graph.Summit{}, placeWords: map[string]bool{}}
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
		Summits []*graph.Summit `json:"summits"`
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
	c.matcher = newMatcher(c.Entities)
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

func (c *Catalog) addSummits(summits []*graph.Summit) error {
	if len(summits) == 0 {
		return &CatalogError{File: SummitsFile, Msg: "no summits"}
	}
	for i, s := range summits {
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
		c.summitIDs[s.ID] = s
		c.Summits = append(c.Summits, s)
		if c.countries == nil {
			c.countries = map[string]map[*graph.Summit]bool{}
		}
		for _, name := range []string{s.Country, s.CountryES} {
			if w := normWords(name); w != "" {
				if c.countries[w] == nil {
					c.countries[w] = map[*graph.Summit]bool{}
				}
				c.countries[w][s] = true
			}
		}
		names := append([]string{s.City, s.CityES}, s.Places...)
		for _, p := range names {
			if w := normWords(p); w != "" {
				c.places = append(c.places, place{norm: w, words: strings.Fields(w), summit: s})
			}
		}
		for _, p := range append(names, s.Country, s.CountryES) {
			if w := normWords(p); w != "" && !strings.Contains(w, " ") {
				c.placeWords[w] = true
			}
		}
	}
	sort.SliceStable(c.Summits, func(i, j int) bool { return c.Summits[i].SortKey() < c.Summits[j].SortKey() })
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
		e := &graph.Entity{ID: x.ID, EntityKind: k, Name: x.Name, NameES: x.NameES, Acronyms: x.Acronyms, Aliases: x.Aliases, Year: x.Year, Origin: graph.OriginCatalog}
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
			if lang != "en" && lang != "es" {
				return &CatalogError{File: ThemesFile, Entry: entry, Msg: fmt.Sprintf("patterns for unknown language %q (en, es)", lang)}
			}
		}
		e := &graph.Entity{ID: x.ID, EntityKind: graph.KindTheme, Name: x.Name, NameES: x.NameES, Group: x.Group, Origin: graph.OriginCatalog}
		if err := c.addEntity(ThemesFile, entry, e); err != nil {
			return err
		}
		c.Themes = append(c.Themes, &Theme{Entity: e, Patterns: x.Patterns})
	}
	return nil
}

// checkAliases refuses a name claimed by two conventions or institutions.
func (c *Catalog) checkAliases() error {
	owner := map[string]*graph.Entity{}
	for i, e := range c.Entities {
		if e.EntityKind == graph.KindTheme {
			continue
		}
		for _, n := range graph.EntityNames(e) {
			k := graph.NormalizeName(n)
			if k == "" {
				return &CatalogError{File: EntitiesFile, Entry: fmt.Sprintf("entity %d (%s)", i+1, e.ID), Msg: fmt.Sprintf("empty name or alias %q", n)}
			}
			if o := owner[k]; o != nil && o != e {
				return &CatalogError{File: EntitiesFile, Entry: fmt.Sprintf("entity %d (%s)", i+1, e.ID), Msg: fmt.Sprintf("alias %q is already claimed by %s", n, o.ID)}
			}
			owner[k] = e
		}
	}
	return nil
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
