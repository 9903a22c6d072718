package okta

// Sending a call: the loop sequences attempts; attempt sends one and reads its
// answer; decide says what comes next. The shape is aws-sdk-go-v2's retry
// middleware: the policy decides, the loop sequences.
//
// One error-wrapping rule: an answer from the server that fails the call is
// an *Error (a non-2xx status, a body too large or not the JSON expected, an
// informational answer); every other failure is a callError, "okta: METHOD
// PATH: stage: cause", unwrapping to its cause. When a wait for a retry is cut
// short, the callError's cause joins the context's error and the last
// attempt's, so that errors.Is and errors.As find either.

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"reflect"
	"time"
)

// callState is what one call remembers across its attempts.
type callState struct {
	sent     int       // attempts sent so far
	reauths  int       // attempts repeated only to authorize again: they are not retries
	authDone authRetry // the reasons to authorize again already acted on (each once)
	retryFor string    // the request id of the answer the next attempt retries
}

// retries is what the retry policy counts: attempts that were retries.
func (st *callState) retries() int { return st.sent - 1 - st.reauths }

// failure classifies an attempt that did not succeed.
type failure uint8

const (
	failNone      failure = iota // the call succeeded
	failAnswer                   // an error status: the retry policy sees the response
	failTransport                // no usable answer (not sent, lost, unreadable): the policy sees the error
	failFinal                    // another attempt would fail the same way, or the context is done
)

// outcome is what one attempt came to.
type outcome struct {
	resp    *Response // the answer; nil when none came
	err     error     // why the call fails if nothing more is tried
	kind    failure
	authWhy authRetry // why the authorizer would have another attempt succeed
	took    time.Duration
}

// verdict is what the loop does after an attempt.
type verdict uint8

const (
	done          verdict = iota // the call succeeded: return the result
	giveUp                       // return the error: nothing more is tried
	reauthorize                  // send again at once, authorized anew: not a retry
	waitThenRetry                // wait, then send again
)

type decision struct {
	verdict verdict
	wait    time.Duration // before the retry
}

// do sends cl, retrying what the retry policy allows, and decodes a 2xx body
// into out when out is not nil. A non-2xx answer is an *Error.
func (c *APIClient) do(ctx context.Context, cl *call, out any) (*Response, error) {
	p, err := c.prepare(cl, out)
	if err != nil {
		return nil, err
	}
	var st callState
	for {
		n := st.sent
		o := c.attempt(ctx, &p, &st)
		d := c.decide(ctx, &p, &st, o)
		c.logAttempt(ctx, &p, n, o, d)
		switch d.verdict {
		case done, giveUp:
			return o.resp, o.err
		case reauthorize:
			st.reauths++
			st.authDone |= o.authWhy
		case waitThenRetry:
			if err := sleep(ctx, d.wait); err != nil {
				stage := "waiting " + d.wait.Round(time.Millisecond).String() + " to retry"
				return o.resp, c.fail(&p, stage, errors.Join(err, o.err))
			}
		}
		st.retryFor = ""
		if o.resp != nil {
			st.retryFor = o.resp.RequestID
		}
	}
}

// attempt sends p once, after the rate limiter lets it, and reads the answer.
func (c *APIClient) attempt(ctx context.Context, p *prepared, st *callState) outcome {
	if err := c.limiter.wait(ctx, p.bucket); err != nil {
		return outcome{err: c.fail(p, "waiting for the rate limit to reset", err), kind: failFinal}
	}
	start := time.Now()
	req, err := c.newRequest(ctx, p, st)
	if err != nil {
		return outcome{err: c.fail(p, "building the request", err), kind: failFinal}
	}
	st.sent++
	hresp, err := c.http.Do(req)
	if err != nil {
		o := outcome{err: c.fail(p, "", stripURL(err)), kind: failTransport, took: time.Since(start)}
		if ctx.Err() != nil {
			o.err = c.fail(p, "", ctx.Err())
		}
		if ctx.Err() != nil || errors.Is(err, ErrRedirectRefused) {
			o.kind = failFinal
		}
		return o
	}
	o := outcome{authWhy: c.auth.retry(hresp)}
	hresp.Request = publicRequest(hresp.Request, req)
	o.resp = newResponse(hresp)
	c.limiter.observe(p.bucket, o.resp, time.Now())
	o.kind, o.err = c.readAnswer(ctx, p, o.resp)
	o.took = time.Since(start)
	return o
}

