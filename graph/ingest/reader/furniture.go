package reader

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// furnitureRoles are ARIA landmarks of a page's furniture.
var furnitureRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true,
	"menu": true, "menubar": true, "toolbar": true,
}

// furnitureNames are words of the class and id of furniture elements.
var furnitureNames = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menubar": true, "submenu": true,
	"breadcrumb": true, "breadcrumbs": true, "crumbs": true, "footer": true, "sidebar": true,
	"skip": true, "skiplink": true, "skiplinks": true, "toolbar": true, "cookie": true, "cookies": true,
	"share": true, "social": true, "masthead": true, "topbar": true, "pager": true, "pagination": true,
}

// names splits class and id values into lower-case words ("mainNav",
// "main-nav" and "main_nav" give "main" and "nav").
func names(n *html.Node) []string {
	var out []string
	for _, k := range []string{"class", "id"} {
		v, _ := attr(n, k)
		var word []rune
		flush := func() {
			if len(word) > 0 {
				out = append(out, strings.ToLower(string(word)))
				word = word[:0]
			}
		}
		prevLower := false
		for _, r := range v {
			switch {
			case !unicode.IsLetter(r) && !unicode.IsDigit(r):
				flush()
				prevLower = false
				continue
			case unicode.IsUpper(r) && prevLower:
				flush()
			}
			word = append(word, r)
			prevLower = unicode.IsLower(r)
		}
		flush()
	}
	return out
}

// furniture reports whether an element is the page's furniture rather than
// its content: navigation (by element, role, class or id, or by being
// mostly links), breadcrumbs, the site's header and footer.
func (w *htmlWalker) furniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	case atom.Nav:
		return true
	case atom.Header, atom.Footer:
		// The page's banner and footer; those of an article or section
		// are its own.
		scoped := false
		for p := n.Parent; p != nil; p = p.Parent {
			if p.DataAtom == atom.Article || p.DataAtom == atom.Main || p.DataAtom == atom.Section || p.DataAtom == atom.Aside {
				scoped = true
				break
			}
		}
		if !scoped {
			return true
		}
	}
	if v, _ := attr(n, "role"); furnitureRoles[strings.ToLower(strings.TrimSpace(v))] {
		return true
	}
	s := w.stats[n]
	// A class or id says so, for an element that is not most of the page
	// ("has-sidebar" on a wrapper of everything).
	if s.text*5 < w.total*2 {
		for _, nm := range names(n) {
			if furnitureNames[nm] {
				return true
			}
		}
	}
	if !blocks[n.DataAtom] {
		return false
	}
	switch {
	case s.links >= 3 && s.link*4 >= s.text*3:
		return true // a menu: mostly links
	case s.links >= 2 && s.seps >= 2 && s.text < 200:
		return true // a breadcrumb trail: Home > Summits > Mandates
	case s.links >= 1 && s.link == s.text && s.text > 0 && s.text <= 60 && w.words(n) <= 4:
		return true // a lone link: "Back to top", "Print"
	}
	return false
}

// words counts the words of an element's visible text, up to 5 (and
// gives 5 for an element of more than 256 nodes).
func (w *htmlWalker) words(n *html.Node) int {
	count, nodes := 0, 0
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if nodes++; nodes > 256 {
			count = 5
		}
		if count > 4 || w.unread(n) {
			return
		}
		if n.Type == html.TextNode {
			count += len(strings.Fields(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return count
}
