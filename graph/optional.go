package graph

// Optional values as an API shows them: nil where the domain has its zero
// value ("" or 0) for "none". They are methods, not computed by the API's
// resolvers, so that reading them costs no more than reading a field
// (BENCHMARKS.md, "Serving at the limit").

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optInt(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// NumberOrNil is the number as printed, nil when none is.
func (m *Mandate) NumberOrNil() *string { return optString(m.Number) }

// CitationOrNil is the citation as printed, nil when the source gives none.
func (m *Mandate) CitationOrNil() *string { return optString(m.Citation) }

// YearOrNil is the mandate's year, nil when unattributed.
func (m *Mandate) YearOrNil() *int { return optInt(m.Year) }

// HeadingOrNil is the source's heading, nil when none.
func (s *Source) HeadingOrNil() *string { return optString(s.Heading) }

// StatusOrNil is the summit's status, nil when it took place as planned.
func (s *Summit) StatusOrNil() *string { return optString(s.Status) }

// NoteOrNil is the summit's note, nil when none.
func (s *Summit) NoteOrNil() *string { return optString(s.Note) }
