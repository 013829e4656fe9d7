package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad/marsad/news"
)

// records reads articles from JSON: an array of objects, one object (or a
// run of them), or JSON Lines when lines is set or the first line is a
// whole object. The file is streamed: only one record is held at a time.
func (w *walker) records(ctx context.Context, in input, lines bool) error {
	limit := w.limits.MaxFileBytes
	if in.size > limit {
		return in.fail(tooLarge("file", in.size, limit, "--max-file-size"))
	}
	r := in.r
	if in.size < 0 {
		r = &capReader{r: r, left: limit}
	}
	br := bufio.NewReaderSize(r, 64<<10)

	// Find the first JSON byte, counting the lines and bytes passed over so
	// that positions in messages are positions in the file.
	line, offset := 1, int64(0)
	if head, _ := br.Peek(len(bomUTF8)); string(head) == bomUTF8 {
		_, _ = br.Discard(len(bomUTF8))
		offset += int64(len(bomUTF8))
	}
	for {
		c, err := br.ReadByte()
		if errors.Is(err, io.EOF) {
			return &InputError{Path: in.origin, Line: line, Err: errorf(ErrEmpty, "no JSON (empty or only white space)")}
		}
		if err != nil {
			return &InputError{Path: in.origin, Line: line, Err: w.jsonError(err, offset)}
		}
		if !isJSONSpace(c) {
			_ = br.UnreadByte()
			break
		}
		offset++
		if c == '\n' {
			line++
		}
	}

	if lines {
		return w.jsonLines(ctx, in, br, line)
	}
	first, _ := br.Peek(1)
	switch first[0] {
	case '[':
		return w.jsonArray(ctx, in, br, offset)
	case '{':
		// Objects one per line are JSON Lines whatever the file is called;
		// anything else (one object, pretty-printed objects) is read as a
		// run of objects. Deciding on what is buffered keeps the stream
		// unread; a first line longer than the buffer is read as a run of
		// objects, which gives the same records.
		head, _ := br.Peek(br.Size())
		if nl := bytes.IndexByte(head, '\n'); nl >= 0 && json.Valid(head[:nl]) &&
			(len(head) == br.Size() || len(bytes.TrimLeft(head[nl:], " \t\r\n")) > 0) {
			return w.jsonLines(ctx, in, br, line)
		}
		return w.jsonObjects(ctx, in, br, offset)
	}
	return &InputError{Path: in.origin, Line: line, Err: errorf(ErrBadJSON, "expected a JSON array or object, found %q", first[0])}
}

// isJSONSpace is white space as JSON defines it.
func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// maxLine bounds one JSON Lines line. A record's text may be MaxPageBytes,
// and JSON escaping (\u0627 for ا) can triple it; the rest is the other fields.
func (w *walker) maxLine() int64 {
	return min(3*w.limits.MaxPageBytes+(1<<20), w.limits.MaxFileBytes)
}

// jsonArray reads "[{...}, {...}]": element N is "path#N".
func (w *walker) jsonArray(ctx context.Context, in input, r io.Reader, base int64) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return in.fail(w.jsonError(err, base))
	}
	i := 0
	for ; dec.More(); i++ {
		// Only one element is held at a time. A syntax error leaves the
		// decoder lost, so the rest of the file cannot be trusted.
		id := element(in.origin, i)
		obj, valueErr, fatal := decodeObject(dec)
		if fatal != nil {
			return &InputError{Path: id, Err: w.jsonError(fatal, base)}
		}
		if err := w.record(ctx, in, obj, valueErr, id, id, 0); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return &InputError{Path: element(in.origin, i), Err: w.jsonError(err, base)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return in.fail(errorf(ErrBadJSON, "unexpected data after the closing ] at byte %d", base+dec.InputOffset()))
	}
	return nil
}

