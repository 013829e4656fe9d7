package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive Debian's Chromium through chromedp against the
// real binary: `marsad demo` for the pages an analyst reads, and `marsad
// serve` over a store holding a hostile page. Screenshots of every page at
// desktop and phone width are written to $MARSAD_SCREENSHOTS (default:
// marsad-screenshots under the system temp dir) for a person to look at.

// installHint is what a machine without Chromium is told.
const installHint = "browser tests need Chromium: apt-get install chromium fonts-noto-core (or set MARSAD_CHROMIUM to a Chrome binary)"

// chromiumPath finds the browser, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("MARSAD_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip(installHint)
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile, closed when the
// test ends. The flags keep it off the network: this machine's closed
// network refuses its background connections.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelCtx := chromedp.NewContext(actx)
	// The first Run starts the browser, which lives as long as that call's
	// context: the time limit goes on a context derived after it.
	if err := chromedp.Do(bctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Skipf("%s: Chromium did not start: %v", installHint, err)
	}
	ctx, cancelTimeout := context.WithTimeout(bctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// startServer runs marsad with args until the test ends and returns the
// base URL it prints ("... http://HOST:PORT/ ...").
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// SIGTERM, not a kill: the demo removes its temporary store on
		// the way out.
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	})
	urlRE := regexp.MustCompile(`http://[^\s/]+`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		sent := false
		for sc.Scan() { // keep draining so the server never blocks on stdout
			if u := urlRE.FindString(sc.Text()); u != "" && !sent {
				found <- u
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case u, ok := <-found:
		if !ok {
			t.Fatalf("marsad %v exited without printing a URL", args)
		}
		return u
	case <-time.After(2 * time.Minute):
		t.Fatalf("marsad %v printed no URL in 2 minutes", args)
	}
	return ""
}

// screenshotDir is where the screenshots go; never inside the repository.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MARSAD_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "marsad-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// viewports are the widths every page is shot and checked at.
var viewports = []struct {
	name          string
	width, height int64
	mobile        bool
}{
	{"desktop", 1280, 900, false},
	{"phone", 390, 844, true},
}

// shoot saves a full-page screenshot of the current page at each viewport
// and checks that at phone width nothing makes the page scroll sideways.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := screenshotDir(t)
	for _, vp := range viewports {
		emulate := chromedp.EmulateViewport(vp.width, vp.height)
		if vp.mobile {
			emulate = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile)
		}
		err := chromedp.Do(ctx, emulate, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)(ctx, tg)
			return err
		}))
		if err != nil {
			t.Fatalf("viewport %s for %s: %v", vp.name, name, err)
		}
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
		if err != nil {
			t.Fatalf("screenshot %s at %s: %v", name, vp.name, err)
		}
		if overflow {
			t.Errorf("%s scrolls sideways at %s width (%d px)", name, vp.name, vp.width)
		}
		path := filepath.Join(dir, name+"-"+vp.name+".png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", path)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
		t.Fatal(err)
	}
}

