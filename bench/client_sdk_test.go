package bench

import (
	"context"

	"github.com/gatekit/okta"
)

func init() {
	register(clientKind{name: "sdk", rank: 1, new: newSDKClient})
}

// sdkClient is github.com/gatekit/okta used as its README shows.
type sdkClient struct {
	c *okta.APIClient
}

func newSDKClient(orgURL string) (benchClient, error) {
	cfg, err := okta.NewConfiguration(
		okta.WithOrgURL(orgURL),
		okta.WithAPIToken(apiToken),
		okta.WithHTTPClient(newHTTPClient()),
		okta.WithMaxRetries(maxRetries),
	)
	if err != nil {
		return nil, err
	}
	return &sdkClient{c: okta.NewAPIClient(cfg)}, nil
}

func (s *sdkClient) getApp(ctx context.Context, id string) (appSummary, error) {
	app, _, err := s.c.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: id})
	if err != nil {
		return appSummary{}, err
	}
	return appSummary{ID: app.ID, Label: app.Label}, nil
}

func (s *sdkClient) walkApps(ctx context.Context, visit func(id string)) error {
	for app, err := range s.c.ApplicationAPI.ListApplicationsAll(ctx, okta.ListApplicationsRequest{Limit: pageSize}) {
		if err != nil {
			return err
		}
		visit(app.ID)
	}
	return nil
}

func (s *sdkClient) walkTokens(ctx context.Context, visit func(id string)) error {
	for tok, err := range s.c.ApiTokenAPI.ListApiTokensAll(ctx, okta.ListApiTokensRequest{Limit: pageSize}) {
		if err != nil {
			return err
		}
		visit(tok.ID)
	}
	return nil
}
