// Package reader turns a file's bytes into the UTF-8 text that nlp.Parse
// reads: plain text in UTF-8, UTF-16 (with a byte-order mark) or
// Windows-1252/Latin-1; web pages as saved from a browser (HTML); and PDFs
// with a text layer.
//
// Detect tells the format from the content, the file name only breaking a
// tie. Read returns a Text: the text, one paragraph a line (or as the file
// had them, for plain text), blank lines between blocks, list items in the
// indent-and-bullet form nlp.Parse reads as items; its format, encoding and
// language hint; warnings; and, for a PDF, the page each line starts on.
// Lines and offsets in nlp's warnings and evidence then refer to this text.
//
// A file that cannot be read gives an *Error naming the file and, where
// known, the page, line and byte, with a message a user can act on; it
// matches one of ErrDamaged, ErrEncrypted, ErrNoText, ErrEncoding,
// ErrUnsupported or ErrTimeout with errors.Is.
//
// PDFs are read by PDFium, compiled to WebAssembly and run in process by
// wazero (github.com/klippa-app/go-pdfium): no cgo and no external program.
// The engine is compiled on the first PDF (a few seconds, less with the
// compilation cache, see PDFCacheDir), not when the package is loaded.
// Reading order, paragraphs, running headers and footers, page numbers,
// ligatures and end-of-line hyphens are worked out here from the
// characters' positions (layout.go), so they do not depend on the engine.
package reader
