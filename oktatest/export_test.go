package oktatest

// LogoCount reports how many uploaded logos the server keeps.
func LogoCount(s *Server) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.logos)
}
