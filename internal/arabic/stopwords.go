package arabic

// stopwords are Arabic function words in their search-layer form:
// prepositions, conjunctions, particles, pronouns and demonstratives.
// Running text is dense with them; headlines, lists and page furniture are
// not, which makes their share a strong signal for cleaning.
var stopwords = map[string]bool{
	"في": true, "من": true, "على": true, "علي": true, "الى": true, "الي": true, "عن": true,
	"مع": true, "ان": true, "او": true, "ثم": true, "قد": true, "لقد": true, "لا": true,
	"لم": true, "لن": true, "ما": true, "ماذا": true, "هل": true, "بل": true, "حتى": true,
	"حتي": true, "منذ": true, "خلال": true, "بين": true, "بعد": true, "قبل": true,
	"عند": true, "عندما": true, "حيث": true, "التي": true, "الذي": true, "الذين": true,
	"اللذين": true, "اللتين": true, "اللواتي": true, "هذا": true, "هذه": true, "هذي": true,
	"ذلك": true, "تلك": true, "هناك": true, "هنا": true, "هو": true, "هي": true, "هم": true,
	"هما": true, "هن": true, "نحن": true, "انا": true, "انه": true, "انها": true, "كان": true,
	"كانت": true, "كانوا": true, "يكون": true, "تكون": true, "ليس": true, "ليست": true,
	"كل": true, "بعض": true, "غير": true, "وقد": true, "وان": true, "وفي": true, "ومن": true,
	"وعلى": true, "وعلي": true, "والى": true, "والي": true, "كما": true, "لكن": true,
	"ولكن": true, "اذا": true, "اذ": true, "لان": true, "لانه": true, "بان": true, "بانه": true,
	"فيه": true, "فيها": true, "منه": true, "منها": true, "عليه": true, "عليها": true,
	"له": true, "لها": true, "لهم": true, "به": true, "بها": true, "اي": true, "وهو": true,
	"وهي": true, "الا": true, "سوى": true, "سوي": true, "ضد": true, "نحو": true, "لدى": true,
	"لدي": true, "عبر": true, "حول": true, "اما": true, "فقط": true, "ايضا": true,
	"وقال": true, "قال": true, "وذلك": true, "كذلك": true, "وكان": true, "وكانت": true,
}

// IsStopword reports whether w, in its search-layer form, is a function word.
func IsStopword(w string) bool {
	return stopwords[w]
}
