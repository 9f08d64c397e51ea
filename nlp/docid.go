package nlp

import (
	"fmt"
	"slices"
	"strings"

	"summitgraph/graph"
)

// Document ids by language.
//
// A summit document in one language is one node; the same document in
// another language is another node of the same summit. Their ids:
//
//   - English: DocumentID, exactly as before languages:
//     document/2009-port-of-spain/declaration-of-commitment.
//   - Any other language: the same id and "/" and the ISO 639-1 code:
//     document/1998-santiago/declaration/es, document/2001-quebec-city/plan-of-action/fr.
//
// The part before the language is the document's id whatever its
// language: the catalog's document when the title is one of its titles
// in any language, else DocumentID's key (the summit's place left out,
// document types and function words of the four languages read as
// English ones). So a document's versions share it, and its id in one
// language is found from its id in another.
//
// A citation names the version of the document the cited text was taken
// from: a compiled mandate in Spanish ("(Declaración de Santiago, 1998)"
// on a *_sp page) comes FROM document/1998-santiago/declaration/es, the
// same node as the paragraphs of the Spanish document's own file, so that
// the compiled mandate and the paragraph it reproduces can be linked. A
// compiled mandate in English keeps the English id. References in a text
// ("the Declaration of Santiago") name the document whatever its
// language, and keep its English id (Ref.Target).
//
// A mandate's id hashes its document's language-neutral id (DocumentID),
// so the ids of the mandates of Spanish pages minted before documents had
// languages do not change.

// DocumentIDIn is the id of a summit's document with the given title in
// the given language (ISO 639-1; "" or "en" is English): DocumentID in
// English; in another language the id of the document the catalog knows
// by that title in any language (Catalog.DocumentID), and the language.
func (c *Catalog) DocumentIDIn(s *graph.Summit, title, lang string) string {
	if lang == "" || lang == "en" {
		return DocumentID(s, title)
	}
	return c.DocumentID(s, title) + "/" + lang
}

// documentFileID is the id of the document a summit document's own file
// is, in its language: the catalog's document when the title block's
// title is one of its titles in any language (a file prints a document's
// full title, "Plan of Action for the Sustainable Development of the
// Americas", where citations print a short one, "Plan of Action Santa Cruz
// de la Sierra, 1996"), else DocumentIDIn's.
func (c *Catalog) documentFileID(s *graph.Summit, title, lang string) string {
	id := c.DocumentID(s, title)
	if lang == "" || lang == "en" {
		return id
	}
	return id + "/" + lang
}

// minLanguageWords is the fewest words a paragraph needs for its language
// to be told from its own text; a shorter one ("a. Education;") takes its
// page's.
const minLanguageWords = 15

// paragraphLanguage is the language of a paragraph's text, or the page's
// when the text is too short to tell.
func paragraphLanguage(text, page string) string {
	if len(strings.Fields(text)) < minLanguageWords {
		return page
	}
	return DetectLanguage(text)
}

// pageLanguage is the language of a document's paragraphs, or of its
// preamble and title block when it has no paragraphs.
func pageLanguage(p *Page) string { return DetectLanguage(languageText(p)) }

// languageText is the text a page's language is told from.
func languageText(p *Page) string {
	if len(p.Paragraphs) > 0 || p.Document == nil {
		return p.allText()
	}
	var b strings.Builder
	for _, t := range append(append([]TextBlock(nil), p.Document.Preamble...), p.Document.TitleBlock...) {
		b.WriteString(t.Text)
		b.WriteByte(' ')
	}
	return b.String()
}

// clearLanguage reports whether a text's own words tell its language: the
// best language scores at least minClearScore and twice the next one.
func clearLanguage(text string) bool {
	sc := ScoreLanguages(text)
	best, second := 0.0, 0.0
	for _, l := range Languages {
		switch v := sc[l]; {
		case v > best:
			best, second = v, best
		case v > second:
			second = v
		}
	}
	return best >= minClearScore && best >= 2*second
}

// minClearScore is the least evidence (ScoreLanguages) a clear language
// has: a few of its words.
const minClearScore = 3

// hintLanguage takes the language a file declares (an HTML page's lang,
// a PDF's /Lang: "es", "pt-BR") where the text does not tell its own: the
// page's language when its text is not clear (clearLanguage), and that of
// each paragraph whose own text is not clear either. Clear text keeps the
// language it shows, whatever the file declares; a hint that is not one
// of the four languages is ignored. It says so in a warning when it
// changes the page's language.
func (p *Page) hintLanguage(hint string) {
	hint = strings.ToLower(strings.TrimSpace(hint))
	if i := strings.IndexAny(hint, "-_"); i >= 0 {
		hint = hint[:i]
	}
	if !slices.Contains(Languages, hint) || clearLanguage(languageText(p)) {
		return
	}
	if p.Language != hint {
		p.Warnings = append(p.Warnings, Warning{File: p.File, Message: fmt.Sprintf("language %s, as the file declares: its text does not tell (read as %s)", hint, p.Language)})
	}
	p.Language = hint
	for _, para := range p.Paragraphs {
		if len(strings.Fields(para.Text)) < minLanguageWords || !clearLanguage(para.Text) {
			para.Language = hint
		}
	}
}
