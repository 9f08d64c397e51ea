package graph

// SignatureLen is the length of a mandate's MinHash signature
// (Vector.Signature).
const SignatureLen = 64

// SimilarityThreshold is the smallest estimated Jaccard similarity of two
// mandates' word sets for them to be linked as SIMILAR.
var SimilarityThreshold = 0.45

// SignatureSimilarity estimates the Jaccard similarity of two sets from
// their MinHash signatures: the share of positions where they agree.
func SignatureSimilarity(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}
