package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strconv"
	"strings"

	"github.com/marsad/marsad/news"
)

// pageNames are the templates beside layout.html, one file per page.
var pageNames = []string{"home", "story", "article", "entity", "search", "error"}

// parseTemplates parses layout.html with each page's file into one template
// set per page, all at once, so a broken template stops start-up.
func parseTemplates(files fs.FS) (map[string]*template.Template, error) {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// funcs are the helpers templates may call. They format; they never fetch.
var funcs = template.FuncMap{
	"day":       day,
	"when":      when,
	"typeName":  typeName,
	"typeClass": typeClass,
	"qualifier": qualifierName,
	"num":       num,
	"plural":    plural,
	"plain":     plain,
	"webURL":    webURL,
	// safe admits the search index's snippets and highlighted titles,
	// which it builds from HTML-escaped text with only <mark> added.
	"safe": func(s string) template.HTML { return template.HTML(s) },
}

// day shows the date part of an ISO timestamp, or the value as written.
func day(s string) string {
	if t, ok := news.ParseISO(s); ok && len(s) >= len("2006-01-02") {
		return t.Format("2006-01-02")
	}
	return s
}

// when shows an ISO timestamp as date and, when it has one, time of day
// (as the outlet wrote it, in its own zone).
func when(s string) string {
	t, ok := news.ParseISO(s)
	if !ok {
		return s
	}
	if len(s) > len("2006-01-02") {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02")
}

// typeName is an entity type in Arabic.
func typeName(t string) string {
	switch t {
	case news.PER:
		return "شخص"
	case news.LOC:
		return "مكان"
	case news.ORG:
		return "منظمة"
	case news.MISC:
		return "أخرى"
	}
	return t
}

// typeClass is an entity type as a CSS class (per, loc, org, misc).
func typeClass(t string) string {
	switch t {
	case news.PER, news.LOC, news.ORG, news.MISC:
		return strings.ToLower(t)
	}
	return "misc"
}

// qualifierName is a quantity's hedge in Arabic.
func qualifierName(q string) string {
	switch q {
	case news.Exact, "":
		return "بالضبط"
	case news.About:
		return "نحو"
	case news.MoreThan:
		return "أكثر من"
	case news.AtLeast:
		return "على الأقل"
	case news.LessThan:
		return "أقل من"
	case news.AtMost:
		return "على الأكثر"
	case news.Additional:
		return "إضافي"
	case news.Range:
		return "نطاق"
	}
	return q
}

// num prints a figure without a needless fraction.
func num(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// plural chooses the Arabic count phrase: one, two, few (3–10) or many.
func plural(n int, one, two, few, many string) string {
	switch {
	case n == 1:
		return one
	case n == 2:
		return two
	case n%100 >= 3 && n%100 <= 10:
		return strconv.Itoa(n) + " " + few
	}
	return strconv.Itoa(n) + " " + many
}

// searchURL is the search page for q, from the given hit onwards.
func searchURL(q string, from int) string {
	v := url.Values{"q": {q}}
	if from > 0 {
		v.Set("from", strconv.Itoa(from))
	}
	return "/search?" + v.Encode()
}
