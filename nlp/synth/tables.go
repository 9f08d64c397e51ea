package synth

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"

	"summitgraph/graph"
	"summitgraph/nlp"
)

// style is how a document's mandates are written.
type style uint8

const (
	styleImperative  style = iota // "Promote …": plans of action, the 2012 and 2022 documents
	styleInfinitive               // "To promote …": the 2015 initiatives
	styleGerund                   // "Strengthening …": the Lima Commitment
	styleDeclaration              // "We reaffirm …": declarations
	styleStatement                // "The strengthening of … is …": the 1994 plan's sections
)

// numbering is how a document's mandates are numbered on the pages.
type numbering uint8

const (
	numPlain      numbering = iota // "1." for every mandate, or 1..n
	numSection                     // "• 1.1", "• 5.6" (Miami 1994)
	numInitiative                  // "• Initiative 61." (Santa Cruz de la Sierra 1996)
)

// docSpec is a summit document as mandate pages cite it.
type docSpec struct {
	en, es string // the citation, without parentheses
	style  style
	num    numbering
	// refEN, refES name the document inside a mandate's text: "the
	// Declaration of Santiago, 1998"; "" when it is not referred to so.
	refEN, refES string
}

// summitDocs are the documents of each summit in the forms the real pages
// cite them. A summit of the catalog missing here gets a plan of action and
// a declaration named after its city.
var summitDocs = map[string][]docSpec{
	"summit/1994-miami": {
		{en: "Plan of Action Miami, 1994", es: "Plan de Acción de Miami, 1994", style: styleStatement, num: numSection,
			refEN: "the Plan of Action of Miami", refES: "el Plan de Acción de Miami"},
		{en: "Declaration of Principles Miami, 1994", es: "Declaración de Principios de Miami, 1994", style: styleDeclaration},
	},
	"summit/1996-santa-cruz-de-la-sierra": {
		{en: "Plan of Action Santa Cruz de la Sierra, 1996", es: "Plan de Acción de Santa Cruz de la Sierra, 1996", style: styleImperative, num: numInitiative},
		{en: "Declaration of Santa Cruz de la Sierra, 1996", es: "Declaración de Santa Cruz de la Sierra, 1996", style: styleDeclaration,
			refEN: "the Declaration of Santa Cruz de la Sierra", refES: "la Declaración de Santa Cruz de la Sierra"},
	},
	"summit/1998-santiago": {
		{en: "Plan of Action Santiago, 1998", es: "Plan de Acción de Santiago, 1998", style: styleImperative,
			refEN: "the Plan of Action of Santiago", refES: "el Plan de Acción de Santiago"},
		{en: "Declaration of Santiago, 1998", es: "Declaración de Santiago, 1998", style: styleDeclaration,
			refEN: "the Declaration of Santiago, 1998", refES: "la Declaración de Santiago, 1998"},
	},
	"summit/2001-quebec-city": {
		{en: "Plan of Action Québec, 2001", es: "Plan de Acción de Quebec, 2001", style: styleImperative,
			refEN: "the Plan of Action of Québec City", refES: "el Plan de Acción de Quebec"},
		{en: "Declaration of Québec, 2001", es: "Declaración de Quebec, 2001", style: styleDeclaration,
			refEN: "the Declaration of Québec City", refES: "la Declaración de Quebec"},
	},
	"summit/2004-monterrey": {
		{en: "Declaration of Nuevo León, 2004", es: "Declaración de Nuevo León, 2004", style: styleDeclaration,
			refEN: "the Declaration of Nuevo León", refES: "la Declaración de Nuevo León"},
	},
	"summit/2005-mar-del-plata": {
		{en: "Plan of Action Mar del Plata, 2005", es: "Plan de Acción de Mar del Plata, 2005", style: styleImperative},
		{en: "Declaration of Mar del Plata, 2005", es: "Declaración de Mar del Plata, 2005", style: styleDeclaration,
			refEN: "the Declaration of Mar del Plata", refES: "la Declaración de Mar del Plata"},
	},
	"summit/2009-port-of-spain": {
		{en: "Declaration of Port of Spain, 2009", es: "Declaración de Compromiso de Puerto España, 2009", style: styleDeclaration,
			refEN: "the Declaration of Port of Spain", refES: "la Declaración de Puerto España"},
	},
	"summit/2012-cartagena": {
		{en: "Poverty, Inequality and Inequity, VI Summit of the Americas, Cartagena de Indias, 2012", es: "Pobreza, Desigualdades e Inequidades, VI Cumbre de las Américas, Cartagena de Indias, 2012", style: styleImperative},
		{en: "Access to and Use of Information and Communication Technologies, VI Summit of the Americas, Cartagena de Indias, 2012", es: "Acceso y Uso de las Tecnologías de la Información y las Comunicaciones, VI Cumbre de las Américas, Cartagena de Indias, 2012", style: styleImperative},
		{en: "Citizen Security and Transnational Organized Crime, VI Summit of the Americas, Cartagena de Indias, 2012", es: "Seguridad Ciudadana y Delincuencia Organizada Transnacional, VI Cumbre de las Américas, Cartagena de Indias, 2012", style: styleImperative},
		{en: "Disasters, VI Summit of the Americas, Cartagena de Indias, 2012", es: "Desastres, VI Cumbre de las Américas, Cartagena de Indias, 2012", style: styleImperative},
	},
	"summit/2015-panama-city": {
		{en: "Citizen Participation, Initiatives VII Summit of the Americas, Panama City, 2015", es: "Participación Ciudadana, Iniciativas VII Cumbre de las Américas, Ciudad de Panamá, 2015", style: styleInfinitive},
		{en: "Health, Initiatives VII Summit of the Americas, Panama City, 2015", es: "Salud, Iniciativas VII Cumbre de las Américas, Ciudad de Panamá, 2015", style: styleInfinitive},
		{en: "Education, Initiatives VII Summit of the Americas, Panama City, 2015", es: "Educación, Iniciativas VII Cumbre de las Américas, Ciudad de Panamá, 2015", style: styleInfinitive},
		{en: "Energy, Initiatives VII Summit of the Americas, Panama City, 2015", es: "Energía, Iniciativas VII Cumbre de las Américas, Ciudad de Panamá, 2015", style: styleInfinitive},
		{en: "Democratic Governance, Initiatives VII Summit of the Americas, Panama City, 2015", es: "Gobernabilidad Democrática, Iniciativas VII Cumbre de las Américas, Ciudad de Panamá, 2015", style: styleInfinitive},
	},
	"summit/2018-lima": {
		{en: "Lima Commitment. Peru, 2018", es: "Compromiso de Lima. Perú, 2018", style: styleGerund,
			refEN: "the Lima Commitment", refES: "el Compromiso de Lima"},
	},
	"summit/2022-los-angeles": {
		{en: "Inter-American Action Plan on Democratic Governance, IX Summit of the Americas, Los Angeles, 2022", es: "Plan de Acción Interamericano sobre Gobernabilidad Democrática, IX Cumbre de las Américas, Los Ángeles, 2022", style: styleImperative},
		{en: "Regional Agenda for Digital Transformation, IX Summit of the Americas, Los Angeles, 2022", es: "Agenda Regional para la Transformación Digital, IX Cumbre de las Américas, Los Ángeles, 2022", style: styleImperative},
		{en: "Accelerating the Clean, Sustainable, Renewable, and Just Energy Transition, IX Summit of the Americas, Los Angeles, 2022", es: "Acelerando la Transición Energética Limpia, Sostenible, Renovable y Justa, IX Cumbre de las Américas, Los Ángeles, 2022", style: styleImperative},
		{en: "Our Sustainable Green Future, IX Summit of the Americas, Los Angeles, 2022", es: "Nuestro Futuro Sostenible y Verde, IX Cumbre de las Américas, Los Ángeles, 2022", style: styleImperative},
		{en: "Action Plan on Health and Resilience in the Americas, IX Summit of the Americas, Los Angeles, 2022", es: "Plan de Acción sobre Salud y Resiliencia en las Américas, IX Cumbre de las Américas, Los Ángeles, 2022", style: styleImperative},
	},
}

