package graph

// SignatureLen is the length of a mandate's MinHash signature
// (Vector.Signature).
const SignatureLen = 64
