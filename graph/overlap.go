package graph

// Overlap is a summit's overlap report: what its mandates renew of the
// summits before it (RENEWS links), and the earlier mandates no mandate of
// it or of a later summit renews. With a theme, only the mandates that
// mention the theme count, on both sides.
type Overlap struct {
	Summit *Summit
	Theme  *Entity // nil: every mandate
	// Mandates are the summit's mandates (in the theme); Renewing, those
	// of them that renew at least one earlier mandate.
	Mandates, Renewing int
	// Summits are the earlier summits with mandates (in the theme), oldest
	// first.
	Summits []SummitOverlap
	// Renewals are the RENEWS links from the summit's mandates (in the
	// theme), best score first, then by ids.
	Renewals []Renewal
	// NotRenewed are the mandates of earlier summits (in the theme) that no
	// mandate of the summit or of a later one renews, in listing order, with
	// their cursors.
	NotRenewed        []string
	NotRenewedCursors []string
}

// SummitOverlap is what a summit renews of one earlier summit.
type SummitOverlap struct {
	Summit *Summit
	// Mandates: the earlier summit's mandates (in the theme). Renewing: the
	// report summit's mandates that renew at least one of them. Renewed:
	// how many of them those renew. NotRenewed: how many of them no mandate
	// of the report summit or a later one renews.
	Mandates, Renewing, Renewed, NotRenewed int
}

// Renewal is a RENEWS link: From, the later mandate, renews To.
type Renewal struct {
	From, To string
	Score    float64
	Note     string
}
