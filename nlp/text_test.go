package nlp

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// langSample is a text written for the tests in one language, of one
// size: a heading, a sentence or a paragraph.
type langSample struct {
	lang, size, text string
}

var langSamples = []langSample{
	// English.
	{"en", "short", "Declaration of Principles"},
	{"en", "short", "Fifth Summit of the Americas"},
	{"en", "short", "Plan of Action"},
	{"en", "short", "Strengthening democratic governance"},
	{"en", "short", "Health and Resilience in the Americas"},
	{"en", "sentence", "We will strengthen the capacity of our governments to fight corruption and impunity."},
	{"en", "sentence", "Promote the participation of civil society in the follow-up to the commitments of this Summit."},
	{"en", "sentence", "Recognizing that migration is a shared responsibility of the countries of the Hemisphere."},
	{"en", "sentence", "Support the work of the Inter-American Commission of Women and its programs."},
	{"en", "paragraph", "We, the Heads of State and Government of the Americas, gathered in this city, reaffirm our commitment to representative democracy, to the rule of law and to the protection of human rights. We recognize that corruption undermines public trust and that transparent institutions are essential for the development of our peoples."},
	{"en", "paragraph", "Governments will promote access to quality education for all, with special attention to girls, indigenous peoples and persons with disabilities, and will expand the use of information and communication technologies in schools, in cooperation with the private sector and international organizations."},
	{"en", "paragraph", "To reduce the risk of disasters, our governments will strengthen early warning systems, share information on hurricanes and earthquakes, and work with the Caribbean Development Bank and other institutions to finance reconstruction in the countries most affected."},
	// Spanish.
	{"es", "short", "Declaración de Principios"},
	{"es", "short", "Quinta Cumbre de las Américas"},
	{"es", "short", "Plan de Acción"},
	{"es", "short", "Fortalecimiento de la gobernabilidad democrática"},
	{"es", "short", "Salud y resiliencia en las Américas"},
	{"es", "sentence", "Fortaleceremos la capacidad de nuestros gobiernos para combatir la corrupción y la impunidad."},
	{"es", "sentence", "Promover la participación de la sociedad civil en el seguimiento de los compromisos de esta Cumbre."},
	{"es", "sentence", "Reconociendo que la migración es una responsabilidad compartida de los países del Hemisferio."},
	{"es", "sentence", "Apoyar el trabajo de la Comisión Interamericana de Mujeres y sus programas."},
	{"es", "paragraph", "Nosotros, los Jefes de Estado y de Gobierno de las Américas, reunidos en esta ciudad, reafirmamos nuestro compromiso con la democracia representativa, el estado de derecho y la protección de los derechos humanos. Reconocemos que la corrupción socava la confianza pública y que las instituciones transparentes son esenciales para el desarrollo de nuestros pueblos."},
	{"es", "paragraph", "Los gobiernos promoverán el acceso a una educación de calidad para todos, con especial atención a las niñas, los pueblos indígenas y las personas con discapacidad, y ampliarán el uso de las tecnologías de la información y la comunicación en las escuelas, en cooperación con el sector privado."},
	{"es", "paragraph", "Para reducir el riesgo de desastres, nuestros gobiernos fortalecerán los sistemas de alerta temprana, compartirán información sobre huracanes y terremotos, y trabajarán con los bancos de desarrollo para financiar la reconstrucción en los países más afectados."},
	// French.
	{"fr", "short", "Déclaration de principes"},
	{"fr", "short", "Cinquième Sommet des Amériques"},
	{"fr", "short", "Plan d’action"},
	{"fr", "short", "Renforcement de la gouvernance démocratique"},
	{"fr", "short", "Santé et résilience dans les Amériques"},
	{"fr", "sentence", "Nous renforcerons la capacité de nos gouvernements à lutter contre la corruption et l’impunité."},
	{"fr", "sentence", "Promouvoir la participation de la société civile au suivi des engagements de ce Sommet."},
	{"fr", "sentence", "Reconnaissant que la migration est une responsabilité partagée des pays de l’hémisphère."},
	{"fr", "sentence", "Appuyer les travaux de la Commission interaméricaine des femmes et ses programmes."},
	{"fr", "paragraph", "Nous, chefs d’État et de gouvernement des Amériques, réunis dans cette ville, réaffirmons notre engagement envers la démocratie représentative, l’état de droit et la protection des droits de la personne. Nous reconnaissons que la corruption mine la confiance du public et que des institutions transparentes sont essentielles au développement de nos peuples."},
	{"fr", "paragraph", "Les gouvernements favoriseront l’accès de tous à une éducation de qualité, en accordant une attention particulière aux filles, aux peuples autochtones et aux personnes handicapées, et élargiront l’utilisation des technologies de l’information et de la communication dans les écoles, en coopération avec le secteur privé."},
	{"fr", "paragraph", "Afin de réduire les risques de catastrophe, nos gouvernements renforceront les systèmes d’alerte rapide, partageront l’information sur les ouragans et les tremblements de terre, et travailleront avec les banques de développement pour financer la reconstruction dans les pays les plus touchés."},
	// Portuguese.
	{"pt", "short", "Declaração de Princípios"},
	{"pt", "short", "Quinta Cúpula das Américas"},
	{"pt", "short", "Plano de Ação"},
	{"pt", "short", "Fortalecimento da governabilidade democrática"},
	{"pt", "short", "Saúde e resiliência nas Américas"},
	{"pt", "sentence", "Fortaleceremos a capacidade dos nossos governos para combater a corrupção e a impunidade."},
	{"pt", "sentence", "Promover a participação da sociedade civil no acompanhamento dos compromissos desta Cúpula."},
	{"pt", "sentence", "Reconhecendo que a migração é uma responsabilidade compartilhada dos países do Hemisfério."},
	{"pt", "sentence", "Apoiar o trabalho da Comissão Interamericana de Mulheres e seus programas."},
	{"pt", "paragraph", "Nós, os Chefes de Estado e de Governo das Américas, reunidos nesta cidade, reafirmamos nosso compromisso com a democracia representativa, o estado de direito e a proteção dos direitos humanos. Reconhecemos que a corrupção mina a confiança pública e que instituições transparentes são essenciais para o desenvolvimento de nossos povos."},
	{"pt", "paragraph", "Os governos promoverão o acesso de todos a uma educação de qualidade, com especial atenção às meninas, aos povos indígenas e às pessoas com deficiência, e ampliarão o uso das tecnologias da informação e da comunicação nas escolas, em cooperação com o setor privado."},
	{"pt", "paragraph", "Para reduzir o risco de desastres, nossos governos fortalecerão os sistemas de alerta precoce, compartilharão informações sobre furacões e terremotos e trabalharão com os bancos de desenvolvimento para financiar a reconstrução nos países mais afetados."},
}

