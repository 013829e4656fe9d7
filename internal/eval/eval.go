// Package eval scores marsad's cleaning stage on labelled data written or
// generated from others' text: plain-text pages built by package pages
// from SaudiNewsNet, and the HTML pages of Scrapinghub's
// article-extraction benchmark with its own metric re-implemented.
//
// It owns the metrics and the reports `marsad eval clean` prints. It reads
// data from a directory it is given and never writes anywhere; the
// cleaners it scores are passed in as functions, so any version of the
// cleaner (or a peer library) can be scored the same way.
package eval

// ratio is a/b, or 0 when b is 0: an empty denominator scores nothing
// rather than dividing by zero.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// f1 is the harmonic mean of p and r, 0 when both are.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
