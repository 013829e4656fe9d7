package news

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// ContentID is an article's identity: a hash of its title and text with
// runs of whitespace collapsed, so the same content read twice, from any
// page or outlet, is the same article. 16 hex digits (64 bits) keep IDs
// short enough to type while collisions stay negligible below billions.
func ContentID(title, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.Join(strings.Fields(title), " ")))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(h.Sum(nil)[:8])
}