// damage replaces every accented letter with U+FFFD, as copies that lost
// their encoding print them.
func damage(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d := norm.NFD.String(string(r)); len([]rune(d)) > 1 && unicode.IsLetter(r) || r == 'ç' || r == 'ñ' {
			b.WriteRune('\uFFFD')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestDetectLanguage measures the detector on the samples, whole and with
// their accents damaged: every sentence and paragraph right, and the
// headings of two to six words nearly all.
func TestDetectLanguage(t *testing.T) {
	type tally struct{ right, all int }
	counts := map[string]*tally{}
	for _, damaged := range []bool{false, true} {
		for _, s := range langSamples {
			text := s.text
			key := s.size
			if damaged {
				text, key = damage(text), s.size+" damaged"
			}
			got := DetectLanguage(text)
			if counts[key] == nil {
				counts[key] = &tally{}
			}
			counts[key].all++
			if got == s.lang {
				counts[key].right++
				continue
			}
			if s.size != "short" {
				t.Errorf("DetectLanguage(%q) = %s, want %s (scores %v)", text, got, s.lang, ScoreLanguages(text))
			} else {
				t.Logf("heading %q: %s, want %s (scores %v)", text, got, s.lang, ScoreLanguages(text))
			}
		}
	}
	for _, key := range []string{"short", "short damaged", "sentence", "sentence damaged", "paragraph", "paragraph damaged"} {
		c := counts[key]
		acc := float64(c.right) / float64(c.all)
		t.Logf("%-18s %d/%d right (%.0f%%)", key, c.right, c.all, 100*acc)
		if strings.HasPrefix(key, "short") && acc < 0.9 {
			t.Errorf("%s: accuracy %.2f, want at least 0.9", key, acc)
		}
	}
	// A page whose mandates are in one language and its navigation in
	// another takes its mandates' language when handed its mandates;
	// handed everything, the longer text wins.
	nav := "Inicio Países Mapa del sitio Contactos"
	mandates := langSamples[9].text + " " + langSamples[10].text
	if got := DetectLanguage(nav + "\n" + mandates); got != "en" {
		t.Errorf("English mandates under Spanish navigation: %s", got)
	}
	for _, tc := range []struct{ text, want string }{
		{"", "en"}, {"1. 2. 3.", "en"}, {"\uFFFD\uFFFD", "en"},
	} {
		if got := DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestStemLanguages checks that French and Portuguese words meet their
// inflections, and that a function word of a language is no term of it.
func TestStemLanguages(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		words []string // one stem
	}{
		{"fr", []string{"démocratie", "démocraties", "Démocratie"}},
		{"fr", []string{"renforcer", "renforcement", "renforcera"}},
		{"fr", []string{"l’information", "information", "d'information"}},
		{"pt", []string{"democracia", "democracias"}},
		{"pt", []string{"governo", "governos"}},
		{"pt", []string{"eleições", "eleicoes"}},
		{"pt", []string{"fortalecer", "fortalecerá"}},
		{"es", []string{"elección", "elecciones"}},
	} {
		want := Stem(tc.words[0], tc.lang)
		if want == "" {
			t.Errorf("%s %q has no stem", tc.lang, tc.words[0])
		}
		for _, w := range tc.words[1:] {
			if got := Stem(w, tc.lang); got != want {
				t.Errorf("Stem(%q, %s) = %q, want %q as for %q", w, tc.lang, got, want, tc.words[0])
			}
		}
	}
	for _, tc := range []struct{ word, lang string }{{"les", "fr"}, {"dans", "fr"}, {"dos", "pt"}, {"não", "pt"}, {"the", "fr"}, {"the", "pt"}} {
		if s := Stem(tc.word, tc.lang); s != "" {
			t.Errorf("Stem(%q, %s) = %q, want none", tc.word, tc.lang, s)
		}
	}
}

// BenchmarkDetectLanguage detects the language of a page-sized text.
func BenchmarkDetectLanguage(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 20000; i++ {
		fmt.Fprintf(&sb, "%s\n", langSamples[i%len(langSamples)].text)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		DetectLanguage(text)
	}
}

// BenchmarkDetectLanguageDamaged detects the language of a page-sized text
// whose accented letters are all damaged, the slow path.
func BenchmarkDetectLanguageDamaged(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 20000; i++ {
		fmt.Fprintf(&sb, "%s\n", damage(langSamples[i%len(langSamples)].text))
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		DetectLanguage(text)
	}
}
