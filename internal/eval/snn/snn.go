// Package snn reads the SaudiNewsNet day archives the evaluations draw
// their real articles from: one zip per crawl day, each holding a JSON
// array of articles. It only reads; the data is never part of marsad.
package snn

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoDays means a directory holds no SaudiNewsNet day archives.
var ErrNoDays = errors.New("no SaudiNewsNet day archives (*.zip)")

// Days lists the day archives ("*.zip") in dir, in name order, which is
// crawl-day order. A directory with none is ErrNoDays.
func Days(dir string) ([]string, error) {
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(zips) == 0 {
		return nil, fmt.Errorf("read %s: %w", dir, ErrNoDays)
	}
	sort.Strings(zips)
	return zips, nil
}

// Record is one SaudiNewsNet article as the day archives hold it.
type Record struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

// ReadDay decodes every JSON member of one day's zip, in stored order: a
// record's index in the result is its index in the archive, which gold
// files use as its key. A missing file's error wraps os.ErrNotExist.
func ReadDay(path string) ([]Record, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer zr.Close()
	var out []Record
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s!%s: %w", path, f.Name, err)
		}
		var recs []Record
		err = json.NewDecoder(rc).Decode(&recs)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("decode %s!%s: %w", path, f.Name, err)
		}
		out = append(out, recs...)
	}
	return out, nil
}
