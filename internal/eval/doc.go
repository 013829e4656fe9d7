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