// jsonObjects reads objects one after another, however they are spread over
// lines: object N is "path#N".
func (w *walker) jsonObjects(ctx context.Context, in input, r io.Reader, base int64) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	for i := 0; ; i++ {
		obj, valueErr, fatal := decodeObject(dec)
		if errors.Is(fatal, io.EOF) {
			return nil
		}
		id := element(in.origin, i)
		if fatal != nil {
			return &InputError{Path: id, Err: w.jsonError(fatal, base)}
		}
		if err := w.record(ctx, in, obj, valueErr, id, id, 0); err != nil {
			return err
		}
	}
}

func element(origin string, i int) string { return fmt.Sprintf("%s#%d", origin, i) }

// jsonLines reads one object per line from r, the first being number line.
// A bad line is reported with its number and reading goes on with the next.
func (w *walker) jsonLines(ctx context.Context, in input, r *bufio.Reader, line int) error {
	maxLine := w.maxLine()
	for ; ; line++ {
		text, tooLong, err := readLine(r, maxLine)
		if err != nil && !errors.Is(err, io.EOF) {
			return &InputError{Path: in.origin, Line: line, Err: w.jsonError(err, -1)}
		}
		if tooLong {
			w.report(&InputError{Path: in.origin, Line: line, Err: tooLarge("line", -1, maxLine, "--max-page-size")})
		} else if text = bytes.Trim(text, " \t\r\n"); len(text) > 0 {
			origin := fmt.Sprintf("%s:%d", in.origin, line)
			obj, valueErr := decodeLine(text)
			if err := w.record(ctx, in, obj, valueErr, origin, in.origin, line); err != nil {
				return err
			}
		}
		if err != nil {
			return nil // io.EOF
		}
	}
}

// readLine returns the next line, newline included. A line over max is
// skipped to its end without being kept, and reported by tooLong.
func readLine(r *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if buf == nil && !tooLong && !errors.Is(err, bufio.ErrBufferFull) && int64(len(chunk)) <= max {
			// The common case: the line fits the buffer and needs no copy;
			// it is used up before the next read.
			return chunk, false, err
		}
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return buf, tooLong, err
		}
	}
}

// jsonError words a failure to read or parse JSON. base is the file
// offset where the decoder started, for syntax errors; -1 if not known.
func (w *walker) jsonError(err error, base int64) error {
	var syntax *json.SyntaxError
	switch {
	case errors.Is(err, errOverLimit):
		return tooLarge("file", -1, w.limits.MaxFileBytes, "--max-file-size")
	case errors.Is(err, ErrArchiveLimit):
		return err
	case errors.As(err, &syntax) && base >= 0:
		return errorf(ErrBadJSON, "bad JSON at byte %d: %v", base+syntax.Offset, syntax)
	case errors.As(err, &syntax):
		return errorf(ErrBadJSON, "bad JSON: %v", syntax)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(ErrBadJSON, "JSON ends in the middle of a value")
	}
	return w.readError(err)
}

// record turns one decoded object into a page. Problems with the record
// are reported (at errPath and line) and the caller goes on; only a halt
// is returned.
func (w *walker) record(ctx context.Context, in input, obj *object, decodeErr error, origin, errPath string, line int) error {
	var rec *news.Record
	err := decodeErr
	if err == nil {
		rec, err = obj.record()
	}
	if err == nil {
		switch {
		case strings.TrimSpace(rec.Title) == "" && strings.TrimSpace(rec.Text) == "":
			err = errorf(ErrEmpty, "record has neither title nor text")
		case int64(len(rec.Text)) > w.limits.MaxPageBytes:
			err = tooLarge("record text", int64(len(rec.Text)), w.limits.MaxPageBytes, "--max-page-size")
		}
	}
	if err != nil {
		w.report(&InputError{Path: errPath, Line: line, Err: err})
		return nil
	}
	return w.send(ctx, news.Page{Origin: origin, Name: in.name, Kind: news.KindRecord, Record: rec})
}