// jsEval evaluates a JavaScript expression on the current page.
func jsEval[T any](t *testing.T, ctx context.Context, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// do runs steps on the page or stops the test, saying what failed.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text is the rendered text of the first element matching sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// hrefs lists the href attributes of the elements matching sel.
func hrefs(t *testing.T, ctx context.Context, sel string) []string {
	t.Helper()
	return jsEval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(a => a.getAttribute("href"))`, sel))
}

// TestBrowserDemo opens the demo's home, story, article, entity and search
// pages in Chromium as an analyst would, following links and typing into
// the search box.
func TestBrowserDemo(t *testing.T) {
	ctx := newBrowser(t)
	base := startServer(t, "demo", "--serve", "127.0.0.1:0")

	// Home: Arabic, right to left, the bundled web font in use, the story
	// listed.
	do(t, ctx, "open home", chromedp.Navigate(base+"/"))
	if lang, dir := jsEval[string](t, ctx, `document.documentElement.lang`), jsEval[string](t, ctx, `document.documentElement.dir`); lang != "ar" || dir != "rtl" {
		t.Errorf("home: lang=%q dir=%q, want ar rtl", lang, dir)
	}
	font := jsEval[string](t, ctx, `getComputedStyle(document.body).fontFamily`)
	loaded := jsEval[bool](t, ctx, `document.fonts.ready.then(() => document.fonts.check("16px 'Noto Naskh Arabic'", "بوتين"))`, chromedp.EvalAwaitPromise)
	if !strings.Contains(font, "Noto Naskh Arabic") || !loaded {
		t.Errorf("home: font-family %q, loaded %v; want the bundled Noto Naskh Arabic", font, loaded)
	}
	if home := text(t, ctx, "main"); !strings.Contains(home, "كوريا الشمالية") {
		t.Errorf("home does not list the seeds' story:\n%s", home)
	}
	shoot(t, ctx, "home")

	// Keyboard: the first Tab reaches the skip link.
	do(t, ctx, "press Tab", chromedp.KeyEvent(kb.Tab))
	if focused := jsEval[string](t, ctx, `document.activeElement.className`); focused != "skip" {
		t.Errorf("first Tab focuses %q, want the skip link", focused)
	}

	// Story: follow the first story link.
	if len(hrefs(t, ctx, `main a[href^="/stories/"]`)) == 0 {
		t.Fatal("home links to no story")
	}
	do(t, ctx, "open the story", chromedp.Click(chromedp.CSS(`main a[href^="/stories/"]`)), chromedp.WaitVisible(chromedp.CSS("#claims")))
	disagreements := jsEval[int](t, ctx, `document.querySelectorAll("tbody.claim.disagree").length`)
	var troops string
	for _, c := range jsEval[[]string](t, ctx, `[...document.querySelectorAll("tbody.claim.disagree")].map(b => b.innerText)`) {
		if strings.Contains(c, "جندي") {
			troops = c
		}
	}
	if disagreements == 0 || troops == "" || !strings.Contains(troops, "تعارض") {
		t.Errorf("story claims: %d disagreements, none on troops (جندي) marked ⚠ تعارض", disagreements)
	}
	for _, outlet := range []string{"الجزيرة", "العربية"} {
		if !strings.Contains(troops, outlet) {
			t.Errorf("troop-count claim does not show %s's figure:\n%s", outlet, troops)
		}
	}
	articles := unique(hrefs(t, ctx, `#timeline a[href^="/articles/"]`))
	if len(articles) < 6 {
		t.Errorf("story timeline links %d articles, want the seeds' 6: %v", len(articles), articles)
	}
	shoot(t, ctx, "story")

	// Article: Al Jazeera's, with its furniture kept aside and people linked.
	const aljazeera = "/articles/8df9b9ab80dca8f2"
	if !slices.Contains(articles, aljazeera) {
		t.Fatalf("story does not link Al Jazeera's article %s: %v", aljazeera, articles)
	}
	do(t, ctx, "open the article", chromedp.Navigate(base+aljazeera))
	if h := text(t, ctx, "h1"); !strings.Contains(h, "كوريا الشمالية وروسيا متورطتان") {
		t.Errorf("article title %q", h)
	}
	if body := jsEval[string](t, ctx, `document.querySelector("main article, main").innerText`); !strings.Contains(body, "كورسك") {
		t.Errorf("article text lacks كورسك:\n%s", body)
	}
	if n := jsEval[int](t, ctx, `document.querySelectorAll("details.removed li, details.removed p").length`); n == 0 {
		t.Error("the article's removed furniture is not viewable")
	}
	people := unique(hrefs(t, ctx, `main a[href^="/entities/per-"]`))
	if len(people) == 0 {
		t.Fatal("article links to no person")
	}
	shoot(t, ctx, "article")

	// Entity: Putin, with every spelling the outlets used.
	putin := ""
	for _, e := range people {
		do(t, ctx, "open "+e, chromedp.Navigate(base+e))
		if strings.Contains(text(t, ctx, "h1"), "بوتين") {
			putin = e
			break
		}
	}
	if putin == "" {
		t.Fatalf("no person linked from the article is Putin: %v", people)
	}
	page := text(t, ctx, "main")
	for _, v := range []string{"فلاديمير بوتين", "بوتن", "لاي ديمر بوتين"} {
		if !strings.Contains(page, v) {
			t.Errorf("Putin's page lacks the spelling %q", v)
		}
	}
	shoot(t, ctx, "entity")

	// Search: type a rare spelling into the search box; every article
	// naming Putin is found, including those that never write it so.
	do(t, ctx, "search",
		chromedp.SendKeys(chromedp.CSS("#q"), `entity:"بوتن"`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`main h2 a[href^="/articles/"]`)),
	)
	hits := unique(hrefs(t, ctx, `main h2 a[href^="/articles/"]`))
	// Every hit can be opened: an untitled article still gets link text.
	if empty := jsEval[int](t, ctx, `[...document.querySelectorAll("main h2 a")].filter(a => a.innerText.trim() === "").length`); empty != 0 {
		t.Errorf("%d search hits have a link with no text to click", empty)
	}
	otherSpelling := 0
	for _, h := range hits {
		if !strings.Contains(articleText(t, base, h), "بوتن") {
			otherSpelling++
		}
	}
	if len(hits) != 6 || otherSpelling == 0 {
		t.Errorf(`search entity:"بوتن": %d articles (%d never spelling it so), want all 6 seeds' articles: %v`, len(hits), otherSpelling, hits)
	}
	shoot(t, ctx, "search")
}

