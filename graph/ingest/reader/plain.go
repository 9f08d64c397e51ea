package reader

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	utf16 "golang.org/x/text/encoding/unicode"
)

// readPlain reads plain text: UTF-8 (with or without a byte-order mark),
// UTF-16 with a byte-order mark, or, when it is not valid UTF-8, text that
// reads as Windows-1252 or Latin-1 in one of the Summits' languages, with
// a warning naming the encoding. Anything else (binary data, another
// encoding) is refused naming the line and byte, as the parser does.
func readPlain(name string, data []byte) (*Text, error) {
	s, enc, warns, err := decode(name, data, Plain)
	if err != nil {
		return nil, err
	}
	return &Text{File: name, Format: Plain, Encoding: enc, Data: []byte(repairHyphens(s)), Warnings: warns}, nil
}

// decode turns text bytes into UTF-8 as readPlain describes, naming the
// encoding it read.
func decode(name string, data []byte, f Format) (text, enc string, warns []Warning, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		enc = "UTF-16LE"
		var e encoding.Encoding = utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM)
		if data[0] == 0xfe {
			enc = "UTF-16BE"
			e = utf16.UTF16(utf16.BigEndian, utf16.ExpectBOM)
		}
		if len(data)%2 != 0 {
			return "", "", nil, &Error{File: name, Format: f, Kind: ErrEncoding, Line: 1 + bytes.Count(data, []byte("\n\x00")), Byte: len(data) - 1, Msg: enc + " text with an odd number of bytes: the file is cut off or not UTF-16"}
		}
		b, derr := e.NewDecoder().Bytes(data)
		if derr != nil {
			return "", "", nil, &Error{File: name, Format: f, Kind: ErrEncoding, Byte: -1, Msg: "not valid " + enc + " text: " + derr.Error(), Err: derr}
		}
		if i := bytes.IndexByte(b, 0); i >= 0 {
			return "", "", nil, &Error{File: name, Format: f, Kind: ErrEncoding, Line: 1 + bytes.Count(b[:i], []byte("\n")), Byte: -1, Msg: "binary data (a NUL character), not a text file"}
		}
		if bad := bytes.Index(b, []byte("\ufffd")); bad >= 0 {
			warns = append(warns, Warning{File: name, Line: 1 + bytes.Count(b[:bad], []byte("\n")), Message: enc + " text with a broken character, read as U+FFFD"})
		}
		return string(b), enc, warns, nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		msg := "binary data (a NUL byte), not a text file"
		if utf16NoBOM(data) {
			msg = "UTF-16 text without a byte-order mark: save the file as UTF-8"
		}
		return "", "", nil, &Error{File: name, Format: f, Kind: ErrEncoding, Line: 1 + bytes.Count(data[:i], []byte("\n")), Byte: i, Msg: msg}
	}
	if utf8.Valid(data) {
		return string(data), "UTF-8", nil, nil
	}
	bad := firstInvalid(data)
	if s, enc, ok := legacy(data); ok {
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		word := wordAt(s, len([]rune(string(data[:bad])))) // data[:bad] is valid UTF-8 and ASCII-compatible
		warns = append(warns, Warning{File: name, Line: line, Message: fmt.Sprintf("not UTF-8: read as %s (the first such character is in %q); save the file as UTF-8 to be sure", enc, word)})
		return s, enc, warns, nil
	}
	return "", "", nil, &Error{File: name, Format: f, Kind: ErrEncoding, Line: 1 + bytes.Count(data[:bad], []byte("\n")), Byte: bad, Msg: "not valid UTF-8 text (save the file as UTF-8)"}
}

// firstInvalid is the offset of the first byte that is not UTF-8.
func firstInvalid(data []byte) int {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return i
}

// utf16NoBOM reports whether data looks like UTF-16 without a byte-order
// mark: a NUL in every other byte of its start.
func utf16NoBOM(data []byte) bool {
	n := min(len(data), 200) &^ 1
	if n < 8 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	return even > n*2/5 || odd > n*2/5
}

// utf16Head decodes the start of UTF-16 text with a byte-order mark, for
// sniffing.
func utf16Head(head []byte) ([]byte, bool) {
	var e encoding.Encoding
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		e = utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM)
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		e = utf16.UTF16(utf16.BigEndian, utf16.ExpectBOM)
	default:
		return nil, false
	}
	b, err := e.NewDecoder().Bytes(head[:len(head)&^1])
	return b, err == nil
}

// legacy decodes text that is not UTF-8 as Windows-1252 (Latin-1 when it
// uses none of the characters where the two differ), if the result reads
// as ordinary text in English, Spanish, French or Portuguese.
func legacy(data []byte) (text, enc string, ok bool) {
	b, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", false
	}
	s := string(b)
	if !ordinaryLatin(s) {
		return "", "", false
	}
	enc = "ISO-8859-1"
	for _, c := range data {
		if c >= 0x80 && c <= 0x9f {
			enc = "Windows-1252"
			break
		}
	}
	return s, enc, true
}

// latinLetters are the letters outside ASCII of the Summits' four
// languages (and of the names they print).
const latinLetters = "ÀÁÂÃÄÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäçèéêëìíîïñòóôõöùúûüýÿŒœŸªº"

// latinMarks are the punctuation and signs outside ASCII such text uses.
const latinMarks = "\u00a0¡¢£¥§©«®°±²³´·»¼½¾¿×€‚„…†‡‘’“”•–—™"

// ordinaryLatin reports whether s reads as ordinary text: no control
// characters but line ends and tabs, its letters outside ASCII those of
// the four languages and inside words (but for the one-letter words à, é,
// ó), its other characters common punctuation, and most of it ASCII.
func ordinaryLatin(s string) bool {
	rs := []rune(s)
	nonASCII, letters := 0, 0
	for i, r := range rs {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f:
			return false
		case r < 0x80:
			if unicode.IsLetter(r) {
				letters++
			}
		case strings.ContainsRune(latinLetters, r):
			nonASCII++
			letters++
			inWord := (i > 0 && unicode.IsLetter(rs[i-1])) || (i+1 < len(rs) && unicode.IsLetter(rs[i+1]))
			if !inWord && !strings.ContainsRune("àéóÀÉ", r) {
				return false
			}
		case strings.ContainsRune(latinMarks, r):
			nonASCII++
		default:
			return false
		}
	}
	return letters > 0 && nonASCII*5 <= letters
}

// wordAt returns the word around the rune at index i of s.
func wordAt(s string, i int) string {
	rs := []rune(s)
	if i >= len(rs) {
		return ""
	}
	start, end := i, i+1
	for start > 0 && !unicode.IsSpace(rs[start-1]) && i-start < 30 {
		start--
	}
	for end < len(rs) && !unicode.IsSpace(rs[end]) && end-i < 30 {
		end++
	}
	return string(rs[start:end])
}
