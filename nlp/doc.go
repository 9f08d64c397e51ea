// Package nlp turns the text of mandate pages into data: pure functions
// from the text it is handed to the graph's types, with no I/O beyond
// reading what it is given (the catalog's files, a page's bytes).
//
//   - The catalog (LoadCatalog): the summits, entities and themes of
//     seeds/, with their names, acronyms and aliases, and the relations
//     between entities; Catalog.Graph is what the store loads.
//   - Parsing (Parse): a compilation page's headings, numbered mandates
//     and their lettered or indented items, page furniture left out, each
//     paragraph's trailing citation resolved to a summit and a summit
//     document (Citation), and warnings with their lines for what could
//     not be established. Input that is not text is an *InputError.
//   - Extraction (Catalog.Extract): the conventions, institutions and
//     themes each paragraph names, with their evidence (catalog names
//     through an Aho-Corasick automaton over normalized text, acronyms the
//     text defines, names the catalog lacks found by their head word with
//     prose's tokens and tags, themes by word stems), and its explicit
//     references to summits and summit documents.
//   - Building (Catalog.Build, Catalog.Process): a page's batch for the
//     store, with stable mandate ids (MandateID) and each mandate's index
//     vector (Vector: terms for search, a MinHash signature for
//     similarity).
//   - Search terms and snippets (Analyzer), stems and stop words in
//     English and Spanish, language detection.
//
// prose's model is loaded once per process and shared. Package
// graph/ingest runs these steps on files and writes the batches.
package nlp