// TestBrowserHostileArticle serves a store holding a page whose text is
// made of markup, script and bidi overrides, and checks in Chromium that
// none of it runs or takes effect: it reads as text.
func TestBrowserHostileArticle(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "hostile.txt")
	hostile := "عنوان <b>عريض</b> خبيث\n\n" +
		"قال المتحدث إن <script>window.pwned = 1</script> الوضع هادئ في المدينة اليوم بعد أيام من التوتر الشديد.\n\n" +
		"وأضاف <img src=x onerror=\"window.pwned = 2\"> أن السلطات \u202Eمعكوس\u202C تتابع الأمر عن كثب مع الجهات المعنية.\n"
	if err := os.WriteFile(page, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "m.db")
	if r := run(t, db, "ingest", page); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	base := startServer(t, "--db", db, "serve", "--addr", "127.0.0.1:0")
	var list struct {
		Items []struct{ ID string } `json:"items"`
	}
	getJSON(t, base+"/api/articles", &list)
	if len(list.Items) != 1 {
		t.Fatalf("stored %d articles, want 1", len(list.Items))
	}
	// The pause gives an onerror time to fire, were the img live.
	do(t, ctx, "open the article", chromedp.Navigate(base+"/articles/"+list.Items[0].ID), chromedp.Sleep(300*time.Millisecond))
	pwned := jsEval[bool](t, ctx, `window.pwned !== undefined`)
	live := jsEval[int](t, ctx, `document.querySelectorAll("main script, main img, main b").length`)
	if pwned || live != 0 {
		t.Errorf("hostile text is live: pwned=%v, %d script/img/b elements in main", pwned, live)
	}
	body := text(t, ctx, "main")
	for _, w := range []string{"<script>window.pwned = 1</script>", "<img src=x"} {
		if !strings.Contains(body, w) {
			t.Errorf("the page does not show %q as text", w)
		}
	}
	if strings.ContainsRune(body, '\u202E') {
		t.Error("a right-to-left override character reaches the page live")
	}
	shoot(t, ctx, "hostile")
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

// articleText reads an article's clean text over the API, given its UI
// path (/articles/ID).
func articleText(t *testing.T, base, path string) string {
	t.Helper()
	var a struct{ Text string }
	getJSON(t, base+"/api/articles/"+url.PathEscape(strings.TrimPrefix(path, "/articles/")), &a)
	return a.Text
}

func unique(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
