package pages

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// goldFile is a page's gold as WriteDir writes it beside the page.
type goldFile struct {
	Page      string        `json:"page"`
	Template  string        `json:"template"`
	Source    string        `json:"source,omitempty"`
	Published string        `json:"published,omitempty"`
	Articles  []GoldArticle `json:"articles"`
	// Lines gives every non-blank page line with its kind, so a reader
	// can see what each line was meant to be.
	Lines []Line `json:"lines"`
}

// WriteDir writes each page to dir as <id>.txt (the page as a scraper
// copied it) and <id>.gold.json (its articles and every line's kind), and
// an index.tsv listing pages, templates and article counts, so a person
// can read the set. dir is created if needed. The files hold SaudiNewsNet
// text: keep them out of the repository.
func WriteDir(dir string, pages []Page) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write pages: %w", err)
	}
	var index strings.Builder
	index.WriteString("page\ttemplate\tarticles\ttitle\tsource\tpublished\n")
	for _, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, p.ID+".txt"), []byte(p.Text), 0o644); err != nil {
			return fmt.Errorf("write page %s: %w", p.ID, err)
		}
		g := goldFile{Page: p.ID, Template: p.Template, Source: p.Source, Published: p.Published, Articles: p.Gold, Lines: p.Lines}
		data, err := json.MarshalIndent(g, "", "  ")
		if err != nil {
			return fmt.Errorf("encode gold %s: %w", p.ID, err)
		}
		if err := os.WriteFile(filepath.Join(dir, p.ID+".gold.json"), append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("write gold %s: %w", p.ID, err)
		}
		title := ""
		if len(p.Gold) > 0 {
			title = p.Gold[0].Title
		}
		fmt.Fprintf(&index, "%s\t%s\t%d\t%s\t%s\t%s\n", p.ID, p.Template, len(p.Gold), title, p.Source, p.Published)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.tsv"), []byte(index.String()), 0o644); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}
