package graph

import (
	"fmt"

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

func encodeNode(n Node) ([]byte, error) {
	var tag byte
	switch n.(type) {
	case *Summit:
		tag = tagSummit
	case *Document:
		tag = tagDocument
	case *Mandate:
		tag = tagMandate
	case *Entity:
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

func decodeNode(b []byte) (Node, error) {
	if len(b) == 0 {
		return nil, Errorf(ECORRUPT, "empty node record")
	}
	var n Node
	switch b[0] {
	case tagSummit:
		n = new(Summit)
	case tagDocument:
		n = new(Document)
	case tagMandate:
		n = new(Mandate)
	case tagEntity:
		n = new(Entity)
	default:
		return nil, Errorf(ECORRUPT, "node record with unknown tag %q", b[0])
	}
	if err := decMode.Unmarshal(b[1:], n); err != nil {
		return nil, Errorf(ECORRUPT, "undecodable node record: %v", err)
	}
	return n, nil
}

func encode(v any) ([]byte, error) { return encMode.Marshal(v) }

func decode(b []byte, v any) error {
	if err := decMode.Unmarshal(b, v); err != nil {
		return Errorf(ECORRUPT, "undecodable record: %v", err)
	}
	return nil
}
