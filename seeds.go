// Package marsad bundles the demo corpus: the five raw pages the project
// was created from, as a scraper copied them.
package marsad

import "embed"

// Seeds holds the demo pages under testdata/seeds/.
//
//go:embed testdata/seeds/*.txt
var Seeds embed.FS
