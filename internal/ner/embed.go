package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// modelFile is the model marsad ships, trained on all of ANERcorp's CAMeL
// training split with word clusters from SaudiNewsNet (see TrainFromFiles and TestBuildModel).
//
//go:embed model/ner.bin
var modelFile []byte

// Default returns the embedded model, decoded on the first call only. The
// model is immutable, so every caller shares the one instance.
func Default() (*Model, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(modelFile))
	if err != nil {
		return nil, fmt.Errorf("load embedded NER model: %w", err)
	}
	return m, nil
})
