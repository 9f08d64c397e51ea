package store

import (
	"summitgraph/graph"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
)

// nodeCache keeps recently read nodes, decoded: a trace of 250 mandates
// asked for again and again then costs no store reads. Nodes are never
// changed in place, so they can be shared. Every write empties the cache
// and starts a new generation; a read that began in an older generation
// does not fill it, so that it never holds what a write replaced.
type nodeCache struct {
	mu  sync.Mutex
	gen uint64
	c   *lru.Cache[string, graph.Node]
}

// defaultCacheNodes bounds the cache: about 2 KiB a mandate, so some 40
// MiB at most.
const defaultCacheNodes = 20000

func newNodeCache(size int) *nodeCache {
	if size <= 0 {
		size = defaultCacheNodes
	}
	c, err := lru.New[string, graph.Node](size)
	if err != nil {
		panic(err)
	}
	return &nodeCache{c: c}
}

// generation is the current generation, to pass to put.
func (nc *nodeCache) generation() uint64 {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	return nc.gen
}

func (nc *nodeCache) get(id string) (graph.Node, bool) { return nc.c.Get(id) }

// put caches a node read in generation gen, unless a write came since.
func (nc *nodeCache) put(gen uint64, n graph.Node) {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	if gen == nc.gen {
		nc.c.Add(n.NodeID(), n)
	}
}

// invalidate empties the cache after a write.
func (nc *nodeCache) invalidate() {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	nc.gen++
	nc.c.Purge()
}
