package synth

import (
	"math/bits"
	"math/rand/v2"
)

// rng draws from a PCG stream with integer arithmetic only: the PCG
// algorithm is fixed, and no float rounding (which a compiler may fuse
// differently on another architecture) ever decides a draw, so the same
// seed gives the same corpus on every machine and Go release.
type rng struct{ src *rand.PCG }

func newRNG(seed int64, stream uint64) *rng {
	return &rng{rand.NewPCG(uint64(seed), stream)}
}

// uint64n returns a uniform value in [0, n), n > 0 (Lemire's
// multiply-shift with rejection).
func (r *rng) uint64n(n uint64) uint64 {
	hi, lo := bits.Mul64(r.src.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.src.Uint64(), n)
		}
	}
	return hi
}

// intn returns a uniform int in [0, n); 0 when n <= 1.
func (r *rng) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return int(r.uint64n(uint64(n)))
}

// between returns a uniform int in [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.intn(hi-lo+1)
}

// chance is true with probability perMille/1000.
func (r *rng) chance(perMille int) bool { return r.intn(1000) < perMille }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// cumulative is a discrete distribution as cumulative integer weights.
type cumulative []uint64

func newCumulative(weights []uint64) cumulative {
	c := make(cumulative, len(weights))
	var sum uint64
	for i, w := range weights {
		sum += w
		c[i] = sum
	}
	return c
}

// draw returns an index with probability proportional to its weight.
func (c cumulative) draw(r *rng) int {
	x := r.uint64n(c[len(c)-1])
	lo, hi := 0, len(c)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if c[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
