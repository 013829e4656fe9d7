package news

import "testing"

func TestContentID(t *testing.T) {
	base := ContentID("بوتين يشكر كيم", "قال الكرملين إن بوتين شكر كيم.\nوأضاف البيان.")
	tests := []struct {
		name        string
		title, text string
		same        bool
	}{
		{"identical", "بوتين يشكر كيم", "قال الكرملين إن بوتين شكر كيم.\nوأضاف البيان.", true},
		{"whitespace differs", " بوتين  يشكر كيم ", "قال الكرملين إن بوتين شكر كيم.\n\n  وأضاف البيان.", true},
		{"one letter differs", "بوتين يشكر كيم", "قال الكرملين إن بوتن شكر كيم.\nوأضاف البيان.", false},
		{"title moved into text", "", "بوتين يشكر كيم قال الكرملين إن بوتين شكر كيم.\nوأضاف البيان.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ContentID(tt.title, tt.text)
			if len(got) != 16 {
				t.Fatalf("ContentID length = %d, want 16", len(got))
			}
			if (got == base) != tt.same {
				t.Errorf("ContentID(%q, %q) == base is %v, want %v", tt.title, tt.text, got == base, tt.same)
			}
		})
	}
}
