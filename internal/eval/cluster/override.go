package cluster

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// ErrOverride reports a bad "key=value,..." override.
var ErrOverride = errors.New("bad override")

// Override sets fields of the struct dst points to from spec, a comma
// list of key=value ("event=0.35,story-window=30d"), so a clusterer's
// thresholds can be swept from the command line without this package
// knowing its configuration. A key names an exported field, in any case,
// with '-' and '_' ignored (event-window, EventWindow). Values parse by
// the field's type: numbers, booleans, strings, and durations as Go
// writes them ("96h") or in days ("4d", "1.5d"). Fields a later version
// adds are settable with no change here.
func Override(dst any, spec string) error {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("%w: %T is not a pointer to a struct", ErrOverride, dst)
	}
	v = v.Elem()
	fields := map[string]int{}
	var names []string
	for i := range v.NumField() {
		if f := v.Type().Field(i); f.IsExported() {
			fields[fieldKey(f.Name)] = i
			names = append(names, f.Name)
		}
	}
	for _, kv := range strings.Split(spec, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		key, val, ok := strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("%w: %q is not key=value", ErrOverride, kv)
		}
		i, ok := fields[fieldKey(key)]
		if !ok {
			return fmt.Errorf("%w: no field %q (have %s)", ErrOverride, key, strings.Join(names, ", "))
		}
		if err := setField(v.Field(i), strings.TrimSpace(val)); err != nil {
			return fmt.Errorf("%w: %s: %w", ErrOverride, key, err)
		}
	}
	return nil
}

func fieldKey(s string) string {
	return strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(strings.TrimSpace(s)))
}

var durationType = reflect.TypeFor[time.Duration]()

func setField(f reflect.Value, val string) error {
	if f.Type() == durationType {
		d, err := parseDuration(val)
		if err != nil {
			return err
		}
		f.SetInt(int64(d))
		return nil
	}
	switch f.Kind() {
	case reflect.Float32, reflect.Float64:
		x, err := strconv.ParseFloat(val, 64)
		if err != nil {
			return err
		}
		f.SetFloat(x)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, err := strconv.ParseInt(val, 10, 64)
		if err != nil {
			return err
		}
		f.SetInt(x)
	case reflect.Bool:
		x, err := strconv.ParseBool(val)
		if err != nil {
			return err
		}
		f.SetBool(x)
	case reflect.String:
		f.SetString(val)
	default:
		return fmt.Errorf("fields of type %s cannot be set", f.Type())
	}
	return nil
}

// parseDuration reads a Go duration, or a number of days ("4d").
func parseDuration(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		x, err := strconv.ParseFloat(days, 64)
		if err != nil {
			return 0, fmt.Errorf("duration %q: %w", s, err)
		}
		return time.Duration(x * float64(24*time.Hour)), nil
	}
	return time.ParseDuration(s)
}
