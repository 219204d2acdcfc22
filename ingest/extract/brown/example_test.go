package brown_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/ingest/extract/brown"
)

// Words that occur in the same contexts end up in one cluster: here
// "cat" and "dog", "the" and "a", "sleeps" and "runs".
func Example() {
	c := brown.NewCounter()
	for i := 0; i < 20; i++ {
		c.AddText("The cat sleeps. The dog runs. A dog sleeps. A cat runs.")
	}
	paths, err := brown.Cluster(context.Background(), c, brown.Options{Clusters: 3, MinCount: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := brown.Write(&b, paths); err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.WriteString(b.String())
	bits, err := brown.Read(strings.NewReader(b.String()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bits["cat"] == bits["dog"], bits["cat"] == bits["the"])
	// Output:
	// 00	a	40
	// 00	the	40
	// 01	runs	40
	// 01	sleeps	40
	// 1	cat	40
	// 1	dog	40
	// true false
}
