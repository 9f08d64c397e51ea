package nlp

// WithAliases returns a copy of the catalog that also matches the given
// aliases (by entity id): the aliases analysts added by hand, whose
// mentions carry method "curated". version tells the result apart from the
// catalog (and from other sets of aliases), so that files are extracted
// again when it changes.
func (c *Catalog) WithAliases(aliases map[string][]string, version string) *Catalog {
	if len(aliases) == 0 {
		return c
	}
	cc := *c
	cc.Version = c.Version + "+" + version
	cc.matcher = newCuratedMatcher(c.Entities, c.scoped, aliases)
	return &cc
}
