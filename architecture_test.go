package marsad

import (
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDirection keeps imports pointing down: commands → pipeline →
// stages → Arabic core → core types, with storage and input reading beside
// the stages, never under them.
func TestImportDirection(t *testing.T) {
	const mod = "github.com/marsad/marsad/"
	allowed := map[string][]string{
		"news":                      {},
		"internal/arabic":           {},
		"internal/timex":            {"internal/arabic"},
		"internal/source":           {"news"},
		"internal/store":            {"news", "internal/arabic"},
		"internal/search":           {"news", "internal/arabic"},
		"internal/clean":            {"news", "internal/arabic", "internal/timex"},
		"internal/entities":         {"news", "internal/arabic"},
		"internal/ner":              {"news", "internal/arabic"},
		"internal/extract":          {"news", "internal/arabic", "internal/timex"},
		"internal/stories":          {"news", "internal/arabic"},
		"internal/pipeline":         {"news", "internal/arabic", "internal/timex", "internal/clean", "internal/entities", "internal/extract", "internal/stories", "internal/ner"},
		"internal/api":              {"news", "internal/arabic", "internal/store", "internal/search", "internal/stories"},
		"internal/web":              {"news", "internal/arabic", "internal/store", "internal/search", "internal/stories"},
		"internal/eval/snn":         {},
		"internal/eval/prf":         {},
		"internal/eval/pages":       {"internal/eval/snn"},
		"internal/eval":             {"news", "internal/arabic", "internal/timex", "internal/clean", "internal/eval/pages", "internal/eval/snn", "internal/eval/prf"},
		"internal/eval/extract":     {"news", "internal/arabic", "internal/timex", "internal/eval/snn", "internal/eval/wojood", "internal/eval/prf"},
		"internal/eval/wojood":      {"internal/arabic", "internal/timex", "internal/eval/prf"},
		"internal/eval/cluster":     {"news", "internal/arabic", "internal/eval/snn", "internal/eval/prf"},
		"internal/eval/copies":      {"news", "internal/arabic", "internal/eval/cluster", "internal/eval/snn"},
		"internal/eval/resolve":     {"news"},
		"internal/eval/searchbench": {},
	}
	// Every package must say where it stands: a new one missing here fails.
	// The packages are found by walking the tree, not by `go list`, so that
	// the test cache sees the directories and a new package reruns the test.
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "cmd") {
			return filepath.SkipDir
		}
		gos, _ := filepath.Glob(filepath.Join(path, "*.go"))
		if path == "." || len(gos) == 0 {
			return nil
		}
		if _, ok := allowed[filepath.ToSlash(path)]; !ok {
			t.Errorf("package %s is not in TestImportDirection's table: add it with the packages it may import", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, ok := range allowed {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./"+pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps ./%s: %v", pkg, err)
		}
		okSet := map[string]bool{pkg: true}
		for _, o := range ok {
			okSet[o] = true
		}
		for _, dep := range strings.Fields(string(out)) {
			if !strings.HasPrefix(dep, mod) {
				continue
			}
			if d := strings.TrimPrefix(dep, mod); !okSet[d] {
				t.Errorf("%s imports %s: imports must point down (see docs/ARCHITECTURE.md)", pkg, d)
			}
		}
	}
}
