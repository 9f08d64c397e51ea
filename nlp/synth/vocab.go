package synth

import "strings"

// The vocabulary: the seed's mandates (seeds/democracy-good-governance.txt)
// taken apart into their opening verbs, noun phrases, continuations and
// closing qualifiers, with Spanish counterparts written in the style of the
// Spanish pages. No fragment names a catalog convention, institution or
// summit: those are inserted separately, so that what a corpus mentions is
// exactly what Stats counts (the tests check it).

// template is a phrase with one slot, split at the slot.
type template struct{ pre, post string }

func templates(xs ...string) []template {
	out := make([]template, len(xs))
	for i, x := range xs {
		pre, post, ok := strings.Cut(x, "%")
		if !ok {
			panic("synth: template without a slot: " + x)
		}
		out[i] = template{pre, post}
	}
	return out
}

// esHead is a Spanish head noun with its article; its adjectives agree.
type esHead struct {
	text, article string
}

type vocab struct {
	verbs    []string // imperative, capitalized
	gerunds  []string // capitalized
	declOpen []string // a declaration's first words, before a noun phrase
	declNext []string // its later sentences' first words
	subjects []string // "The strengthening of" (statements)
	preds    []string // "is essential for …" (statements)
	objects  []string // noun phrases
	// The parts of composed noun phrases: [article] adjective head
	// preposition complement (English), article head adjective
	// preposition complement (Spanish).
	adjs        []string
	adjsES      [][4]string // m. sg., f. sg., m. pl., f. pl.
	heads       []string
	headsES     []esHead
	preps       []string
	complements []string
	conts       []template // continuations; the slot takes a noun phrase
	fixedConts  []string
	quals       []string // closing qualifiers
	introTails  []string // the end of a mandate whose items follow
	instSlots   []template
	convSlots   []template
	themeSlots  []template
	refSlots    []template
	and         string
	to          string // the infinitive's particle ("To promote"); "" in Spanish
}