// readAnswer reads resp's body and decodes a success into p.out.
func (c *APIClient) readAnswer(ctx context.Context, p *prepared, resp *Response) (failure, error) {
	status := resp.StatusCode
	if status < 200 {
		// An informational answer the SDK did not ask for (101 Switching
		// Protocols hands over the raw connection): never read.
		resp.Body.Close()
		resp.Body = http.NoBody
		e := newError(c.scrub, p.method, p.where, resp, nil)
		e.ErrorSummary = "an informational answer the SDK did not ask for; " + p.op + " expects a final answer"
		return failFinal, e
	}
	ok := status < 300
	data, err := readBody(resp.Response, ok, c.cfg.maxBody)
	// The body read is closed; the connection it came on (whose buffers
	// hold the request as written, credentials and all) is not kept.
	resp.Body = http.NoBody
	switch {
	case errors.Is(err, errBodyTooLarge):
		// The same request gets the same body. The answer is Okta's (or
		// a proxy's), so the error is an *Error.
		e := newError(c.scrub, p.method, p.where, resp, nil)
		e.ErrorSummary = err.Error()
		return failFinal, e
	case err != nil && ctx.Err() != nil:
		return failFinal, c.fail(p, "reading the response", ctx.Err())
	case err != nil:
		return failTransport, c.fail(p, "reading the response", err)
	case !ok:
		return failAnswer, newError(c.scrub, p.method, p.where, resp, data)
	}
	if err := decodeResult(c.scrub, p, resp, data); err != nil {
		return failFinal, err
	}
	return failNone, nil
}

// decide says what follows an attempt: the end of the call, an attempt
// authorized anew, or a retry after a wait.
func (c *APIClient) decide(ctx context.Context, p *prepared, st *callState, o outcome) decision {
	switch {
	case o.kind == failNone:
		return decision{verdict: done}
	case o.kind == failFinal:
		return decision{verdict: giveUp}
	case o.authWhy != 0 && st.authDone&o.authWhy == 0:
		// A refused access token or a new DPoP nonce: authorize again, once.
		return decision{verdict: reauthorize}
	case tokenRefused(o.err):
		return decision{verdict: giveUp} // another attempt gets the same answer
	}
	a := RetryAttempt{Op: p.op, Method: p.method, Retries: st.retries()}
	if o.kind == failAnswer {
		a.Response, a.StatusCode = o.resp, o.resp.StatusCode
	} else {
		a.Err = o.err
	}
	if !c.cfg.retry.decide(a) {
		return decision{verdict: giveUp}
	}
	wait, ok := retryDelay(ctx, a.Response, a.Retries, time.Now(), c.cfg.retry.maxWait())
	if !ok {
		return decision{verdict: giveUp, wait: wait} // too long: the wait is logged, not begun
	}
	return decision{verdict: waitThenRetry, wait: wait}
}

// tokenRefused reports whether err is the token endpoint refusing the
// client's credentials (a 4xx other than 429): not worth another attempt.
func tokenRefused(err error) bool {
	var oe *OAuthError
	return errors.As(err, &oe) && oe.StatusCode >= 400 && oe.StatusCode < 500 && oe.StatusCode != http.StatusTooManyRequests
}

// fail wraps the failure of a call that is not an answer from Okta.
func (c *APIClient) fail(p *prepared, stage string, err error) error {
	return &callError{method: p.method, path: p.where, stage: stage, err: err, scrub: c.scrub}
}

// credentialHeaders are the request headers that carry a credential.
var credentialHeaders = [...]string{"Authorization", "DPoP", "Proxy-Authorization", "Cookie"}

// publicRequest returns the request to hand back in a *Response: never the
// one the transport sent, which carries the credentials (and, on a
// redirect, the chain of earlier requests that carried them too). ours is
// the request the SDK built, before the credentials were added; sent is
// resp.Request. When no redirect happened ours is returned as it is, without
// its body (the caller's data, such as a client secret).
func publicRequest(sent, ours *http.Request) *http.Request {
	if sent == nil || sent.Response == nil {
		sent = ours
	}
	if sent == ours && ours.Body == nil {
		return ours
	}
	pub := sent.Clone(sent.Context())
	for _, h := range credentialHeaders {
		pub.Header.Del(h)
	}
	pub.Body, pub.GetBody, pub.Response = nil, nil, nil
	return pub
}

// decodeResult decodes a 2xx body into p.out. A body that is missing, is not
// the JSON expected, or is a JSON null (where an object or a list is
// expected: a *TypeError whose Got is "null") is an *Error that unwraps to
// the decoding error.
func decodeResult(s *scrubber, p *prepared, resp *Response, data []byte) error {
	if p.out == nil {
		return nil
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		e := newError(s, p.method, p.where, resp, data)
		e.ErrorSummary = "the response has no body; " + p.op + " returns a JSON document"
		return e
	}
	if raw, ok := p.out.(*[]byte); ok { // a document that is not JSON (SAML metadata): its bytes as sent
		*raw = data
		return nil
	}
	err := unmarshal(data, p.out)
	if err == nil && string(trimmed) == "null" {
		err = &TypeError{Want: reflect.TypeOf(p.out).Elem().String(), Got: "null"}
	}
	if err != nil {
		e := newError(s, p.method, p.where, resp, data)
		e.ErrorSummary = "the response is not the JSON expected: " + err.Error()
		e.cause = err
		return e
	}
	return nil
}