var (
	ordinalsEN = []string{"", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"}
	ordinalsES = []string{"", "Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava", "Novena", "Décima"}
)

// summitInfo is a summit that met, with its documents.
type summitInfo struct {
	s    *graph.Summit
	docs []docSpec
	// refs name the summit or one of its documents in a text, by
	// language: "the Eighth Summit of the Americas".
	refs [2][]string
}

// held returns the summits that met (the postponed one is left out),
// oldest first, with their documents; it checks that every citation
// resolves to its summit.
func held(cat *nlp.Catalog) ([]*summitInfo, error) {
	var out []*summitInfo
	for _, s := range cat.Summits {
		if s.Status != "" && s.Status != "held" {
			continue
		}
		si := &summitInfo{s: s, docs: summitDocs[s.ID]}
		if len(si.docs) == 0 {
			cityES := s.CityES
			if cityES == "" {
				cityES = s.City
			}
			si.docs = []docSpec{
				{en: fmt.Sprintf("Plan of Action %s, %d", s.City, s.Year), es: fmt.Sprintf("Plan de Acción de %s, %d", cityES, s.Year), style: styleImperative},
				{en: fmt.Sprintf("Declaration of %s, %d", s.City, s.Year), es: fmt.Sprintf("Declaración de %s, %d", cityES, s.Year), style: styleDeclaration},
			}
		}
		for _, d := range si.docs {
			for _, c := range []string{d.en, d.es} {
				if got := cat.ResolveCitation(c).Summit; got != s {
					return nil, fmt.Errorf("synth: citation %q does not resolve to %s", c, s.ID)
				}
			}
			if d.refEN != "" {
				si.refs[langEN] = append(si.refs[langEN], d.refEN)
				si.refs[langES] = append(si.refs[langES], d.refES)
			}
		}
		if s.Ordinal != nil && *s.Ordinal > 0 && *s.Ordinal < len(ordinalsEN) {
			o := *s.Ordinal
			si.refs[langEN] = append(si.refs[langEN], "the "+ordinalsEN[o]+" Summit of the Americas")
			si.refs[langES] = append(si.refs[langES], "la "+ordinalsES[o]+" Cumbre de las Américas")
			if s.Name != "" && !strings.HasPrefix(s.Name, ordinalsEN[o]+" ") {
				si.refs[langEN] = append(si.refs[langEN], "the "+s.Name) // "the VII Summit of the Americas"
			}
		}
		out = append(out, si)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("synth: the catalog has no summit that met")
	}
	return out, nil
}

// Languages of a page.
const (
	langEN = 0
	langES = 1
)

// surface is one way of printing an entity.
type surface struct {
	text    string
	article string // "the", "la", "el", "los", "las" or ""
}

// entity is a catalog convention or institution with the ways pages print
// it, by language.
type entity struct {
	e        *graph.Entity
	names    [2][]surface // canonical names and aliases, canonical first
	acronyms [2][]surface
}

// prominent are the entities mandates name most often, most prominent
// first; the others follow in a fixed order (by a hash of their id), so
// that an entity's rank does not depend on the seed.
var prominent = []string{
	"institution/oas",
	"convention/inter-american-democratic-charter",
	"institution/idb",
	"institution/paho",
	"institution/eclac",
	"institution/world-bank",
	"convention/2030-agenda-for-sustainable-development",
	"institution/united-nations",
	"convention/inter-american-convention-against-corruption",
	"institution/iachr",
	"institution/jswg",
	"institution/mesicic",
	"institution/ilo",
	"institution/cim",
	"institution/oecd",
	"convention/united-nations-framework-convention-on-climate-change",
	"institution/cicad",
	"convention/paris-agreement",
	"institution/summits-of-the-americas-secretariat",
	"institution/iica",
}

// rankEntities returns the catalog's conventions and institutions in rank
// order.
func rankEntities(cat *nlp.Catalog) []*entity {
	var all []*graph.Entity
	for _, e := range cat.Entities {
		if e.EntityKind == graph.KindConvention || e.EntityKind == graph.KindInstitution {
			all = append(all, e)
		}
	}
	rank := map[string]int{}
	for i, id := range prominent {
		rank[id] = i + 1
	}
	hash := func(id string) uint64 {
		h := fnv.New64a()
		h.Write([]byte(id))
		return h.Sum64()
	}
	sort.SliceStable(all, func(i, j int) bool {
		ri, rj := rank[all[i].ID], rank[all[j].ID]
		switch {
		case ri != 0 && rj != 0:
			return ri < rj
		case ri != 0 || rj != 0:
			return ri != 0
		}
		hi, hj := hash(all[i].ID), hash(all[j].ID)
		if hi != hj {
			return hi < hj
		}
		return all[i].ID < all[j].ID
	})
	out := make([]*entity, len(all))
	for i, e := range all {
		out[i] = newEntity(cat, e)
	}
	return out
}

func newEntity(cat *nlp.Catalog, e *graph.Entity) *entity {
	x := &entity{e: e}
	// The pages are English and Spanish: the French and Portuguese names
	// (among the aliases) and the acronyms that hold in neither are not
	// theirs.
	other := map[string]bool{}
	for _, n := range e.Names {
		other[n] = true
	}
	var acronyms []string
	for _, a := range e.Acronyms {
		if cat.NameHolds(e, a, "en") || cat.NameHolds(e, a, "es") {
			acronyms = append(acronyms, a)
		}
	}
	esArt := articleES(e.NameES, "")
	if e.NameES == "" {
		esArt = "la"
	}
	x.names[langEN] = append(x.names[langEN], surface{e.Name, articleEN(e.Name)})
	if e.NameES != "" {
		x.names[langES] = append(x.names[langES], surface{e.NameES, esArt})
	} else {
		x.names[langES] = append(x.names[langES], surface{e.Name, articleES(e.Name, esArt)})
	}
	for _, a := range e.Aliases {
		if other[a] {
			continue
		}
		if spanish(a) {
			x.names[langES] = append(x.names[langES], surface{a, articleES(a, esArt)})
		} else {
			x.names[langEN] = append(x.names[langEN], surface{a, articleEN(a)})
		}
	}
	// Acronyms: the Spanish one is listed last when there are two (OAS,
	// OEA); English pages use the others.
	if n := len(acronyms); n > 0 {
		en := acronyms
		if n > 1 {
			en = acronyms[:n-1]
		}
		for _, a := range en {
			if cat.NameHolds(e, a, "en") {
				x.acronyms[langEN] = append(x.acronyms[langEN], surface{a, "the"})
			}
		}
		if a := acronyms[n-1]; cat.NameHolds(e, a, "es") {
			x.acronyms[langES] = append(x.acronyms[langES], surface{a, esArt})
		}
	}
	return x
}

// articleEN is the article an English name takes: "the", except for a
// one-word name that is not an acronym ("ParlAmericas").
func articleEN(name string) string {
	if !strings.Contains(name, " ") && strings.ToUpper(name) != name {
		return ""
	}
	return "the"
}

var (
	esFeminine = map[string]bool{
		"convención": true, "carta": true, "declaración": true, "organización": true, "comisión": true, "red": true,
		"agenda": true, "estrategia": true, "corte": true, "alianza": true, "asociación": true, "comunidad": true,
		"unidad": true, "oficina": true, "secretaría": true, "agencia": true, "asamblea": true, "conferencia": true,
		"reunión": true, "iniciativa": true, "junta": true, "entidad": true, "ley": true, "plataforma": true,
		"recomendación": true, "compra": true, "contratación": true, "corporación": true, "cumbre": true,
	}
	esPlural = map[string]string{
		"recomendaciones": "las", "naciones": "las", "cuarenta": "las", "reuniones": "las",
		"lineamientos": "los", "objetivos": "los", "principios": "los",
	}
)

// articleES guesses the Spanish article of a name from its first word;
// def when the first word is an acronym.
func articleES(name, def string) string {
	first, _, _ := strings.Cut(name, " ")
	first = strings.TrimRight(first, ",")
	if first == "" {
		return def
	}
	if !strings.Contains(name, " ") && strings.ToUpper(name) != name {
		return "" // ParlAmericas
	}
	if strings.ToUpper(first) == first && def != "" {
		return def // ONU Mujeres
	}
	w := strings.ToLower(first)
	if a, ok := esPlural[w]; ok {
		return a
	}
	if esFeminine[w] {
		return "la"
	}
	return "el"
}

var (
	esFunction = map[string]bool{"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "para": true, "y": true, "contra": true, "sobre": true, "con": true, "en": true}
	esFirst    = map[string]bool{"convención": true, "convenio": true, "programa": true, "protocolo": true, "pacto": true, "declaración": true,
		"recomendaciones": true, "reglamento": true, "cuarenta": true, "estrategia": true, "acuerdo": true, "naciones": true, "onu": true,
		"grupo": true, "banco": true, "fondo": true, "consenso": true, "foro": true, "red": true, "onu-hábitat": true}
)

// spanish reports whether a catalog alias is Spanish.
func spanish(alias string) bool {
	words := strings.FieldsFunc(strings.ToLower(alias), func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	if len(words) == 0 {
		return false
	}
	if esFirst[words[0]] {
		return true
	}
	for _, w := range words {
		if esFunction[w] {
			return true
		}
	}
	return false
}

// headingTopics are the upper-case topics of the page headings ("DEMOCRACY:
// Good Governance"), by theme; the subtopic is the theme's name.
var headingTopics = map[string][2]string{
	"theme/democracy":                     {"DEMOCRACY", "DEMOCRACIA"},
	"theme/good-governance":               {"DEMOCRACY", "DEMOCRACIA"},
	"theme/public-integrity":              {"DEMOCRACY", "DEMOCRACIA"},
	"theme/corruption":                    {"DEMOCRACY", "DEMOCRACIA"},
	"theme/transparency":                  {"DEMOCRACY", "DEMOCRACIA"},
	"theme/access-to-information":         {"DEMOCRACY", "DEMOCRACIA"},
	"theme/open-data":                     {"DEMOCRACY", "DEMOCRACIA"},
	"theme/open-government":               {"DEMOCRACY", "DEMOCRACIA"},
	"theme/fiscal-transparency":           {"DEMOCRACY", "DEMOCRACIA"},
	"theme/elections":                     {"DEMOCRACY", "DEMOCRACIA"},
	"theme/press-freedom":                 {"DEMOCRACY", "DEMOCRACIA"},
	"theme/rule-of-law":                   {"DEMOCRACY", "DEMOCRACIA"},
	"theme/judicial-independence":         {"DEMOCRACY", "DEMOCRACIA"},
	"theme/public-procurement":            {"DEMOCRACY", "DEMOCRACIA"},
	"theme/conflicts-of-interest":         {"DEMOCRACY", "DEMOCRACIA"},
	"theme/lobbying":                      {"DEMOCRACY", "DEMOCRACIA"},
	"theme/citizen-participation":         {"DEMOCRACY", "DEMOCRACIA"},
	"theme/civil-society":                 {"DEMOCRACY", "DEMOCRACIA"},
	"theme/local-government":              {"DEMOCRACY", "DEMOCRACIA"},
	"theme/decentralization":              {"DEMOCRACY", "DEMOCRACIA"},
	"theme/digital-government":            {"DIGITAL TRANSFORMATION", "TRANSFORMACIÓN DIGITAL"},
	"theme/digital-transformation":        {"DIGITAL TRANSFORMATION", "TRANSFORMACIÓN DIGITAL"},
	"theme/artificial-intelligence":       {"DIGITAL TRANSFORMATION", "TRANSFORMACIÓN DIGITAL"},
	"theme/cybersecurity":                 {"DIGITAL TRANSFORMATION", "TRANSFORMACIÓN DIGITAL"},
	"theme/privacy-and-data-protection":   {"DIGITAL TRANSFORMATION", "TRANSFORMACIÓN DIGITAL"},
	"theme/human-rights":                  {"HUMAN RIGHTS", "DERECHOS HUMANOS"},
	"theme/sustainable-development":       {"SUSTAINABLE DEVELOPMENT", "DESARROLLO SOSTENIBLE"},
	"theme/poverty-and-inequality":        {"SOCIAL DEVELOPMENT", "DESARROLLO SOCIAL"},
	"theme/employment":                    {"LABOR AND EMPLOYMENT", "TRABAJO Y EMPLEO"},
	"theme/energy-and-mining":             {"ENERGY", "ENERGÍA"},
	"theme/environment":                   {"ENVIRONMENT", "MEDIO AMBIENTE"},
	"theme/climate-change":                {"ENVIRONMENT", "MEDIO AMBIENTE"},
	"theme/forests-and-biodiversity":      {"ENVIRONMENT", "MEDIO AMBIENTE"},
	"theme/natural-disasters":             {"NATURAL DISASTERS", "DESASTRES NATURALES"},
	"theme/health":                        {"HEALTH", "SALUD"},
	"theme/education":                     {"EDUCATION", "EDUCACIÓN"},
	"theme/food-security-and-agriculture": {"AGRICULTURE AND RURAL LIFE", "AGRICULTURA Y VIDA RURAL"},
	"theme/trade-and-investment":          {"TRADE AND INVESTMENT", "COMERCIO E INVERSIÓN"},
	"theme/private-sector":                {"TRADE AND INVESTMENT", "COMERCIO E INVERSIÓN"},
	"theme/money-laundering":              {"SECURITY", "SEGURIDAD"},
	"theme/organized-crime":               {"SECURITY", "SEGURIDAD"},
	"theme/security":                      {"SECURITY", "SEGURIDAD"},
	"theme/indigenous-peoples":            {"INDIGENOUS PEOPLES", "PUEBLOS INDÍGENAS"},
	"theme/women-and-gender":              {"GENDER ISSUES", "TEMAS DE GÉNERO"},
	"theme/migrants":                      {"MIGRATION", "MIGRACIÓN"},
}

// theme is a page theme: its heading and the phrases that signal it.
type theme struct {
	heading [2]string
	phrases [2][]string
}

// themesOf returns the page themes. Theme patterns that are the name of a
// convention or institution ("Inter-American Democratic Charter") are left
// out: entities are only named where Stats counts them.
func themesOf(cat *nlp.Catalog) []*theme {
	names := map[string]bool{}
	for _, e := range cat.Entities {
		if e.EntityKind == graph.KindConvention || e.EntityKind == graph.KindInstitution {
			for _, n := range graph.EntityNames(e) {
				names[graph.NormalizeName(n)] = true
			}
		}
	}
	keep := func(phrases []string) []string {
		var out []string
		for _, ph := range phrases {
			if !names[graph.NormalizeName(ph)] {
				out = append(out, ph)
			}
		}
		return out
	}
	var out []*theme
	for _, t := range cat.Themes {
		top, ok := headingTopics[t.Entity.ID]
		if !ok {
			top = [2]string{"SOCIAL INCLUSION", "INCLUSIÓN SOCIAL"}
		}
		nameES := t.Entity.NameES
		if nameES == "" {
			nameES = t.Entity.Name
		}
		th := &theme{heading: [2]string{top[0] + ": " + t.Entity.Name, top[1] + ": " + nameES}}
		th.phrases[langEN] = keep(t.Patterns["en"])
		th.phrases[langES] = keep(t.Patterns["es"])
		out = append(out, th)
	}
	if len(out) == 0 {
		out = append(out, &theme{heading: [2]string{"SUMMITS OF THE AMERICAS: Mandates", "CUMBRES DE LAS AMÉRICAS: Mandatos"}})
	}
	return out
}
