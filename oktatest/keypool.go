package oktatest

import (
	"crypto/rand"
	"crypto/rsa"
	"sync"
)

// RSA-2048 key generation takes tens of milliseconds, so keys are made
// ahead of need by one goroutine shared by every server in the process.
//
// The generator runs only while a server is open: it starts when an open
// server first asks for a key, and the last Close stops it and waits for it
// to return, so that nothing the emulator starts outlives Close. Keys it
// made stay in the pool for later servers. Each key is handed out once.
var keyPool struct {
	mu      sync.Mutex
	servers int                  // open servers
	ch      chan *rsa.PrivateKey // made keys; never closed
	stop    chan struct{}        // closed to stop the generator; nil when none runs
	done    chan struct{}        // closed when the running generator has returned
}

const keyPoolSize = 4

// keyPoolAcquire records that a server is open.
func keyPoolAcquire() {
	keyPool.mu.Lock()
	keyPool.servers++
	keyPool.mu.Unlock()
}

// keyPoolRelease records that a server closed; the last one stops the
// generator and waits for it (at most one key's generation).
func keyPoolRelease() {
	keyPool.mu.Lock()
	keyPool.servers--
	stop, done := keyPool.stop, keyPool.done
	if keyPool.servers > 0 || stop == nil {
		keyPool.mu.Unlock()
		return
	}
	keyPool.stop, keyPool.done = nil, nil
	keyPool.mu.Unlock()
	close(stop)
	<-done
}

// newRSAKey hands out a key from the pool, or makes one at once when the
// pool is empty: a request never waits on the generator, which may be
// stopping.
func newRSAKey() (*rsa.PrivateKey, error) {
	keyPool.mu.Lock()
	if keyPool.ch == nil {
		keyPool.ch = make(chan *rsa.PrivateKey, keyPoolSize)
	}
	if keyPool.stop == nil && keyPool.servers > 0 {
		keyPool.stop, keyPool.done = make(chan struct{}), make(chan struct{})
		go generateKeys(keyPool.ch, keyPool.stop, keyPool.done)
	}
	ch := keyPool.ch
	keyPool.mu.Unlock()
	select {
	case k := <-ch:
		return k, nil
	default:
		return rsa.GenerateKey(rand.Reader, 2048)
	}
}

// generateKeys fills ch until stop is closed, then closes done.
func generateKeys(ch chan<- *rsa.PrivateKey, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	for {
		select {
		case <-stop:
			return
		default:
		}
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return // crypto/rand failed: newRSAKey reports it to the caller
		}
		select {
		case ch <- k:
		case <-stop:
			return
		}
	}
}
