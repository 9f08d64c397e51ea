package gql

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// seedFunctionWords are the English function words the test leaves out
// when it looks for the content words two mandates share (its own list:
// the test does not use the store's features or the analyzer's stop
// words).
var seedFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or nor but of in on at to for from by with within without
		into onto upon as is are was were be been being this that these those it its their them they we our
		us which who whom whose what when where while such other others each every all any some more most
		also than then there here through between among including include includes inter american americas
		shall should will would may might can could must not no so very well both either neither own same
		about above after before under over again further only just per via toward towards against`) {
		m[w] = true
	}
	return m
}()

// contentStems are the stems of the content words of a text: words of
// four letters or more, not function words, stemmed by Snowball's English
// stemmer.
func contentStems(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 4 || seedFunctionWords[w] {
			continue
		}
		out[english.Stem(w, false)] = true
	}
	return out
}

// TestSeedSimilar checks the requirement on the embedded seed
// alone: every top-level mandate that shares an entity or a content word
// stem with another top-level mandate has at least one similar mandate,
// scores in (0, 1] and descending, none itself. Which mandates share
// something is computed here from their texts and mentions.
func TestSeedSimilar(t *testing.T) {
	c := newClient(t, Options{})
	type node struct {
		ID       string `json:"id"`
		Text     string `json:"text"`
		Mentions []struct {
			Entity struct {
				ID string `json:"id"`
			} `json:"entity"`
		} `json:"mentions"`
		Similar []struct {
			Score   float64 `json:"score"`
			Mandate struct {
				ID string `json:"id"`
			} `json:"mandate"`
		} `json:"similar"`
	}
	var all []node
	after := ""
	for {
		var data struct {
			Mandates struct {
				Edges []struct {
					Node node `json:"node"`
				} `json:"edges"`
				PageInfo struct {
					HasNextPage bool   `json:"hasNextPage"`
					EndCursor   string `json:"endCursor"`
				} `json:"pageInfo"`
			} `json:"mandates"`
		}
		vars := map[string]any{}
		if after != "" {
			vars["after"] = after
		}
		c.ok(`query($after: String) { mandates(filter: {topLevel: true}, first: 100, after: $after) {
			edges { node { id text mentions { entity { id } } similar(first: 10) { score mandate { id } } } }
			pageInfo { hasNextPage endCursor } } }`, vars, &data)
		for _, e := range data.Mandates.Edges {
			all = append(all, e.Node)
		}
		if !data.Mandates.PageInfo.HasNextPage {
			break
		}
		after = data.Mandates.PageInfo.EndCursor
	}
	if len(all) < 20 {
		t.Fatalf("%d top-level mandates in the seed", len(all))
	}
	// Who shares what with whom, by stem and by entity.
	holders := map[string][]int{}
	for i, m := range all {
		for s := range contentStems(m.Text) {
			holders["s:"+s] = append(holders["s:"+s], i)
		}
		seen := map[string]bool{}
		for _, mm := range m.Mentions {
			if id := mm.Entity.ID; !seen[id] {
				seen[id] = true
				holders["e:"+id] = append(holders["e:"+id], i)
			}
		}
	}
	shares := make([][]string, len(all))
	for k, is := range holders {
		if len(is) < 2 {
			continue
		}
		for _, i := range is {
			shares[i] = append(shares[i], k)
		}
	}
	sharing, empty := 0, 0
	for i, m := range all {
		if len(shares[i]) > 0 {
			sharing++
			if len(m.Similar) == 0 {
				empty++
				sort.Strings(shares[i])
				if empty <= 5 {
					t.Errorf("%s shares %s with other mandates and has no similar mandate: %.80q", m.ID, strings.Join(shares[i][:min(6, len(shares[i]))], " "), m.Text)
				}
			}
		}
		for j, s := range m.Similar {
			if s.Mandate.ID == m.ID {
				t.Errorf("%s is similar to itself", m.ID)
			}
			if s.Score <= 0 || s.Score > 1 {
				t.Errorf("%s: similar %s scores %v, not in (0, 1]", m.ID, s.Mandate.ID, s.Score)
			}
			if j > 0 && s.Score > m.Similar[j-1].Score {
				t.Errorf("%s: similar scores not descending: %v after %v", m.ID, s.Score, m.Similar[j-1].Score)
			}
		}
	}
	if empty > 0 {
		t.Errorf("%d of the %d top-level mandates that share something with another have no similar mandate", empty, sharing)
	}
	if sharing < len(all)/2 {
		t.Fatalf("only %d of %d top-level mandates share a stem or an entity: the test measures nothing", sharing, len(all))
	}
	t.Logf("%d top-level mandates, %d share a stem or an entity with another", len(all), sharing)
}
