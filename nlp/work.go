package nlp

import "sync/atomic"

// work counts the elementary steps of parsing and extraction, while a
// test has it on: lines and bytes the parser joins, matches of the
// catalog, words and code points candidateSentences steps over, spans
// compared or asked about, code points handed to the tagger. Each loop
// over the input or over the spans found in it adds its steps, so a test
// can tell linear growth from quadratic by counting rather than timing
// (TestLinearWork): the count is the same on a loaded machine and an idle
// one. Off, it costs a load of a flag per call.
var work workCounter

type workCounter struct {
	on atomic.Bool
	n  atomic.Int64
}

func (w *workCounter) add(n int) {
	if w.on.Load() {
		w.n.Add(int64(n))
	}
}

// count runs fn with the counter on and returns the steps it took.
func (w *workCounter) count(fn func()) int64 {
	w.n.Store(0)
	w.on.Store(true)
	defer w.on.Store(false)
	fn()
	return w.n.Load()
}
