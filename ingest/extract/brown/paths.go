package brown

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Write writes paths in the format of Liang's wcluster "paths" file: one
// line per word, "bits<TAB>word<TAB>count".
func Write(w io.Writer, paths []Path) error {
	bw := bufio.NewWriter(w)
	for _, p := range paths {
		if _, err := fmt.Fprintf(bw, "%s\t%s\t%d\n", p.Bits, p.Word, p.Count); err != nil {
			return fmt.Errorf("brown: write paths: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("brown: write paths: %w", err)
	}
	return nil
}

// Read reads a paths file (see Write; the count column may be absent)
// and returns each word's bit string. Blank lines are skipped; a line
// with fewer than two fields, a bit string of other than '0' and '1', or
// a word listed twice is an error naming its line.
func Read(r io.Reader) (map[string]string, error) {
	m := make(map[string]string)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || len(f) > 3 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("brown: paths line %d: want bits<TAB>word<TAB>count", line)
		}
		if strings.Trim(f[0], "01") != "" {
			return nil, fmt.Errorf("brown: paths line %d: bit string %q", line, f[0])
		}
		if len(f) == 3 {
			if _, err := strconv.Atoi(f[2]); err != nil {
				return nil, fmt.Errorf("brown: paths line %d: count: %w", line, err)
			}
		}
		if _, dup := m[f[1]]; dup {
			return nil, fmt.Errorf("brown: paths line %d: word %q listed twice", line, f[1])
		}
		m[f[1]] = f[0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("brown: read paths: %w", err)
	}
	return m, nil
}
