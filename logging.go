package okta

// The Debug record of each attempt.

import (
	"context"
	"log/slog"
	"time"
)

// attemptRecord is what the SDK logs of one attempt, at Debug level, as the
// "okta request" record: never a credential, a query or a body, and the error
// text scrubbed of secrets.
type attemptRecord struct {
	op, method, path string
	attempt          int           // attempts sent before this one
	status           int           // the answer's status; 0 when none came
	requestID        string        // X-Okta-Request-Id of the answer
	duration         time.Duration // from the rate limiter's release to the body read
	wait             time.Duration // before the next attempt, when one follows (or was refused as too long)
	err              string        // the failure, scrubbed; "" on success
}

func (r attemptRecord) attrs() []slog.Attr {
	attrs := make([]slog.Attr, 0, 9)
	attrs = append(attrs,
		slog.String("op", r.op),
		slog.String("method", r.method),
		slog.String("path", r.path),
		slog.Int("attempt", r.attempt),
		slog.Duration("duration", r.duration),
	)
	if r.status != 0 {
		attrs = append(attrs, slog.Int("status", r.status))
	}
	if r.requestID != "" {
		attrs = append(attrs, slog.String("request_id", r.requestID))
	}
	if r.wait > 0 {
		attrs = append(attrs, slog.Duration("wait", r.wait))
	}
	if r.err != "" {
		attrs = append(attrs, slog.String("error", r.err))
	}
	return attrs
}

// logAttempt logs an attempt and what follows it, when the logger takes
// Debug records; the record is not built otherwise.
func (c *APIClient) logAttempt(ctx context.Context, p *prepared, n int, o outcome, d decision) {
	l := c.cfg.logger
	if !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	r := attemptRecord{op: p.op, method: p.method, path: p.where, attempt: n, duration: o.took, wait: d.wait}
	if o.resp != nil {
		r.status, r.requestID = o.resp.StatusCode, excerptString(o.resp.RequestID, 64)
	}
	if o.err != nil {
		r.err = c.scrub.text(o.err.Error())
	}
	l.LogAttrs(ctx, slog.LevelDebug, "okta request", r.attrs()...)
}
