package main

import (
	"path/filepath"
	"testing"
)

func TestDBPath(t *testing.T) {
	tests := []struct {
		name, flag, env, xdg, want string
	}{
		{"flag wins", "/x/flag.db", "/x/env.db", "/x/data", "/x/flag.db"},
		{"then MARSAD_DB", "", "/x/env.db", "/x/data", "/x/env.db"},
		{"then the user's data dir", "", "", "/x/data", filepath.Join("/x/data", "marsad", "marsad.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("MARSAD_DB", tt.env)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			o := &options{db: tt.flag}
			if got := o.dbPath(); got != tt.want {
				t.Errorf("dbPath() = %q, want %q", got, tt.want)
			}
		})
	}
}