var vocabs = [2]*vocab{langEN: {
	verbs: []string{
		"Promote", "Strengthen", "Support", "Continue to promote", "Continue to strengthen", "Foster", "Encourage",
		"Ensure", "Develop", "Implement", "Consider", "Advance", "Deepen", "Establish", "Protect", "Facilitate",
		"Generate", "Seek to strengthen", "Consolidate", "Expand", "Improve", "Intensify", "Prioritize",
		"Continue implementing", "Develop and implement", "Strengthen and promote", "Establish and implement",
		"Recognize the importance of", "Redouble efforts to promote", "Work jointly to strengthen",
	},
	gerunds: []string{
		"Promoting", "Strengthening", "Fostering", "Developing", "Implementing", "Encouraging", "Supporting",
		"Consolidating", "Furthering", "Establishing", "Intensifying", "Pursuing", "Improving", "Advancing",
		"Ensuring", "Expanding", "Facilitating", "Continuing to strengthen", "Developing and implementing",
		"Promoting and strengthening", "Recognizing the importance of",
	},
	declOpen: []string{
		"We reaffirm our commitment to", "We recognize the importance of", "We will continue to promote",
		"We commit to strengthening", "We support", "We reiterate our commitment to supporting",
		"We affirm the importance of enhancing", "We undertake to promote", "We will redouble our efforts to improve",
		"We express our support for", "We therefore renew our commitment to", "We recognise the role of",
		"We are convinced of the need to strengthen", "We will aim to develop",
	},
	declNext: []string{
		"We also commit to", "In this regard, we will continue our efforts to strengthen", "We further recognize the importance of",
		"We will encourage", "We reaffirm our commitment to fostering", "We will continue to work towards",
		"We undertake to promote", "Furthermore, we will redouble our efforts to improve",
	},
	subjects: []string{
		"The strengthening of", "The modernization of", "The promotion of", "The consolidation of", "Respect for",
		"The effective exercise of", "The defense of", "Investment in",
	},
	preds: []string{
		"is essential for the social, political and economic development of the peoples of the Americas",
		"constitutes a central priority of the Hemisphere",
		"requires effective, representative, transparent and accountable government institutions at all levels",
		"must be transparent and open to public scrutiny",
		"reduces the opportunities for corruption",
		"is a shared responsibility of governments and societies",
		"is fundamental to promote and consolidate representative democracy",
		"depends on strong democracies, good governance and the rule of law",
	},
	objects: []string{
		"the use and leverage of information and communication technologies",
		"transparency and accountability in the management, publication, and use of open data",
		"the digital transformation of government through inclusive policy-making processes",
		"the professional development of civil servants and other institutional capacities",
		"regional cooperation",
		"free and fair elections with full respect for state sovereignty",
		"press freedom and the full exercise of civil rights",
		"the free exchange of ideas, information, and thought",
		"the relationship between inclusive, democratic governance and sustainable development",
		"hemispheric cooperation and investment programs",
		"opportunities for economic and social empowerment and advancement for all peoples of the Hemisphere",
		"policies and programs that address the structural causes of poverty and inequality",
		"the creation of employment and decent work, as well as entrepreneurship",
		"the strengthening of supply chains and the facilitation of investments in the Americas",
		"initiatives that arise from the priorities of historically marginalized groups",
		"key government policies, platforms, and tools for open, transparent, and accessible public procurement processes",
		"measures that enable the identification of conflicts of interest",
		"procedures and programs aimed at guiding, educating, and raising the awareness of public officials",
		"spaces for citizen participation, such as citizen observatories",
		"transparency and accountability mechanisms regarding access to information related to the environment",
		"the entities responsible for preventing and combating corruption",
		"the use of digital systems to ensure and improve transparency, dissemination, and public accountability",
		"the participation of civil society, the private sector, and social actors",
		"young people’s inclusion in decision making, oversight, control, and supervision",
		"the public procurement and acquisition policies at the national, regional, and international levels",
		"regulatory frameworks, measures, and indicators that are effective for countering favoritism",
		"solid regulations on lobbying",
		"multi-stakeholder forums for dialogue among the public sector, the private sector, and civil society",
		"participatory processes to promote government accountability and public trust in government",
		"community development planning processes",
		"open, free, informed, and prior consultations with indigenous communities, leaders, and authorities",
		"access to information to respond to the needs and capacities of stakeholders",
		"judicial autonomy and independence",
		"the positive contributions of indigenous peoples and their traditional values and principles",
		"gender equity and equality and women’s empowerment",
		"codes of conduct for public officials that contain high standards of ethics, honesty, integrity, and transparency",
		"national anti-corruption measures or systems",
		"the autonomy and independence of high-level oversight bodies",
		"statistics and indicators for assessing the impact of transparency and anti-corruption policies",
		"coordinated, transparent practices in the issuance of government permits",
		"the legitimacy of electoral processes",
		"credibility and public trust in democratic institutions",
		"decentralization, local government and citizen participation",
		"mechanisms to facilitate citizen participation in politics, especially in local or municipal government",
		"the processes of promoting and consolidating democratic values, practices and institutions",
		"opportunities for exchange of experiences among member states’ democratic institutions",
		"understanding, dialogue and political reconciliation",
		"mechanisms of cooperation in the judicial and banking areas",
		"the modernization of the state, including deregulation and the simplification of government procedures",
		"rural electrification programs",
		"cleaner, more affordable and sustainable energy systems",
		"the sustainable management of forests and protected areas",
		"universal access to quality health services",
		"inclusive and equitable quality education",
		"the resilience of communities to natural disasters",
		"safe, orderly and regular migration",
		"the protection of persons in vulnerable situations",
		"small and medium-sized enterprises",
		"the security of our citizens",
	},
	adjs: []string{
		"national", "regional", "hemispheric", "inclusive", "effective", "transparent", "sustainable", "democratic",
		"institutional", "multilateral", "comprehensive", "coordinated", "timely", "equitable", "innovative",
		"participatory", "accountable", "integrated", "local", "cross-sectoral", "evidence-based", "accessible",
	},
	heads: []string{
		"policies", "programs", "mechanisms", "cooperation", "capacities", "frameworks", "strategies", "initiatives",
		"partnerships", "measures", "standards", "networks", "systems", "institutions", "practices", "tools",
		"platforms", "indicators", "dialogue", "training programs", "information systems", "action plans",
		"regulatory frameworks", "technical assistance", "financing mechanisms", "awareness campaigns",
		"monitoring systems", "early warning systems", "exchanges of best practices", "public policies",
	},
	preps: []string{"for", "on", "in support of", "related to", "to strengthen", "to improve", "that promote", "in the area of"},
	complements: []string{
		"the prevention of and fight against corruption", "public administration", "access to public information",
		"the rule of law", "citizen participation", "sustainable development", "disaster risk management",
		"the protection of human rights", "the modernization of the state", "the digitalization of public service delivery",
		"renewable energy", "climate change adaptation", "food security", "decent work", "quality education",
		"public health", "rural communities", "small and medium-sized enterprises", "migration management",
		"citizen security", "open government", "fiscal transparency", "the judicial system", "local government",
		"youth employment", "gender equality", "groups in vulnerable situations", "indigenous peoples",
		"persons with disabilities", "older persons", "the conservation of biodiversity", "energy efficiency",
		"digital inclusion", "cybersecurity", "public trust in democratic institutions", "electoral processes",
		"freedom of expression", "public procurement", "social inclusion", "the integration of our economies",
		"the eradication of poverty", "the participation of women", "connectivity in rural areas",
		"the management of water resources", "the financing of development", "labor rights",
		"the protection of journalists", "the fight against money laundering", "the environment",
		"the strengthening of democratic governance", "responsible business conduct", "oversight and control bodies",
	},
	conts: templates(
		"including %", "including through %", "with a view to strengthening %", "in order to improve %",
		"as well as %", "while promoting %", "through %", "to promote %", "particularly %", "and foster %",
		"in support of %", "with special attention to %", "by means of %", "and strengthen %",
		"taking into account %", "so as to ensure %", "and promote %", "in particular %",
	),
	fixedConts: []string{
		"respecting the sovereignty and integrity of each State",
		"with full respect for state sovereignty",
		"with a gender perspective",
		"particularly among youth",
		"in all areas of government",
		"within the framework of intercultural dialogue",
		"in the countries of the region",
		"at the national, regional, and international levels",
		"in collaboration with the authorities responsible for law enforcement and other actors",
		"with due respect to the principle of non-intervention",
		"bearing in mind that national reconciliation comes from within",
		"and raise the standard of living of our peoples",
		"based on applicable international best practices",
		"and foster strengthened cooperation and the exchange of experiences and best practices in that regard",
		"in the fight against corruption and impunity",
		"at the request of the interested state",
		"within our Hemisphere",
		"and enable civil society to engage in monitoring and oversight",
	},
	quals: []string{
		"as appropriate", "in accordance with domestic legislation", "where appropriate",
		"in keeping with domestic legislation and international obligations of States", "consistent with domestic law",
		"in accordance with national legislation", "as appropriate and according to domestic legislation",
		"in a manner consistent with domestic legislation and international law",
		"in accordance with their respective legal frameworks", "as soon as possible and as the case may be",
		"in keeping with international human rights treaties", "as appropriate and in accordance with domestic legislation",
	},
	introTails: []string{
		", including through the following measures, among others:", " by:", ", including:", ", and taking the following actions:",
		", to include:", " through the following measures, in accordance with domestic law:", ", among others, by:",
	},
	instSlots: templates(
		"with the support of %", "in coordination with %", "through %", "in collaboration with %",
		"drawing on the experience of %", "with the technical assistance of %", "and request % to support these efforts",
		"in cooperation with %", "and invite % to contribute to these efforts", "with the participation of %",
	),
	convSlots: templates(
		"in line with %", "consistent with %", "in the framework of %", "reaffirming our commitment to %",
		"including the full implementation of %", "as set out in %", "and promote effective implementation of %",
		"and consider signing and ratifying, ratifying, or acceding to, as soon as possible, %",
		"in keeping with the principles of %", "taking into account the commitments in %",
	),
	themeSlots: templates(
		"with particular attention to %", "in the area of %", "including in matters of %", "with an emphasis on %",
		"in relation to %",
	),
	refSlots: templates(
		"building on the commitments undertaken at %", "as agreed in %", "in follow-up to %", "recalling %",
		"pursuant to the mandates of %",
	),
	and: " and ",
	to:  "To ",
}, langES: {
	verbs: []string{
		"Promover", "Fortalecer", "Apoyar", "Continuar promoviendo", "Continuar fortaleciendo", "Fomentar", "Impulsar",
		"Garantizar", "Desarrollar", "Implementar", "Considerar", "Avanzar en", "Profundizar", "Establecer", "Proteger",
		"Facilitar", "Generar", "Procurar fortalecer", "Consolidar", "Ampliar", "Mejorar", "Intensificar", "Priorizar",
		"Desarrollar e implementar", "Fortalecer y promover", "Reconocer la importancia de", "Redoblar los esfuerzos para promover",
	},
	gerunds: []string{
		"Promoviendo", "Fortaleciendo", "Fomentando", "Desarrollando", "Implementando", "Impulsando", "Apoyando",
		"Consolidando", "Estableciendo", "Intensificando", "Mejorando", "Avanzando en", "Garantizando", "Ampliando",
		"Facilitando", "Continuando con el fortalecimiento de", "Promoviendo y fortaleciendo", "Reconociendo la importancia de",
	},
	declOpen: []string{
		"Reafirmamos nuestro compromiso con", "Reconocemos la importancia de", "Continuaremos promoviendo",
		"Nos comprometemos a fortalecer", "Apoyamos", "Reiteramos nuestro compromiso de apoyar",
		"Afirmamos la importancia de mejorar", "Nos comprometemos a promover", "Redoblaremos nuestros esfuerzos para mejorar",
		"Expresamos nuestro respaldo a", "Renovamos nuestro compromiso con", "Reconocemos el papel de",
	},
	declNext: []string{
		"Nos comprometemos también a", "En este sentido, continuaremos nuestros esfuerzos para fortalecer",
		"Reconocemos asimismo la importancia de", "Alentaremos", "Reafirmamos nuestro compromiso de fomentar",
		"Continuaremos trabajando para promover", "Asimismo, redoblaremos nuestros esfuerzos para mejorar",
	},
	subjects: []string{
		"El fortalecimiento de", "La modernización de", "La promoción de", "La consolidación de", "El respeto a",
		"El ejercicio efectivo de", "La defensa de", "La inversión en",
	},
	preds: []string{
		"es esencial para el desarrollo social, político y económico de los pueblos de las Américas",
		"constituye una prioridad central del Hemisferio",
		"requiere instituciones gubernamentales eficaces, representativas, transparentes y responsables en todos los niveles",
		"debe ser transparente y estar abierta al escrutinio público",
		"reduce las oportunidades para la corrupción",
		"es una responsabilidad compartida de los gobiernos y las sociedades",
		"es fundamental para promover y consolidar la democracia representativa",
	},
	objects: []string{
		"el uso y aprovechamiento de las tecnologías de la información y la comunicación",
		"la transparencia y la rendición de cuentas en la gestión, publicación y uso de datos abiertos",
		"la transformación digital del gobierno mediante procesos inclusivos de formulación de políticas",
		"el desarrollo profesional de los servidores públicos y otras capacidades institucionales",
		"la cooperación regional",
		"elecciones libres y justas con pleno respeto a la soberanía de los Estados",
		"la libertad de prensa y el pleno ejercicio de los derechos civiles",
		"el libre intercambio de ideas, información y pensamiento",
		"la relación entre la gobernabilidad democrática inclusiva y el desarrollo sostenible",
		"la cooperación hemisférica y los programas de inversión",
		"oportunidades de empoderamiento económico y social para todos los pueblos del Hemisferio",
		"políticas y programas que aborden las causas estructurales de la pobreza y la desigualdad",
		"la creación de empleo y trabajo decente, así como el emprendimiento",
		"el fortalecimiento de las cadenas de suministro y la facilitación de las inversiones en las Américas",
		"iniciativas que surjan de las prioridades de los grupos históricamente marginados",
		"procesos de contratación pública abiertos, transparentes y accesibles",
		"medidas que permitan identificar los conflictos de intereses",
		"espacios de participación ciudadana, como los observatorios ciudadanos",
		"las entidades responsables de prevenir y combatir la corrupción",
		"el uso de sistemas digitales para asegurar y mejorar la transparencia y la rendición de cuentas",
		"la participación de la sociedad civil, el sector privado y los actores sociales",
		"la inclusión de los jóvenes en la toma de decisiones, la supervisión y el control",
		"marcos regulatorios, medidas e indicadores eficaces para contrarrestar el favoritismo",
		"foros de diálogo entre el sector público, el sector privado y la sociedad civil",
		"procesos participativos que promuevan la rendición de cuentas y la confianza pública en el gobierno",
		"consultas libres, previas e informadas con las comunidades indígenas",
		"la autonomía y la independencia judicial",
		"los aportes de los pueblos indígenas y sus valores y principios tradicionales",
		"la equidad e igualdad de género y el empoderamiento de las mujeres",
		"códigos de conducta para los funcionarios públicos con altos estándares de ética, probidad e integridad",
		"la autonomía e independencia de los órganos de control superior",
		"estadísticas e indicadores para evaluar el impacto de las políticas de transparencia",
		"la legitimidad de los procesos electorales",
		"la credibilidad y la confianza pública en las instituciones democráticas",
		"mecanismos de cooperación en las áreas judicial y bancaria",
		"programas de electrificación rural",
		"sistemas energéticos más limpios, asequibles y sostenibles",
		"el manejo sostenible de los bosques y las áreas protegidas",
		"el acceso universal a servicios de salud de calidad",
		"una educación inclusiva, equitativa y de calidad",
		"la resiliencia de las comunidades ante los desastres",
		"la migración segura, ordenada y regular",
		"la protección de las personas en situación de vulnerabilidad",
		"las micro, pequeñas y medianas empresas",
		"la seguridad de nuestros ciudadanos",
	},
	adjsES: [][4]string{
		{"nacional", "nacional", "nacionales", "nacionales"},
		{"regional", "regional", "regionales", "regionales"},
		{"hemisférico", "hemisférica", "hemisféricos", "hemisféricas"},
		{"inclusivo", "inclusiva", "inclusivos", "inclusivas"},
		{"eficaz", "eficaz", "eficaces", "eficaces"},
		{"transparente", "transparente", "transparentes", "transparentes"},
		{"sostenible", "sostenible", "sostenibles", "sostenibles"},
		{"democrático", "democrática", "democráticos", "democráticas"},
		{"institucional", "institucional", "institucionales", "institucionales"},
		{"multilateral", "multilateral", "multilaterales", "multilaterales"},
		{"integral", "integral", "integrales", "integrales"},
		{"coordinado", "coordinada", "coordinados", "coordinadas"},
		{"oportuno", "oportuna", "oportunos", "oportunas"},
		{"equitativo", "equitativa", "equitativos", "equitativas"},
		{"innovador", "innovadora", "innovadores", "innovadoras"},
		{"participativo", "participativa", "participativos", "participativas"},
		{"local", "local", "locales", "locales"},
		{"accesible", "accesible", "accesibles", "accesibles"},
	},
	headsES: []esHead{
		{"políticas", "las"}, {"programas", "los"}, {"mecanismos", "los"}, {"cooperación", "la"}, {"capacidades", "las"},
		{"marcos", "los"}, {"estrategias", "las"}, {"iniciativas", "las"}, {"alianzas", "las"}, {"medidas", "las"},
		{"normas", "las"}, {"redes", "las"}, {"sistemas", "los"}, {"instituciones", "las"}, {"prácticas", "las"},
		{"herramientas", "las"}, {"plataformas", "las"}, {"indicadores", "los"}, {"diálogo", "el"},
		{"planes de acción", "los"}, {"asistencia técnica", "la"}, {"campañas de sensibilización", "las"},
		{"sistemas de alerta temprana", "los"}, {"políticas públicas", "las"},
	},
	preps: []string{"para", "sobre", "en apoyo de", "para fortalecer", "para mejorar", "que promuevan", "en materia de"},
	complements: []string{
		"la prevención y el combate contra la corrupción", "la administración pública", "el acceso a la información pública",
		"el estado de derecho", "la participación ciudadana", "el desarrollo sostenible", "la gestión del riesgo de desastres",
		"la protección de los derechos humanos", "la modernización del Estado", "la digitalización de los servicios públicos",
		"la energía renovable", "la adaptación al cambio climático", "la seguridad alimentaria", "el trabajo decente",
		"la educación de calidad", "la salud pública", "las comunidades rurales", "las pequeñas y medianas empresas",
		"la gestión migratoria", "la seguridad ciudadana", "el gobierno abierto", "la transparencia fiscal",
		"el sistema judicial", "el gobierno local", "el empleo juvenil", "la igualdad de género",
		"los grupos en situación de vulnerabilidad", "los pueblos indígenas", "las personas con discapacidad",
		"las personas mayores", "la conservación de la biodiversidad", "la eficiencia energética", "la inclusión digital",
		"la ciberseguridad", "la confianza pública en las instituciones democráticas", "los procesos electorales",
		"la libertad de expresión", "las compras públicas", "la inclusión social", "la integración de nuestras economías",
		"la erradicación de la pobreza", "la participación de las mujeres", "la conectividad en las zonas rurales",
		"el financiamiento del desarrollo", "los derechos laborales", "la protección de los periodistas", "el medio ambiente",
	},
	conts: templates(
		"incluyendo %", "incluso mediante %", "con miras a fortalecer %", "a fin de mejorar %", "así como %",
		"promoviendo al mismo tiempo %", "mediante %", "para promover %", "en particular %", "y fomentar %",
		"en apoyo de %", "con especial atención a %", "por medio de %", "y fortalecer %", "teniendo en cuenta %",
	),
	fixedConts: []string{
		"respetando la soberanía e integridad de cada Estado",
		"con pleno respeto a la soberanía de los Estados",
		"con perspectiva de género",
		"en particular entre los jóvenes",
		"en todos los ámbitos de gobierno",
		"en el marco del diálogo intercultural",
		"en los países de la región",
		"en los ámbitos nacional, regional e internacional",
		"con el debido respeto al principio de no intervención",
		"y elevar el nivel de vida de nuestros pueblos",
		"con base en las mejores prácticas internacionales aplicables",
		"en la lucha contra la corrupción y la impunidad",
		"a solicitud del Estado interesado",
		"en nuestro Hemisferio",
	},
	quals: []string{
		"según corresponda", "de conformidad con la legislación nacional", "cuando corresponda",
		"de acuerdo con la legislación interna y las obligaciones internacionales de los Estados",
		"en consonancia con el derecho interno", "conforme a sus respectivos marcos jurídicos",
		"según corresponda y de conformidad con la legislación interna", "tan pronto como sea posible",
	},
	introTails: []string{
		", incluso mediante las siguientes medidas, entre otras:", " mediante:", ", incluyendo:", " y adoptar las siguientes acciones:",
		" para:", ", entre otras, mediante:",
	},
	instSlots: templates(
		"con el apoyo de %", "en coordinación con %", "a través de %", "en colaboración con %",
		"aprovechando la experiencia de %", "con la asistencia técnica de %", "y solicitar a % que apoye estos esfuerzos",
		"en cooperación con %", "con la participación de %",
	),
	convSlots: templates(
		"en consonancia con %", "de conformidad con %", "en el marco de %", "reafirmando nuestro compromiso con %",
		"incluida la plena implementación de %", "según lo establecido en %", "y promover la aplicación efectiva de %",
		"teniendo en cuenta los compromisos de %",
	),
	themeSlots: templates(
		"con especial atención a %", "en el ámbito de %", "incluso en materia de %", "con énfasis en %", "en relación con %",
	),
	refSlots: templates(
		"sobre la base de los compromisos asumidos en %", "según lo acordado en %", "en seguimiento de %", "recordando %",
	),
	and: " y ",
}}
