// Package cluster scores clusterings of news articles into events and
// stories against a hand-labelled gold set drawn from SaudiNewsNet, and
// proposes candidate groups to speed up labelling.
//
// It owns the metrics (BCubed, pairwise and the best-match clustering F1),
// the gold file format (see testdata/GUIDELINES.md), reading the gold
// articles' text from the SaudiNewsNet day archives, and the labelling
// helper. It must not decide anything a person labels: Candidates only
// proposes groups to read. It never writes to the data directory, and the
// gold file holds keys into the data, never article text (the data's
// licence forbids redistributing it).
package cluster
