package main

import (
	"fmt"
	"runtime"
	"sync"
)

// collection holds every document of one list endpoint, pre-rendered once:
// the documents sit back to back in buf, separated by commas, so a page is
// "[" + buf[start[i]:end[j-1]] + "]" and a single document is
// buf[start[i]:end[i]]. Serving never encodes JSON.
type collection struct {
	buf   []byte
	start []int
	end   []int
	ids   []string
	index map[string]int
}

// newCollection renders n documents with gen, using every core.
func newCollection(n int, gen func(i int) (string, []byte)) (*collection, error) {
	ids := make([]string, n)
	docs := make([][]byte, n)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				ids[i], docs[i] = gen(i)
			}
		}()
	}
	wg.Wait()

	size := 0
	for _, d := range docs {
		size += len(d) + 1
	}
	c := &collection{
		buf:   make([]byte, 0, size),
		start: make([]int, n),
		end:   make([]int, n),
		ids:   ids,
		index: make(map[string]int, n),
	}
	for i, d := range docs {
		if _, dup := c.index[ids[i]]; dup {
			return nil, fmt.Errorf("duplicate id %s at %d", ids[i], i)
		}
		c.index[ids[i]] = i
		if i > 0 {
			c.buf = append(c.buf, ',')
		}
		c.start[i] = len(c.buf)
		c.buf = append(c.buf, d...)
		c.end[i] = len(c.buf)
		docs[i] = nil
	}
	return c, nil
}

// len returns the number of documents.
func (c *collection) len() int { return len(c.ids) }

// doc returns document i.
func (c *collection) doc(i int) []byte { return c.buf[c.start[i]:c.end[i]] }

// span returns documents [i, j) joined by commas, without the brackets.
func (c *collection) span(i, j int) []byte {
	if i >= j {
		return nil
	}
	return c.buf[c.start[i]:c.end[j-1]]
}
