// Package prf holds the arithmetic every marsad evaluation shares:
// precision and recall as ratios of counts, and their harmonic mean.
package prf

// Ratio is a/b, or 0 when b is 0: an empty denominator scores nothing
// rather than dividing by zero.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 is the harmonic mean of p and r, 0 when both are.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
