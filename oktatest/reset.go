package oktatest

// Reset empties the org as if the server were new: apps, users, groups,
// API tokens (but the server's own), OAuth clients and their tokens,
// faults and request counts go, rate limits are those of WithRateLimit
// again, and clock moves made through the admin API are undone.
// Server.Token stays valid.
func (s *Server) Reset() {
	s.ClearFaults()
	s.stats.reset()
	s.requests.reset()
	s.limiter.init(s.limits)
	s.clockOffset.Store(0)
	s.oauth.reset()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = state{}
	s.state.init()
	s.addOwnToken()
}

// reset forgets every client, token, nonce and setting.
func (o *oauthState) reset() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.clients = nil
	o.lazyInit()
	o.apiNonce = false
	o.tokenIssued = 0
}
