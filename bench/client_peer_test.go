package bench

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	peer "github.com/okta/okta-sdk-golang/v5/okta"
)

func init() {
	register(clientKind{name: "peer", rank: 2, new: newPeerClient})
}

// peerClient is okta-sdk-golang v5.0.6 used as its README shows.
type peerClient struct {
	c *peer.APIClient
}

func newPeerClient(orgURL string) (benchClient, error) {
	u, err := url.Parse(orgURL)
	if err != nil {
		return nil, err
	}
	cfg, err := peer.NewConfiguration(
		peer.WithOrgUrl(orgURL),
		peer.WithToken(apiToken),
		peer.WithTestingDisableHttpsCheck(true),
		peer.WithCache(false), // a cached GET would not reach the server
		peer.WithRateLimitMaxRetries(maxRetries),
		peer.WithRateLimitMaxBackOff(30), // seconds; the default 0 retries at once
		peer.WithHttpClientPtr(newHTTPClient()),
	)
	if err != nil {
		return nil, err
	}
	// NewConfiguration keeps only the host name of the org URL: put the
	// port back, or every request goes to port 80.
	cfg.Host = u.Host
	cfg.Scheme = u.Scheme
	return &peerClient{c: peer.NewAPIClient(cfg)}, nil
}

// peerApp is the part of every application variant the harness reads.
type peerApp interface {
	GetId() string
	GetLabel() string
}

// appOf unwraps the peer's one-pointer-per-variant application type.
func appOf(v *peer.ListApplications200ResponseInner) (peerApp, error) {
	if a, ok := v.GetActualInstance().(peerApp); ok {
		return a, nil
	}
	return nil, fmt.Errorf("peer: application of unknown type %T", v.GetActualInstance())
}

func (p *peerClient) getApp(ctx context.Context, id string) (appSummary, error) {
	app, _, err := p.c.ApplicationAPI.GetApplication(ctx, id).Execute()
	if err != nil {
		return appSummary{}, err
	}
	a, err := appOf(app)
	if err != nil {
		return appSummary{}, err
	}
	return appSummary{ID: a.GetId(), Label: a.GetLabel()}, nil
}

func (p *peerClient) walkApps(ctx context.Context, visit func(id string)) error {
	page, resp, err := p.c.ApplicationAPI.ListApplications(ctx).Limit(pageSize).Execute()
	for {
		if err != nil {
			return err
		}
		for i := range page {
			a, err := appOf(&page[i])
			if err != nil {
				return err
			}
			visit(a.GetId())
		}
		if resp == nil {
			return errors.New("peer: no response")
		}
		if !resp.HasNextPage() {
			return nil
		}
		page = nil
		resp, err = resp.Next(&page)
	}
}

func (p *peerClient) walkTokens(ctx context.Context, visit func(id string)) error {
	// v5.0.6's ListApiTokens has no limit parameter: the first page has the
	// server's default size, the next links carry the limit on.
	page, resp, err := p.c.ApiTokenAPI.ListApiTokens(ctx).Execute()
	for {
		if err != nil {
			return err
		}
		for i := range page {
			visit(page[i].GetId())
		}
		if resp == nil {
			return errors.New("peer: no response")
		}
		if !resp.HasNextPage() {
			return nil
		}
		page = nil
		resp, err = resp.Next(&page)
	}
}
