package nlp

import (
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"

	"summitgraph/graph"
)

// Token is a word of a text with its code-point offsets (end exclusive).
type Token struct {
	Text       string
	Start, End int // code points
	ByteStart  int
	ByteEnd    int
}

// Words splits text into words: runs of letters, digits and combining marks,
// with apostrophes inside a word kept ("women’s" is one word). Offsets are
// in code points.
func Words(text string) []Token {
	out := make([]Token, 0, len(text)/6+1) // about one word in six bytes
	cp := 0
	start, bstart := -1, 0
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '’') {
			// An apostrophe between two letters stays in the word.
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next)
		}
		switch {
		case inWord && start < 0:
			start, bstart = cp, i
		case !inWord && start >= 0:
			out = append(out, Token{Text: text[bstart:i], Start: start, End: cp, ByteStart: bstart, ByteEnd: i})
			start = -1
		}
		cp++
	}
	if start >= 0 {
		out = append(out, Token{Text: text[bstart:], Start: start, End: cp, ByteStart: bstart, ByteEnd: len(text)})
	}
	return out
}

var (
	enStop = words(`a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up upon very was we were what when where which while who whom why will with within would you your yours yourself yourselves among including well may shall its via etc`)
	esStop = words(`a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue fueron ha han hasta la las le les lo los mas me mi mis muy ni no nos nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero por porque que quien se sea ser si sin sobre su sus tambien tanto te tiene tienen todo todos tu un una uno unos y ya asi cada dicho dicha mediante segun`)
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DetectLanguage tells English from Spanish text by their function words;
// "en" unless Spanish ones are clearly more frequent.
func DetectLanguage(text string) string {
	en, es := 0, 0
	for i, t := range Words(text) {
		if i > 400 {
			break
		}
		w := strings.ToLower(t.Text)
		switch w {
		case "the", "of", "and", "to", "for", "with", "that", "by", "our":
			en++
		case "de", "la", "el", "los", "las", "y", "para", "con", "del", "que", "por", "nuestro", "nuestros":
			es++
		}
	}
	if es > en {
		return "es"
	}
	return "en"
}

// IsStopWord reports whether the lower-cased word w is an English or
// Spanish function word.
func IsStopWord(w string) bool {
	w = strings.ToLower(w)
	return enStop[w] || esStop[stripAccents(w)]
}

func stripAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return graph.NormalizeName(s)
}

var apostrophes = strings.NewReplacer("’", "", "'", "")

// Stem returns the index term of a word in the given language ("en" or
// "es"): the Snowball stem of the lower-cased word, without accents, so
// that "corrupción" and "corrupcion" meet. Stop words and one-letter words
// give "".
func Stem(word, lang string) string {
	if s, ok := stems.get(lang, word); ok {
		return s
	}
	s := stem(word, lang)
	stems.put(lang, word, s)
	return s
}

// stems remembers the stems of the words seen, for every page: a corpus
// has some tens of thousands of distinct words, and stemming each of its
// millions of occurrences was a tenth of an ingest.
var stems = newStemMemo()

type stemMemo struct {
	shards [16]struct {
		sync.RWMutex
		m map[string]string
	}
}

// stemMemoMax bounds the words remembered per shard.
const stemMemoMax = 1 << 16

func newStemMemo() *stemMemo {
	sm := &stemMemo{}
	for i := range sm.shards {
		sm.shards[i].m = map[string]string{}
	}
	return sm
}

func (sm *stemMemo) shard(lang, word string) int {
	h := uint32(2166136261)
	for i := 0; i < len(word); i++ {
		h = (h ^ uint32(word[i])) * 16777619
	}
	if lang == "es" {
		h ^= 0x9e3779b9
	}
	return int(h % uint32(len(sm.shards)))
}

func (sm *stemMemo) get(lang, word string) (string, bool) {
	sh := &sm.shards[sm.shard(lang, word)]
	sh.RLock()
	s, ok := sh.m[lang+"\x00"+word]
	sh.RUnlock()
	return s, ok
}

func (sm *stemMemo) put(lang, word, s string) {
	sh := &sm.shards[sm.shard(lang, word)]
	sh.Lock()
	if len(sh.m) < stemMemoMax {
		sh.m[lang+"\x00"+word] = s
	}
	sh.Unlock()
}