// object is an article object as found in the wild. Names match
// case-insensitively (encoding/json's rule); unknown fields are skipped
// unread. Each field is decoded as any, with numbers kept as written, so
// a numeric id is read rather than rejected.
type object struct {
	ID            any `json:"id"`
	Title         any `json:"title"`
	Text          any `json:"text"`
	Content       any `json:"content"`
	Body          any `json:"body"`
	URL           any `json:"url"`
	Link          any `json:"link"`
	Source        any `json:"source"`
	Author        any `json:"author"`
	Published     any `json:"published"`
	Date          any `json:"date"`
	DateExtracted any `json:"date_extracted"`
}

// decodeObject decodes the next value of dec as an article object. fatal
// errors (bad syntax, failed reads) leave dec lost; other errors concern
// this value only, which has been read past.
func decodeObject(dec *json.Decoder) (obj *object, valueErr, fatal error) {
	err := dec.Decode(&obj)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil && obj == nil:
		return nil, errorf(ErrBadJSON, "a JSON null, not an article object"), nil
	case err == nil:
		return obj, nil, nil
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return nil, errorf(ErrBadJSON, "a JSON %s, not an article object", typeErr.Value), nil
	case errors.As(err, &typeErr):
		return nil, errorf(ErrBadJSON, "field %q: %v", typeErr.Field, err), nil
	}
	return nil, nil, err
}

// decodeLine decodes one JSON Lines line, which must hold exactly one object.
func decodeLine(line []byte) (*object, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	obj, valueErr, fatal := decodeObject(dec)
	var syntax *json.SyntaxError
	switch {
	case errors.As(fatal, &syntax):
		return nil, errorf(ErrBadJSON, "bad JSON at column %d: %v", syntax.Offset, syntax)
	case errors.Is(fatal, io.ErrUnexpectedEOF):
		return nil, errorf(ErrBadJSON, "bad JSON: the line ends in the middle of a value")
	case fatal != nil:
		return nil, errorf(ErrBadJSON, "bad JSON: %v", fatal)
	case valueErr != nil:
		return nil, valueErr
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errorf(ErrBadJSON, "bad JSON: more than one value on the line")
	}
	return obj, nil
}

// record maps the object onto a news.Record, taking for each field the
// first non-blank of the names that can carry it. SaudiNewsNet uses
// content and date_extracted; feeds and scrapers use the others.
func (o *object) record() (*news.Record, error) {
	var rec news.Record
	for _, f := range []struct {
		dst    *string
		name   string
		values []any
	}{
		{&rec.ID, "id", []any{o.ID}},
		{&rec.Title, "title", []any{o.Title}},
		{&rec.Text, "text", []any{o.Text, o.Content, o.Body}},
		{&rec.URL, "url", []any{o.URL, o.Link}},
		{&rec.Source, "source", []any{o.Source}},
		{&rec.Author, "author", []any{o.Author}},
		{&rec.Published, "published", []any{o.Published, o.Date, o.DateExtracted}},
	} {
		for _, v := range f.values {
			s, err := scalar(v)
			if err != nil {
				return nil, errorf(ErrBadJSON, "field %q: %v", f.name, err)
			}
			if strings.TrimSpace(s) != "" {
				*f.dst = s
				break
			}
		}
	}
	rec.Published = normalizeDate(rec.Published)
	return &rec, nil
}

// scalar reads a field as text: strings as they are, numbers and booleans
// as written (ids are often numbers), null or absent as empty.
func scalar(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		return strconv.FormatBool(v), nil
	case map[string]any:
		return "", errors.New("a JSON object, not a string")
	case []any:
		return "", errors.New("a JSON array, not a string")
	}
	return "", fmt.Errorf("a %T, not a string", v)
}

// normalizeDate writes "2015-07-21 02:51:32" as ISO "2015-07-21T02:51:32"
// and leaves every other form as written, for later stages to parse.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 16 && s[10] == ' ' && isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' &&
		isDigits(s[8:10]) && isDigits(s[11:13]) && s[13] == ':' {
		return s[:10] + "T" + s[11:]
	}
	return s
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
