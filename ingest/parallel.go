package ingest

import (
	"runtime"
	"sync"
)

// Parallel calls fn(i) for every i in [0, n) on every CPU and returns when
// all calls have. fn must be safe for concurrent use; results go where fn
// puts them (typically out[i]), so their order is the input's.
func Parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