func stem(word, lang string) string {
	w := strings.ToLower(word)
	w = apostrophes.Replace(w)
	if utf8.RuneCountInString(w) < 2 || IsStopWord(w) {
		return ""
	}
	var s string
	if lang == "es" {
		s = spanish.Stem(w, true)
	} else {
		s = english.Stem(w, true)
	}
	return stripAccents(s)
}

// Terms returns the index terms of a text, in order, with the tokens they
// come from.
func Terms(text, lang string) (terms []string, toks []Token) {
	for _, t := range Words(text) {
		if s := Stem(t.Text, lang); s != "" {
			terms = append(terms, s)
			toks = append(toks, t)
		}
	}
	return terms, toks
}

// stemCache remembers the stems of the words of one page, which come back
// paragraph after paragraph. It is not safe for concurrent use.
type stemCache map[string]string

// terms is Terms with the cache.
func (sc stemCache) terms(words []Token, lang string) (terms []string, toks []Token) {
	terms, toks = make([]string, 0, len(words)), make([]Token, 0, len(words))
	for _, t := range words {
		s, ok := sc[t.Text]
		if !ok {
			s = Stem(t.Text, lang)
			sc[t.Text] = s
		}
		if s != "" {
			terms = append(terms, s)
			toks = append(toks, t)
		}
	}
	return terms, toks
}

// MinSimilarityTerms is the fewest distinct terms a text needs to be
// compared for similarity: MinHash estimates of the Jaccard similarity of
// smaller sets are too noisy ("a. Promoting trade;" is "similar" to many
// short items), and echoes are about what mandates ask for at length.
const MinSimilarityTerms = 12

// Vector indexes a text for search (term frequencies) and for similarity
// (a MinHash signature of its set of terms, for texts of at least
// MinSimilarityTerms distinct terms).
func Vector(id, text, lang, summit string, withSignature bool) graph.Vector {
	terms, _ := Terms(text, lang)
	freq := map[string]int{}
	for _, t := range terms {
		freq[t]++
	}
	v := graph.Vector{ID: id, Length: len(terms), Summit: summit}
	for t, f := range freq {
		v.Terms = append(v.Terms, graph.TermFreq{Term: t, Freq: f})
	}
	sort.Slice(v.Terms, func(i, j int) bool { return v.Terms[i].Term < v.Terms[j].Term })
	if withSignature && len(freq) >= MinSimilarityTerms {
		v.Signature = MinHash(v.Terms)
	}
	return v
}

// EntityVector indexes an entity's names for search, in English and in
// Spanish.
func EntityVector(e *graph.Entity) graph.Vector {
	var b strings.Builder
	for _, n := range graph.EntityNames(e) {
		b.WriteString(n)
		b.WriteString(" . ")
	}
	en, _ := Terms(b.String(), "en")
	es, _ := Terms(e.NameES, "es")
	freq := map[string]int{}
	for _, t := range append(en, es...) {
		freq[t]++
	}
	v := graph.Vector{ID: e.ID, Length: len(en) + len(es)}
	for t, f := range freq {
		v.Terms = append(v.Terms, graph.TermFreq{Term: t, Freq: f})
	}
	sort.Slice(v.Terms, func(i, j int) bool { return v.Terms[i].Term < v.Terms[j].Term })
	return v
}

// minhash permutations: h_i(x) = (a_i*x + b_i) >> 32 over 64-bit term
// hashes, with fixed odd multipliers drawn from splitmix64 so that every
// process computes the same signatures.
var mhA, mhB [graph.SignatureLen]uint64

func init() {
	x := uint64(0x5eed5eed)
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range mhA {
		mhA[i] = next() | 1
		mhB[i] = next()
	}
}

// MinHash returns the MinHash signature of a set of terms.
func MinHash(terms []graph.TermFreq) []uint32 {
	sig := make([]uint32, graph.SignatureLen)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for _, t := range terms {
		h.Reset()
		h.Write([]byte(t.Term))
		x := h.Sum64()
		for i := range sig {
			if v := uint32((mhA[i]*x + mhB[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}
