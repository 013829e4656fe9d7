package ner

import "fmt"

// TrainFromFiles is what `marsad train ner` runs: it reads the tagged
// corpus at trainPath (ANERcorp's CAMeL training split), learns two
// clusterings of words from the SaudiNewsNet zips in clusterDir (none when
// clusterDir is empty): LearnClusters by immediate neighbours and
// VectorClusters by skip-gram vectors, and trains with cfg, Clusters and
// VectorClusters filled in. The shipped model is
// TrainFromFiles(train, saudinewsnet, Config{MinCount: DefaultMinCount}).
func TrainFromFiles(trainPath, clusterDir string, cfg Config) (*Model, error) {
	sents, err := ReadCoNLL(trainPath)
	if err != nil {
		return nil, err
	}
	if clusterDir != "" {
		texts, err := ReadSaudiNewsNet(clusterDir)
		if err != nil {
			return nil, fmt.Errorf("train NER: %w", err)
		}
		cfg.Clusters = LearnClusters(texts, ClusterConfig{})
		cfg.VectorClusters = VectorClusters(texts, VectorConfig{})
		cfg.Profiles = LearnProfiles(NewsSentences(texts))
	}
	m, err := Train(sents, cfg)
	if err != nil {
		return nil, fmt.Errorf("train NER on %s: %w", trainPath, err)
	}
	return m, nil
}
