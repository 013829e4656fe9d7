package prf

import "testing"

func TestRatioAndF1(t *testing.T) {
	tests := []struct {
		a, b int
		want float64
	}{
		{3, 4, 0.75}, {0, 4, 0}, {0, 0, 0}, {5, 0, 0},
	}
	for _, tt := range tests {
		if got := Ratio(tt.a, tt.b); got != tt.want {
			t.Errorf("Ratio(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := F1(0.5, 1); got < 0.6666 || got > 0.6667 {
		t.Errorf("F1(0.5, 1) = %v, want 2/3", got)
	}
	if got := F1(0, 0); got != 0 {
		t.Errorf("F1(0, 0) = %v, want 0", got)
	}
}
