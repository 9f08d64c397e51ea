package nlp

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph"
)

// benchCorpus builds n mandates in pages of 100 from the sentences of the
// seed and the fixtures, recombined and with catalog names (Spanish names
// on Spanish pages) and acronyms put in, so that every step of extraction
// has work.
func benchCorpus(tb testing.TB, c *Catalog, n int) []*Page {
	tb.Helper()
	sentences := map[string][]string{}
	for _, p := range allPages(tb, c) {
		for _, m := range p.Paragraphs {
			rs := []rune(m.Text)
			from := 0
			for i := range rs {
				if sentenceEnd(rs, i) || i+1 == len(rs) {
					if s := strings.TrimSpace(string(rs[from : i+1])); len(s) > 20 {
						sentences[p.Language] = append(sentences[p.Language], s)
					}
					from = i + 1
				}
			}
		}
	}
	var names []*graph.Entity
	for _, e := range c.Entities {
		if e.EntityKind != graph.KindTheme {
			names = append(names, e)
		}
	}
	x := uint32(2463534242) // xorshift: the same corpus every run
	next := func(k int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(k))
	}
	var pages []*Page
	for i := 0; i < n; i++ {
		if i%100 == 0 {
			lang := "en"
			if len(pages)%10 == 9 && len(sentences["es"]) > 0 {
				lang = "es"
			}
			pages = append(pages, &Page{File: fmt.Sprintf("bench-%03d.txt", len(pages)), Language: lang})
		}
		p := pages[len(pages)-1]
		ss := sentences[p.Language]
		e := names[next(len(names))]
		name := e.Name
		if p.Language == "es" && e.NameES != "" {
			name = e.NameES
		}
		var b strings.Builder
		b.WriteString(ss[next(len(ss))])
		switch next(4) {
		case 0:
			fmt.Fprintf(&b, " Support the %s", name)
			if a := e.Acronym(); a != "" {
				fmt.Fprintf(&b, " (%s)", a)
			}
			b.WriteString(".")
		case 1:
			fmt.Fprintf(&b, " In cooperation with the %s.", name)
		}
		b.WriteString(" ")
		b.WriteString(ss[next(len(ss))])
		p.Paragraphs = append(p.Paragraphs, &Paragraph{Text: b.String(), Line: len(p.Paragraphs) + 1, Parent: -1})
	}
	return pages
}

func reportMandates(b *testing.B, perIteration, iterations int) {
	b.ReportMetric(float64(perIteration*iterations)/b.Elapsed().Seconds(), "mandates/s")
}

func BenchmarkExtractSeed(b *testing.B) {
	c := testCatalog(b)
	p := seedPage(b, c, "democracy-good-governance.txt")
	c.Extract(p, nil) // loads prose's model
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		c.Extract(p, nil)
		n++
	}
	reportMandates(b, len(p.Paragraphs), n)
}

// BenchmarkExtractCorpus extracts a synthetic corpus of 10,000 mandates in
// 100 pages, by one worker and by as many as ingest uses (one per core).
func BenchmarkExtractCorpus(b *testing.B) {
	c := testCatalog(b)
	pages := benchCorpus(b, c, 10000)
	total := 0
	for _, p := range pages {
		total += len(p.Paragraphs)
	}
	c.Extract(pages[0], nil)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				next := make(chan *Page)
				var wg sync.WaitGroup
				for range workers {
					wg.Go(func() {
						for p := range next {
							c.Extract(p, nil)
						}
					})
				}
				for _, p := range pages {
					next <- p
				}
				close(next)
				wg.Wait()
				n++
			}
			reportMandates(b, total, n)
		})
	}
}
