package reseval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Verdicts a reader gives a top node (issue 14): OK, or one kind of junk.
const (
	VerdictOK            = "ok"
	VerdictWrongIdentity = "wrong-identity" // the name is right, the actor behind it is not (bare المالكي as Nouri al-Maliki)
	VerdictNonEntity     = "non-entity"     // no actor at all: a given name alone, a word, a disease, a script
	VerdictGeneric       = "generic"        // a body of no country ("the institute", "the central bank")
	VerdictWrongType     = "wrong-type"     // a news site as a person, a town as an organisation
	VerdictDuplicate     = "duplicate"      // a second node of an actor another node holds
)

var verdicts = map[string]bool{VerdictOK: true, VerdictWrongIdentity: true, VerdictNonEntity: true,
	VerdictGeneric: true, VerdictWrongType: true, VerdictDuplicate: true}

// ReadVerdicts parses a verdict file: one node a line, tab-separated ID,
// verdict and an optional note; blank lines and lines starting "#"
// skipped. A verdict is ok or one of the junk kinds (VerdictWrongIdentity
// …). An ID judged twice is an error, as is an unknown verdict. Errors
// name the line.
func ReadVerdicts(r io.Reader) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want ID<TAB>VERDICT[<TAB>NOTE]", n)
		}
		id, v := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if !verdicts[v] {
			return nil, fmt.Errorf("line %d: verdict %q, want ok, wrong-identity, non-entity, generic, wrong-type or duplicate", n, v)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("line %d: %s judged twice", n, id)
		}
		out[id] = v
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadVerdictsFile is ReadVerdicts on a file; errors name the file.
func ReadVerdictsFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("verdicts: %w", err)
	}
	defer f.Close()
	v, err := ReadVerdicts(f)
	if err != nil {
		return nil, fmt.Errorf("verdicts %s: %w", path, err)
	}
	return v, nil
}

// Judgement is what a reader's verdicts make of the top nodes.
type Judgement struct {
	Junk     int            `json:"junk"`       // top nodes judged junk
	Share    float64        `json:"junk_share"` // Junk / len(Report.Top)
	Kinds    map[string]int `json:"junk_kinds"` // Junk by verdict
	Unjudged int            `json:"unjudged"`   // top nodes the verdicts do not name
}

// Judge applies a reader's verdicts to the report's top nodes: each gets
// its Verdict ("" when the verdicts do not name it), and rep.Hand counts
// the junk. Unjudged nodes count as not junk, so judge them all before
// quoting the share.
func (rep *Report) Judge(v map[string]string) {
	h := &Judgement{Kinds: map[string]int{}}
	for i := range rep.Top {
		t := &rep.Top[i]
		t.Verdict = v[t.ID]
		switch t.Verdict {
		case "":
			h.Unjudged++
		case VerdictOK:
		default:
			h.Junk++
			h.Kinds[t.Verdict]++
		}
	}
	if len(rep.Top) > 0 {
		h.Share = float64(h.Junk) / float64(len(rep.Top))
	}
	rep.Hand = h
}
