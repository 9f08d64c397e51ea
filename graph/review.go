package graph

import "sort"

// The review queue: mandates a curator should look at, and why.

// Review reasons, in the order a review item lists them.
const (
	// ReviewUnattributed: no summit (uncited, or the citation names no
	// single known summit).
	ReviewUnattributed = "unattributed"
	// ReviewUnresolved: the citation names no single known summit.
	ReviewUnresolved = "unresolved"
	// ReviewTruncated: the text stops mid-sentence.
	ReviewTruncated = "truncated"
	// ReviewLowConfidence: a mention was found with a confidence below the
	// queue's threshold (a name discovered by its shape, say).
	ReviewLowConfidence = "low_confidence"
)

// ReviewReasons are every review reason, in listing order.
var ReviewReasons = []string{ReviewUnattributed, ReviewUnresolved, ReviewTruncated, ReviewLowConfidence}

// DefaultReviewBelow is the confidence under which a mention is queued for
// review: below the catalogued forms (0.8 and up), above the names found
// by their shape (0.6) or by NER (0.7).
const DefaultReviewBelow = 0.75

// ReviewFilter selects the review queue.
type ReviewFilter struct {
	// Reason keeps the mandates with this reason; "" keeps all.
	Reason string
	// Below is the confidence threshold for ReviewLowConfidence.
	Below float64
}

// ReviewItem is one mandate in the review queue.
type ReviewItem struct {
	Mandate *Mandate
	// Reasons it is queued for, in the order of ReviewReasons.
	Reasons []string
	// Low are its mentions below the threshold, in text order.
	Low []Mention
}

// ReviewPage is a page of the review queue, in listing order.
type ReviewPage struct {
	Items       []ReviewItem
	Cursors     []string
	HasNextPage bool
}

// ReviewOf says why m is in the review queue (nil when it is not), given
// its mention edges (with their evidence) and the confidence threshold;
// low are the mentions under it.
func ReviewOf(m *Mandate, mentions []Edge, below float64) (reasons []string, low []Mention) {
	if m.Summit == "" {
		reasons = append(reasons, ReviewUnattributed)
	}
	if m.HasFlag(FlagUnresolved) {
		reasons = append(reasons, ReviewUnresolved)
	}
	if m.HasFlag(FlagTruncated) {
		reasons = append(reasons, ReviewTruncated)
	}
	for _, e := range mentions {
		for _, ev := range e.Evidence {
			if ev.Confidence < below {
				low = append(low, Mention{Mandate: m.ID, Entity: e.To, Evidence: ev})
			}
		}
	}
	sort.SliceStable(low, func(i, j int) bool { return low[i].Start < low[j].Start })
	if len(low) > 0 {
		reasons = append(reasons, ReviewLowConfidence)
	}
	return reasons, low
}
