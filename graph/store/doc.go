/*
Package store is summitgraph's Badger store: a database that holds the
mandate graph (the nodes and edges of package graph) with the indexes the
queries need. It is the only package that imports Badger, ristretto and
CBOR; what it stores and returns are package graph's types.

# Model

Nodes are summits, summit documents, mandates (and the lettered or indented
items under them), and entities: conventions, institutions and themes.
Edges are directed and typed (ISSUED_AT, FROM, PART_OF, MENTIONS,
REFERENCES, the links between mandates QUOTES, TRANSLATION, RENEWS and
RELATED, and the catalog relations such as MONITORS); every
edge has a reverse index entry so it can be walked both ways. MENTIONS and
REFERENCES edges carry their evidence: the surface text, its code-point
offsets in the mandate text, the method that found it and a confidence.

# Files

	store.go     Open, Options (Badger's settings), Close, NeedsCompaction, Compact
	apply.go     Apply: the loop that takes back a file's earlier version and
	             writes the new one; mandates, edges, documents, collection
	writer.go    the writer of one write transaction; counters flushed at commit
	keys.go      key builders, places in the listing order, counter names
	codec.go     CBOR encoding of records
	entities.go  entities and their aliases
	vectors.go   index vectors (v|)
	postings.go  the text index in posting groups, term counts, the s|format check
	links.go     finding the links between mandates when a file is applied
	links_index.go  the in-memory index of link candidates
	catalog.go   LoadCatalog: summits, catalog entities, relations
	curate.go    curation: aliases, merges, rejections, the audit log
	read.go      nodes, edges, mandate listings and their counts, statistics
	query.go     entities, mentions, related entities, resolve, search
	trace.go     an entity's trace across summits
	walk.go      neighbourhood and shortest path
	cache.go     the cache of decoded nodes
	backup.go    Backup and Restore

# Writes

A source file is the unit of change. [Store.Apply] writes one file's
mandates, their edges and their index entries in one Badger transaction, so
a file is in the store entirely or not at all, also when the process dies
mid-way. Applying a file whose content hash is already recorded changes
nothing; applying a changed file first removes what the previous version
wrote (its mandates unless another file also carries them, their edges in
both directions, their postings, and documents or discovered
entities left with nothing pointing at them).

# Key layout

All keys are byte strings of the form family|part|part..., with "|" as the
separator; ids never contain "|" ([graph.ValidID]). Numbers inside keys are
zero-padded so that byte order is numeric order. Values are CBOR (RFC 8949)
with integer field keys unless said otherwise.

	n|<id>                          node record: one tag byte (S, D, M, E) + CBOR
	e|<from>|<type>|<to>            edge properties: weight, evidence
	r|<to>|<type>|<from>            reverse edge (empty value)
	k|<kind>|<sort>|<id>            kind index; value: one flag byte for mandates
	m|doc=<document>|<sort>|<id>    mandates of a document, in listing order
	m|ent=<entity>|<sort>|<id>      mandates mentioning an entity, in listing order
	a|<normalized alias>|<id>       alias index (names, acronyms, aliases)
	t|<term>|<best>|<group>         a block of the text index: the postings
	                                of one term in one group, best impact
	                                first; <best> is 0xffff minus the best
	                                impact, 4 hex digits, so that a term's
	                                blocks list best first. Value: per
	                                posting, uvarint id length, id, uvarint
	                                term frequency, uvarint document length
	g|<group>                       a posting group's directory: its terms
	                                and their best impacts (CBOR)
	v|<id>                          a mandate's or entity's index vector: its
	                                terms, MinHash signature and posting
	                                group (to unindex it, and to build the
	                                similarity index)
	l|<id>                          (stores written before 2026-12-03) a
	                                mandate's link features; no longer
	                                written, deleted with the mandate
	y|<id>                          the ids of a mandate's best RENEWS or
	                                RELATED partners (CBOR list); y|~pending
	                                while a deferred ingest's partners are
	                                unchosen (links_defer.go)
	f|<file>                        file manifest: content hash, mandates,
	                                documents and discovered entities it wrote
	s|<name>                        counters (8-byte big-endian; absent when
	                                zero), catalog version and the layout
	                                (s|format)
	c|alias|<entity>|<normalized>   an alias added by hand (curate.go)
	c|merge|<from>                  from was merged into another entity
	c|reject|<mandate>|<entity>     a mention rejected by hand
	u|<time, 20 digits>|<seq>       the audit log, oldest first

A posting group is the mandates whose first source file (in name order) is
the same file, "file:" and 16 hex digits of the name's SHA-256; an entity is
a group of its own. A file brings about two thousand postings but four
hundred distinct terms: a block a term and file is a fifth of the keys that
a key a posting took, and Badger's memtable inserts were most of the time an
ingest spent writing. A search reads a term's blocks best first until it has
the postings it needs. Stores written before groups (no s|format) are
regrouped when opened for writing.

The sort part of the kind index is the summit's first day for summits, the
summit's first day and the title for documents, the normalized name for
entities, and for mandates the listing order "oldest summit first, then
source order":

	<summit first day>|<summit id>|<file>|<seq, 6 digits>

with "9999-99-99|~" in place of the summit for unattributed mandates, so
that they list last. Filtering mandates by summit or by year is a range of
that order; by document or by entity, a range of the m| index. The mandate
flag byte has bit 0 set for top-level mandates.

# Links between mandates

QUOTES, TRANSLATION, RENEWS and RELATED edges are found when a file is
applied, and carry a score (weight) and a note saying what matched. The
link index (links_index.go) lives in memory, built by the first write
that needs it from the mandate nodes, their MENTIONS edges, their vectors
(v|) and y| (links_load.go): the link features of every mandate, an inverted
index of their keys (entity ids, numbers, word roots), the document
paragraphs and compiled mandates of each summit and language, and the
paragraphs of each document copy. QUOTES compares a compiled mandate with
the paragraphs of its summit in its language (a longest common
subsequence of words); TRANSLATION aligns, in order, the paragraphs of two
copies of the same summit's document of the same kind in two languages;
RENEWS and RELATED compare mandates of different summits that share at
least two selective keys (held by at most 64 mandates), and each mandate
keeps its six best partners (y|); a pair is linked when either keeps the
other. Each rule compares two mandates and nothing else, so the links are
the same whatever the order the files came in. An ingest of many files
chooses RENEWS and RELATED partners once, after its last file
(DeferLinks, FinishLinks), rather than after each.

# Reads

Every read runs in a read-only transaction. Values read inside a
transaction are decoded (copied) before it ends. Queries walk prefixes, so
their cost grows with the size of the answer, not of the store.

# Compaction

Badger keeps its tables in levels: level 0 holds tables that overlap one
another, each level below it is one sorted run, and a read seeks in every
level-0 table and every level. An ingest of many files opens the store with
[Options.Bulk] (level 0 may grow to 32 tables before Badger compacts it).
Every ingest ends by asking [Store.NeedsCompaction] whether a tenth or more
of the table bytes sit above the last level, and if so closes the store
and runs [Compact], which rewrites every table into the last level. The
tenth counts everything written since the last compaction, so a small
ingest into a large store usually skips it, and the one that crosses the
line rewrites the store. Uncompressed tables are read in place from their
memory mappings, so there is no block cache.

# Caveats

Badger holds a lock on its directory: one process at a time may open a
store. A Badger transaction has a size limit (a fraction of the memtable
size); a single file of several thousand mandates exceeds it and is refused
with ETOOLARGE rather than written in pieces.
*/
package store
