package store

import (
	"fmt"
	"summitgraph/graph"

	"github.com/fxamacker/cbor/v2"
)

var (
	encMode cbor.EncMode
	decMode cbor.DecMode
)

func init() {
	var err error
	encMode, err = cbor.CoreDetEncOptions().EncMode()
	if err != nil {
		panic(err)
	}
	decMode, err = cbor.DecOptions{MaxArrayElements: 1 << 20, MaxMapPairs: 1 << 20}.DecMode()
	if err != nil {
		panic(err)
	}
}

// Node record tags: the first byte of a node value.
const (
	tagSummit   = 'S'
	tagDocument = 'D'
	tagMandate  = 'M'
	tagEntity   = 'E'
)

func encodeNode(n graph.Node) ([]byte, error) {
	var tag byte
	switch n.(type) {
	case *graph.Summit:
		tag = tagSummit
	case *graph.Document:
		tag = tagDocument
	case *graph.Mandate:
		tag = tagMandate
	case *graph.Entity:
		tag = tagEntity
	default:
		return nil, fmt.Errorf("encode node: unknown type %T", n)
	}
	body, err := encMode.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("encode node %s: %w", n.NodeID(), err)
	}
	out := make([]byte, 0, len(body)+1)
	out = append(out, tag)
	return append(out, body...), nil
}

func decodeNode(b []byte) (graph.Node, error) {
	if len(b) == 0 {
		return nil, graph.Errorf(graph.ECORRUPT, "empty node record")
	}
	var n graph.Node
	switch b[0] {
	case tagSummit:
		n = new(graph.Summit)
	case tagDocument:
		n = new(graph.Document)
	case tagMandate:
		n = new(graph.Mandate)
	case tagEntity:
		n = new(graph.Entity)
	default:
		return nil, graph.Errorf(graph.ECORRUPT, "node record with unknown tag %q", b[0])
	}
	if err := decMode.Unmarshal(b[1:], n); err != nil {
		return nil, graph.Errorf(graph.ECORRUPT, "undecodable node record: %v", err)
	}
	return n, nil
}

func encode(v any) ([]byte, error) { return encMode.Marshal(v) }

func decode(b []byte, v any) error {
	if err := decMode.Unmarshal(b, v); err != nil {
		return graph.Errorf(graph.ECORRUPT, "undecodable record: %v", err)
	}
	return nil
}
