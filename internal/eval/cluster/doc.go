// Package cluster scores clusterings of news articles into events and
// stories against a hand-labelled gold set drawn from SaudiNewsNet, and
// proposes candidate groups to speed up labelling.
//
// It owns the metrics (BCubed, pairwise and the best-match clustering F1),
// the gold file format (see testdata/GUIDELINES.md), reading the gold
// articles' text from the SaudiNewsNet day archives, the split of the gold
// days into a tuning part and a held-out part, the baselines a clusterer
// is compared with (every article alone; TF-IDF with average-linkage
// agglomerative clustering, its cut tuned on the tuning part only), a
// cache of the articles' entity mentions between runs, and the labelling
// helper. It must not decide anything a person labels: Candidates only
// proposes groups to read. It never writes to the data directory, and the
// gold file holds keys into the data, never article text (the data's
// licence forbids redistributing it). It does not import the clusterer it
// scores: the command runs it and hands the labels over.
package cluster
