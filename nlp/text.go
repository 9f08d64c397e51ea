package nlp

import (
	"bytes"
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
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

	// The Snowball stop lists of French and Portuguese, without accents,
	// with the few function words of summit prose they lack.
	frStop = words(`a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci cela celle celles celui cet cette ceux d dans de des du elle elles en es est et etaient etais etait etant ete etee etees etes etiez etions eu eue eues eumes eurent eus eusse eussent eusses eussiez eussions eut eutes eux fumes furent fus fusse fussent fusses fussiez fussions fut futes ici il ils j je l la le les leur leurs lui m ma mais me meme memes mes moi mon n ne ni nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons seront ses si soi soient sois soit sommes son sont sous soyez soyons suis sur t ta te tes toi ton tous tout toute toutes tu un une vos votre vous y afin ainsi aussi car chaque comme dont donc entre lors or plus selon tres contre vers chez depuis pendant parmi avant apres durant aupres outre`)
	ptStop = words(`a ao aos aquela aquelas aquele aqueles aquilo as ate com como da das de dela delas dele deles depois do dos e ela elas ele eles em entre era eram eramos essa essas esse esses esta estamos estao estas estava estavam estavamos este esteja estejam estejamos estes esteve estive estivemos estiver estivera estiveram estiveramos estiverem estivermos estivesse estivessem estivessemos estou eu foi fomos for fora foram foramos forem formos fosse fossem fossemos fui ha haja hajam hajamos hao havemos hei houve houvemos houver houvera houverao houveram houveramos houverei houverem houveremos houveria houveriam houveriamos houvermos houvesse houvessem houvessemos isso isto ja lhe lhes mais mas me mesmo meu meus minha minhas muito na nao nas nem no nos nossa nossas nosso nossos num numa o os ou para pela pelas pelo pelos por qual quando que quem sao se seja sejam sejamos sem ser sera serao serei seremos seria seriam seriamos seu seus so somos sou sua suas tambem te tem temos tenha tenham tenhamos tenho tera terao terei teremos teria teriam teriamos teu teus teve tinha tinham tinhamos tive tivemos tiver tivera tiveram tiveramos tiverem tivermos tivesse tivessem tivessemos tu tua tuas um uma voce voces vos cada sobre contra`)
)

// langSet is a set of the catalog's languages.
type langSet uint8

const allLanguages langSet = 1<<4 - 1

// langBit is the set of one language; 0 for a language the catalog does
// not know.
func langBit(lang string) langSet {
	for i, l := range Languages {
		if l == lang {
			return 1 << i
		}
	}
	return 0
}

// names lists the languages of the set.
func (l langSet) names() []string {
	var out []string
	for i, lang := range Languages {
		if l&(1<<i) != 0 {
			out = append(out, lang)
		}
	}
	return out
}

// has reports whether the set holds lang.
func (l langSet) has(lang string) bool { return l&langBit(lang) != 0 }

// isStopIn reports whether the lower-cased word w is a function word of
// the language itself.
func isStopIn(w, lang string) bool {
	switch lang {
	case "en":
		return enStop[w]
	case "es":
		return esStop[stripAccents(w)]
	case "fr":
		return frStop[stripAccents(w)]
	case "pt":
		return ptStop[stripAccents(w)]
	}
	return false
}

