package nlp

import (
	"summitgraph/graph"
)

// WithAliases returns a copy of the catalog whose entities also answer to
// the given aliases (by entity id): the aliases analysts added by hand.
// version tells the result apart from the catalog (and from other sets
// of aliases), so that files are extracted again when it changes.
func (c *Catalog) WithAliases(aliases map[string][]string, version string) *Catalog {
	if len(aliases) == 0 {
		return c
	}
	cc := *c
	cc.Version = c.Version + "+" + version
	cc.Entities = make([]*graph.Entity, len(c.Entities))
	cc.byID = make(map[string]*graph.Entity, len(c.byID))
	for i, e := range c.Entities {
		if extra := aliases[e.ID]; len(extra) > 0 {
			ne := *e
			ne.Aliases = append(append([]string(nil), e.Aliases...), extra...)
			e = &ne
		}
		cc.Entities[i] = e
		cc.byID[e.ID] = e
	}
	cc.matcher = newMatcher(cc.Entities)
	return &cc
}
