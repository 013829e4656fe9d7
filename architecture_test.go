package marsad

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportDirection keeps imports pointing down: commands → pipeline →
// stages → Arabic core → core types, with storage and input reading beside
// the stages, never under them.
func TestImportDirection(t *testing.T) {
	const mod = "github.com/marsad/marsad/"
	allowed := map[string][]string{
		"news":                  {},
		"internal/arabic":       {},
		"internal/timex":        {"internal/arabic"},
		"internal/source":       {"news"},
		"internal/store":        {"news"},
		"internal/search":       {"news", "internal/arabic"},
		"internal/clean":        {"news", "internal/arabic", "internal/timex"},
		"internal/entities":     {"news", "internal/arabic"},
		"internal/ner":          {"news", "internal/arabic"},
		"internal/extract":      {"news", "internal/arabic", "internal/timex"},
		"internal/stories":      {"news", "internal/arabic"},
		"internal/pipeline":     {"news", "internal/arabic", "internal/timex", "internal/clean", "internal/entities", "internal/extract", "internal/stories", "internal/ner"},
		"internal/api":          {"news", "internal/arabic", "internal/store", "internal/search"},
		"internal/web":          {"news", "internal/arabic", "internal/store", "internal/search", "internal/stories"},
		"internal/eval/snn":     {},
		"internal/eval/pages":   {"internal/eval/snn"},
		"internal/eval":         {"news", "internal/arabic", "internal/timex", "internal/clean", "internal/eval/pages", "internal/eval/snn"},
		"internal/eval/extract": {"news", "internal/arabic", "internal/eval/snn"},
		"internal/eval/cluster": {"news", "internal/arabic", "internal/eval/snn"},
		"internal/eval/resolve": {"news"},
	}
	// Every package must say where it stands: a new one missing here fails.
	all, err := exec.Command("go", "list", "./...").Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	for _, p := range strings.Fields(string(all)) {
		rel := strings.TrimPrefix(p, mod)
		if p == strings.TrimSuffix(mod, "/") || strings.HasPrefix(rel, "cmd/") {
			continue
		}
		if _, ok := allowed[rel]; !ok {
			t.Errorf("package %s is not in TestImportDirection's table: add it with the packages it may import", rel)
		}
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