// stopFor reports whether w is left out of the index of a text in lang:
// English and Spanish function words for English and Spanish text (as
// the index always did), the language's own and English ones for French
// and Portuguese text.
func stopFor(w, lang string) bool {
	switch lang {
	case "fr", "pt":
		return enStop[w] || isStopIn(w, lang)
	}
	return IsStopWord(w)
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
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

// Stem returns the index term of a word in the given language ("en",
// "es", "fr" or "pt"; English for any other): the Snowball stem of the
// lower-cased word, without accents, so that "corrupción" and
// "corrupcion" meet. Stop words and one-letter words give "".
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
	h ^= uint32(langBit(lang)) * 0x9e3779b9
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
	if lang == "fr" {
		// "l’information" is "information", "d’action" "action".
		if k := strings.IndexAny(w, "'’"); k > 0 && elisions[w[:k]] {
			_, n := utf8.DecodeRuneInString(w[k:])
			w = w[k+n:]
		}
	}
	w = apostrophes.Replace(w)
	if utf8.RuneCountInString(w) < 2 || stopFor(w, lang) {
		return ""
	}
	var s string
	switch lang {
	case "es":
		s = spanish.Stem(w, true)
	case "fr":
		s = french.Stem(w, true)
	case "pt":
		env := snowballstem.NewEnv(w)
		portuguese.Stem(env)
		s = env.Current()
	default:
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
// Spanish. Its French and Portuguese names are left out of the search
// index (resolve finds an entity by them): indexed, they made every
// translated entity longer and changed the ranking of English and Spanish
// queries among mandates and entities.
func EntityVector(e *graph.Entity) graph.Vector {
	other := map[string]bool{}
	for _, n := range e.Names {
		other[n] = true
	}
	var b strings.Builder
	for _, n := range graph.EntityNames(e) {
		if !other[n] {
			b.WriteString(n)
			b.WriteString(" . ")
		}
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

// Language detection weighs, word by word, the evidence a text gives for
// each of the four languages: its function words (the surest sign, and
// the most frequent), the words of summit prose that only one language
// spells so, and the spellings only some languages have ("ção", "ñ",
// "d'", "è"). Function words are weighed by how many of the languages
// share them: "de" says nothing, "the" and "dos" much. Words with a
// damaged letter (U+FFFD where an accent was) count by what is left of
// their spelling only.
var langWords = func() map[string][4]float64 {
	m := map[string][4]float64{}
	add := func(lang int, weight float64, list string) {
		for _, w := range strings.Fields(list) {
			v := m[w]
			v[lang] += weight
			m[w] = v
		}
	}
	const en, es, fr, pt = 0, 1, 2, 3
	// Function words, with their accents.
	add(en, 2, `the of and to for with that by our we is are be this which will their its from at these have has were been been such also into within through including its those than would should shall must may can it they them us`)
	add(en, 1, `in on as an all other between`)
	add(es, 2, `el los las del y con una es su sus al lo más nuestros nuestra nuestro nuestras estos también mediante asimismo hacia fue han ha sin así cual cuales dichos dicha según sean será serán están está sido`)
	add(es, 1, `la en se para por como este esta entre sobre un que cada`)
	add(fr, 2, `le les des du et une pour dans sur qui avec au aux est sont ce cette ces nous notre nos leur leurs ne pas été ont afin ainsi également être sera seront selon lors dont tous toutes très peut doivent sommes avons`)
	add(fr, 1, `la en se par que un entre ou son ses plus`)
	add(pt, 2, `o os do da dos das em na nas com uma um ao aos pelo pela pelos pelas seu sua seus suas não são nosso nossa nossos nossas também foi às à é nosso será serão estão está sido mais`)
	add(pt, 1, `no nos a e se para por como este esta entre sobre que cada ou`)
	// The words of summit prose one language spells its own way.
	add(en, 1.5, `summit summits americas declaration governments government countries development strengthen strengthening promote people women rights health education security democracy democratic governance hemisphere citizens cooperation heads states plan action principles commitment resilience`)
	add(es, 1.5, `cumbre cumbres declaración declaracion compromiso gobiernos gobierno desarrollo mujeres derechos salud educación educacion seguridad económico económica nacional nacionales acción accion acciones sociedad pueblos ciudadanos ciudadanas cooperación cooperacion jefes estados región países américas hemisferio democracia democrática gobernabilidad fortalecimiento principios promover fortalecer resiliencia mandatos`)
	add(fr, 1.5, `sommet sommets amériques ameriques déclaration gouvernements gouvernement pays développement renforcer renforcement promouvoir femmes droits santé éducation sécurité économique nationaux nationales démocratie démocratique gouvernance hémisphère société peuples citoyens coopération chefs états région plan action principes engagement résilience`)
	add(pt, 1.5, `cúpula cúpulas cupula cimeira declaração declaracao compromisso governos governo desenvolvimento mulheres direitos saúde educação segurança econômico econômica nacionais ação acao ações sociedade povos cidadãos cooperação chefes estados região países américas hemisfério democracia democrática governabilidade governança fortalecimento princípios promover fortalecer resiliência plano mandatos`)
	return m
}()

// langWordsByLen are the keys of langWords by their length in runes, for
// finding the words a damaged word can be.
var langWordsByLen = func() map[int][]string {
	m := map[int][]string{}
	for w := range langWords {
		n := utf8.RuneCountInString(w)
		m[n] = append(m[n], w)
	}
	for _, ws := range m {
		sort.Strings(ws)
	}
	return m
}()

// langSuffixes are word endings only some of the languages spell so.
var langSuffixes = []struct {
	suffix string
	weight [4]float64
}{
	{"ção", [4]float64{0, 0, 0, 2}}, {"ções", [4]float64{0, 0, 0, 2}}, {"ão", [4]float64{0, 0, 0, 1.5}}, {"ões", [4]float64{0, 0, 0, 1.5}},
	{"dade", [4]float64{0, 0, 0, 1}}, {"dades", [4]float64{0, 0, 0, 1}},
	{"ción", [4]float64{0, 2, 0, 0}}, {"ciones", [4]float64{0, 2, 0, 0}}, {"ci\uFFFDn", [4]float64{0, 2, 0, 0}}, {"ci\uFFFDnes", [4]float64{0, 2, 0, 0}},
	{"\uFFFD\uFFFDo", [4]float64{0, 0, 0, 1.5}}, {"\uFFFD\uFFFDes", [4]float64{0, 0, 0, 1.5}},
	{"dad", [4]float64{0, 1, 0, 0}}, {"dades", [4]float64{0, 0, 0, 0}},
	{"ité", [4]float64{0, 0, 1.5, 0}}, {"ités", [4]float64{0, 0, 1.5, 0}}, {"eux", [4]float64{0, 0, 1, 0}}, {"eau", [4]float64{0, 0, 1, 0}}, {"aux", [4]float64{0, 0, 0.5, 0}},
	{"ing", [4]float64{1, 0, 0, 0}}, {"ness", [4]float64{1, 0, 0, 0}}, {"ship", [4]float64{1, 0, 0, 0}}, {"ity", [4]float64{1, 0, 0, 0}},
}

// langLetters are letters only some of the languages write.
var langLetters = map[rune][4]float64{
	'ñ': {0, 2, 0, 0},
	'ã': {0, 0, 0, 1.5}, 'õ': {0, 0, 0, 1.5},
	'è': {0, 0, 1.5, 0}, 'ù': {0, 0, 1.5, 0}, 'û': {0, 0, 1.5, 0}, 'î': {0, 0, 1.5, 0}, 'ï': {0, 0, 1.5, 0}, 'ë': {0, 0, 1.5, 0}, 'œ': {0, 0, 2, 0},
	'ç': {0, 0, 0.5, 0.5}, 'ê': {0, 0, 0.5, 0.5}, 'ô': {0, 0, 0.5, 0.5}, 'â': {0, 0, 0.5, 0.5},
	'á': {0, 0.5, 0, 0.5}, 'í': {0, 0.5, 0, 0.5}, 'ó': {0, 0.5, 0, 0.5}, 'ú': {0, 0.5, 0, 0.5},
}

// elisions are the French elided words before an apostrophe: "d'action",
// "l'Organisation", "qu'il".
var elisions = words(`d l qu n s c j m jusqu lorsqu puisqu`)

// LanguageScores are the evidence DetectLanguage weighs, by language.
type LanguageScores map[string]float64

// ScoreLanguages weighs the evidence a text gives for each language
// (see DetectLanguage); only the first maxLangWords words are read.
func ScoreLanguages(text string) LanguageScores {
	var sc [4]float64
	add := func(v [4]float64, f float64) {
		for i := range sc {
			sc[i] += v[i] * f
		}
	}
	n := 0
	forLangWords(text, func(w []byte, damaged bool) bool {
		n++
		if damaged {
			// The words it can be, their weights shared.
			var sum [4]float64
			k := 0
			ws := string(w)
			n := utf8.RuneCountInString(ws)
			for l := (n + 1) / 2; l <= n; l++ {
				for _, key := range langWordsByLen[l] {
					if wildEq(ws, key) {
						v := langWords[key]
						for i := range sum {
							sum[i] += v[i]
						}
						k++
					}
				}
			}
			if k > 0 {
				add(sum, 1/float64(k))
			}
		} else {
			if v, ok := langWords[string(w)]; ok {
				add(v, 1)
			}
			for _, r := range string(w) {
				if r >= 0xC0 {
					if v, ok := langLetters[r]; ok {
						add(v, 1)
					}
				}
			}
		}
		if k := bytes.IndexAny(w, "'’"); k > 0 && elisions[string(w[:k])] {
			sc[2] += 2
		}
		for _, s := range langSuffixes {
			if len(w) > len(s.suffix)+1 && bytes.HasSuffix(w, []byte(s.suffix)) {
				add(s.weight, 1)
				break
			}
		}
		return n < maxLangWords
	})
	out := LanguageScores{}
	for i, lang := range Languages {
		out[lang] = sc[i]
	}
	return out
}

// maxLangWords bounds the words DetectLanguage reads: a page's language
// is plain long before.
const maxLangWords = 3000

// forLangWords calls f with every word of text, lower-cased, the
// replacement character and apostrophes kept inside words; damaged tells
// that the word has a replacement character. The word's bytes are only
// valid during the call. It stops when f returns false.
func forLangWords(text string, f func(w []byte, damaged bool) bool) {
	buf := make([]byte, 0, 64)
	damaged := false
	flush := func() bool {
		w := bytes.Trim(buf, "'’")
		d := damaged
		buf, damaged = buf[:0], false
		if len(w) == 0 {
			return true
		}
		return f(w, d)
	}
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			buf = utf8.AppendRune(buf, r)
			damaged = true
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case (r == '\'' || r == '’') && len(buf) > 0:
			buf = utf8.AppendRune(buf, r)
		default:
			if !flush() {
				return
			}
		}
	}
	flush()
}

// DetectLanguage tells which of the Summits' four languages ("en", "es",
// "fr", "pt") a text is in, by the evidence ScoreLanguages weighs; "en"
// when the text gives none. A page whose navigation and mandates differ
// takes the language of the text it is handed: hand it the mandates.
func DetectLanguage(text string) string {
	sc := ScoreLanguages(text)
	best, bestScore := "en", 0.0
	for _, lang := range Languages {
		if sc[lang] > bestScore {
			best, bestScore = lang, sc[lang]
		}
	}
	return best
}
