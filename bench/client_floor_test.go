package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func init() {
	register(clientKind{name: "floor", rank: 0, new: newFloorClient})
}

// floorClient is what a careful person writes without an SDK: net/http and
// encoding/json into structs holding only the fields they read, following
// Link rel="next", sleeping until X-Rate-Limit-Reset after a 429.
type floorClient struct {
	hc     *http.Client
	orgURL string
	auth   string
}

func newFloorClient(orgURL string) (benchClient, error) {
	return &floorClient{hc: newHTTPClient(), orgURL: orgURL, auth: "SSWS " + apiToken}, nil
}

// floorApp holds the fields of an application a caller typically reads.
type floorApp struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Label      string `json:"label"`
	Status     string `json:"status"`
	SignOnMode string `json:"signOnMode"`
}

// floorToken holds the fields of an API token a caller typically reads.
type floorToken struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	UserID string `json:"userId"`
}

// get sends GET url and returns a 200 response, retrying after a 429 once
// the rate-limit window has reset.
func (c *floorClient) get(ctx context.Context, url string) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", c.auth)
		req.Header.Set("Accept", "application/json")
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		discard(resp)
		if resp.StatusCode != http.StatusTooManyRequests || attempt == maxRetries {
			return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		reset, err := strconv.ParseInt(resp.Header.Get("X-Rate-Limit-Reset"), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("GET %s: 429 without X-Rate-Limit-Reset", url)
		}
		t := time.NewTimer(time.Until(time.Unix(reset, 0)))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// discard drains and closes a body so the connection is reused.
func discard(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// getJSON decodes the body of GET url into v and returns the next-page URL.
func (c *floorClient) getJSON(ctx context.Context, url string, v any) (next string, err error) {
	resp, err := c.get(ctx, url)
	if err != nil {
		return "", err
	}
	defer discard(resp)
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return "", fmt.Errorf("GET %s: %w", url, err)
	}
	return nextLink(resp.Header), nil
}

// nextLink returns the target of the rel="next" Link, or "".
func nextLink(h http.Header) string {
	for _, v := range h.Values("Link") {
		for part := range strings.SplitSeq(v, ",") {
			if !strings.Contains(part, `rel="next"`) {
				continue
			}
			i, j := strings.IndexByte(part, '<'), strings.IndexByte(part, '>')
			if i >= 0 && j > i {
				return part[i+1 : j]
			}
		}
	}
	return ""
}

func (c *floorClient) getApp(ctx context.Context, id string) (appSummary, error) {
	var app floorApp
	if _, err := c.getJSON(ctx, c.orgURL+"/api/v1/apps/"+id, &app); err != nil {
		return appSummary{}, err
	}
	return appSummary{ID: app.ID, Label: app.Label}, nil
}

func (c *floorClient) walkApps(ctx context.Context, visit func(id string)) error {
	url := c.orgURL + "/api/v1/apps?limit=" + strconv.Itoa(pageSize)
	for url != "" {
		var page []floorApp
		var err error
		if url, err = c.getJSON(ctx, url, &page); err != nil {
			return err
		}
		for i := range page {
			visit(page[i].ID)
		}
	}
	return nil
}

func (c *floorClient) walkTokens(ctx context.Context, visit func(id string)) error {
	url := c.orgURL + "/api/v1/api-tokens?limit=" + strconv.Itoa(pageSize)
	for url != "" {
		var page []floorToken
		var err error
		if url, err = c.getJSON(ctx, url, &page); err != nil {
			return err
		}
		for i := range page {
			visit(page[i].ID)
		}
	}
	return nil
}
