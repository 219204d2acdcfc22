// Package norm folds Arabic and Latin text into the form names are matched
// in, and splits it into sentences and tokens that keep their offsets into
// the original text.
//
// Folding is lossy on purpose: alef forms (أ إ آ ٱ) become ا, alef maqsura ى
// becomes ي, ta marbuta ة becomes ه, diacritics, tatweel and invisible
// direction marks disappear, Arabic-Indic digits become ASCII digits and Latin
// letters are lower-cased. Two spellings an Arabic reader takes for the same
// word therefore fold to the same string. Folding never changes offsets:
// tokens always point back into the text they were cut from.
package norm
