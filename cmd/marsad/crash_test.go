package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// synthetic writes n distinct articles as JSONL, each a few sentences of
// real news wording with its own number, so every one is new content.
func synthetic(t *testing.T, dir string, n int) string {
	t.Helper()
	sentences := []string{
		"أعلنت وزارة الصحة تسجيل %d إصابة جديدة في مختلف مناطق المملكة خلال الساعات الماضية.",
		"وقال المتحدث باسم الوزارة إن الفرق الميدانية تواصل عملها في المدينة رقم %d منذ الصباح.",
		"وأضاف أن أكثر من %d شخص تلقوا العلاج في المستشفيات الحكومية حتى الآن.",
		"وأشار التقرير إلى أن الخطة تشمل %d مشروعا في قطاعات التعليم والنقل والطاقة.",
	}
	p := filepath.Join(dir, "stream.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := 0; i < n; i++ {
		var body []string
		for j, s := range sentences {
			body = append(body, fmt.Sprintf(s, i*7+j))
		}
		rec := map[string]string{
			"title":     fmt.Sprintf("تقرير رقم %d عن الخدمات", i),
			"text":      strings.Join(body, "\n"),
			"source":    "اختبار",
			"published": time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).Format("2006-01-02T15:04:05"),
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// TestIngestSurvivesSIGKILL kills an ingest mid-run with SIGKILL, then runs
// it again: every article reported stored before the kill must be there,
// and after the second run each article is stored exactly once.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	const n = 3000
	dir := t.TempDir()
	input := synthetic(t, dir, n)
	db := filepath.Join(dir, "m.db")

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--db", db, "--log-level", "debug", "--log-format", "json", "ingest", "--batch", "25", input)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reported := 0
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		var ev struct {
			Msg    string `json:"msg"`
			Stored int    `json:"stored"`
		}
		if json.Unmarshal(sc.Bytes(), &ev) == nil && ev.Msg == "committed" {
			reported = ev.Stored
			if reported >= n/4 {
				break
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill ingest: %v", err)
	}
	_ = cmd.Wait()
	if reported == 0 || reported >= n {
		t.Fatalf("ingest reported %d stored before the kill; want a run killed midway", reported)
	}

	if got := countArticles(t, db); got < reported {
		t.Fatalf("after SIGKILL the store holds %d articles, but %d were reported stored", got, reported)
	}
	if r := run(t, db, "ingest", input); r.code != 0 {
		t.Fatalf("ingest after the kill: exit %d: %s", r.code, r.stderr)
	}
	if got := countArticles(t, db); got != n {
		t.Errorf("after the second run the store holds %d articles, want %d (each once)", got, n)
	}
	if got := countSightings(t, db); got != n {
		t.Errorf("after the second run the store holds %d sightings, want %d (none twice)", got, n)
	}
}

func countArticles(t *testing.T, db string) int { return count(t, db, "SELECT COUNT(*) FROM articles") }

func countSightings(t *testing.T, db string) int {
	return count(t, db, "SELECT COUNT(*) FROM sightings")
}

func count(t *testing.T, db, q string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
