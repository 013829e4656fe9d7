package cluster

import (
	"errors"
	"testing"
	"time"
)

type knobs struct {
	Copy        float64
	Event       float64
	EventWindow time.Duration
	N           int
	On          bool
	Name        string
	hidden      int
}

func TestOverride(t *testing.T) {
	base := knobs{Copy: 0.5, Event: 0.3, EventWindow: 96 * time.Hour}
	cases := []struct {
		spec string
		want knobs
	}{
		{"", base},
		{"event=0.35", knobs{Copy: 0.5, Event: 0.35, EventWindow: 96 * time.Hour}},
		// keys ignore case, '-' and '_'; durations in days or Go's form
		{"Event-Window=2d", knobs{Copy: 0.5, Event: 0.3, EventWindow: 48 * time.Hour}},
		{"event_window=36h", knobs{Copy: 0.5, Event: 0.3, EventWindow: 36 * time.Hour}},
		{"eventwindow=1.5d", knobs{Copy: 0.5, Event: 0.3, EventWindow: 36 * time.Hour}},
		{" copy = 0.4 , n=3,on=true,name=x,", knobs{Copy: 0.4, Event: 0.3, EventWindow: 96 * time.Hour, N: 3, On: true, Name: "x"}},
	}
	for _, c := range cases {
		k := base
		if err := Override(&k, c.spec); err != nil {
			t.Errorf("Override(%q): %v", c.spec, err)
			continue
		}
		if k != c.want {
			t.Errorf("Override(%q) = %+v, want %+v", c.spec, k, c.want)
		}
	}
	for _, bad := range []string{"evnt=1", "event", "event=abc", "hidden=1", "eventwindow=4days", "on=maybe"} {
		k := base
		if err := Override(&k, bad); !errors.Is(err, ErrOverride) {
			t.Errorf("Override(%q): err = %v, want ErrOverride", bad, err)
		}
	}
	if err := Override(base, "event=1"); !errors.Is(err, ErrOverride) {
		t.Errorf("a struct, not a pointer: err = %v", err)
	}
}
