package bench

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestClientsAgree checks that every client sees the same 2 000 application
// ids and 1 000 token ids, reads the same labels, and that every request
// really reaches the server (no client answers from a cache).
func TestClientsAgree(t *testing.T) {
	ctx := context.Background()
	var wantApps, wantTokens []string
	wantLabels := map[string]string{}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			c := clientFor(t, mainSrv, k)
			if err := mainSrv.resetStats(); err != nil {
				t.Fatal(err)
			}
			var apps, tokens []string
			if err := c.walkApps(ctx, func(id string) { apps = append(apps, id) }); err != nil {
				t.Fatal(err)
			}
			if err := c.walkTokens(ctx, func(id string) { tokens = append(tokens, id) }); err != nil {
				t.Fatal(err)
			}
			probe := []string{appIDs[0], appIDs[1], appIDs[2], appIDs[0], appIDs[0]}
			for _, id := range probe {
				app, err := c.getApp(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if app.ID != id || app.Label == "" {
					t.Fatalf("GetApplication(%s) = %+v", id, app)
				}
				if want, ok := wantLabels[id]; ok && want != app.Label {
					t.Errorf("label of %s: %q, the %s client read %q", id, app.Label, kinds[0].name, want)
				}
				wantLabels[id] = app.Label
			}
			st, err := mainSrv.stats()
			if err != nil {
				t.Fatal(err)
			}
			want := serverStats{Requests: 10 + 5 + 5, AppLists: 10, TokenLists: 5, AppGets: 5}
			if st != want {
				t.Errorf("server saw %+v, want %+v", st, want)
			}
			if len(apps) != mainApps || len(tokens) != mainTokens {
				t.Fatalf("%d apps and %d tokens, want %d and %d", len(apps), len(tokens), mainApps, mainTokens)
			}
			if wantApps == nil {
				wantApps, wantTokens = apps, tokens
				if sorted := slices.Sorted(slices.Values(apps)); len(slices.Compact(sorted)) != mainApps {
					t.Fatal("application ids repeat")
				}
				return
			}
			if !slices.Equal(apps, wantApps) {
				t.Error("application ids differ from the first client's")
			}
			if !slices.Equal(tokens, wantTokens) {
				t.Error("token ids differ from the first client's")
			}
		})
	}
}

// TestClientsRecoverFrom429 checks that every client retries a 429 and
// succeeds, and never before the reset.
func TestClientsRecoverFrom429(t *testing.T) {
	ctx := context.Background()
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			c := clientFor(t, mainSrv, k)
			// Zero the counts and the last 429 window, so that what is read
			// below is this client's and not an earlier subtest's.
			if err := mainSrv.resetStats(); err != nil {
				t.Fatal(err)
			}
			if err := mainSrv.arm429(100); err != nil {
				t.Fatal(err)
			}
			app, err := c.getApp(ctx, appIDs[7])
			done := time.Now()
			if err != nil || app.ID != appIDs[7] {
				t.Fatalf("GetApplication after a 429: %+v, %v", app, err)
			}
			w, err := mainSrv.last429()
			if err != nil {
				t.Fatal(err)
			}
			st, err := mainSrv.stats()
			if err != nil {
				t.Fatal(err)
			}
			if st.RateLimited < 1 || st.AppGets != 1 {
				t.Fatalf("server saw %+v, want at least one 429 and then one answered GetApplication", st)
			}
			late := done.Sub(time.Unix(0, w.ResetUnixNano))
			if late < 0 {
				t.Fatalf("succeeded %v before the reset", -late)
			}
			t.Logf("%s: success %v after the reset", k.name, late.Round(time.Millisecond))
		})
	}
}
