// Command api-token-audit lists the org's API tokens, flags those not used
// recently and, when asked with -revoke, revokes them.
//
// Okta pushes an API token's expiresAt back by its tokenWindow every time the
// token is used, so a token was last used at about expiresAt − tokenWindow;
// that is the time this program judges by (lastUpdated or created when a
// token lacks those members).
//
// It never revokes the token it runs with unless -revoke-current is given:
// a token used within the last few minutes may be that one, so it is left
// alone, and -revoke-current revokes the program's own token, last, with
// RevokeCurrentApiToken.
//
// It talks to the org named by OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN, or,
// when those are unset, to an Okta emulator it starts in-process and seeds
// with tokens of various ages:
//
//	go run ./examples/api-token-audit -older-than 720h -revoke
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/examples/internal/target"
	"github.com/gatekit/okta/oktatest"
)

// inUseWindow is how recent a last use must be for a token to count as
// possibly the one this program runs with.
const inUseWindow = 5 * time.Minute

func main() {
	olderThan := flag.Duration("older-than", 720*time.Hour, "flag tokens not used for at least this long")
	revoke := flag.Bool("revoke", false, "revoke the flagged tokens (without it, only report them)")
	revokeCurrent := flag.Bool("revoke-current", false, "also revoke the token this program runs with")
	flag.Parse()
	if *olderThan <= 0 {
		fmt.Fprintln(os.Stderr, "api-token-audit: -older-than must be positive")
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *olderThan, *revoke, *revokeCurrent); err != nil {
		fmt.Fprintln(os.Stderr, "api-token-audit failed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, olderThan time.Duration, revoke, revokeCurrent bool) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	// The emulator's clock can be turned back, to seed tokens made long ago.
	var offset atomic.Int64
	clock := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	tgt, err := target.Open(os.Stdout, oktatest.WithClock(clock))
	if err != nil {
		return err
	}
	defer tgt.Close()
	if srv := tgt.Emulator; srv != nil {
		seed(srv, &offset)
		fmt.Println("seeded the emulator with API tokens last used 95, 40 and 3 days ago (it never renews expiry on use, so there last use = creation)")
	}
	tokens := tgt.Client.ApiTokenAPI

	start := time.Now()
	var stale []okta.ApiToken
	n := 0
	for t, err := range tokens.ListApiTokensAll(ctx, okta.ListApiTokensRequest{Limit: 200}) {
		if err != nil {
			return fmt.Errorf("listing API tokens: %w", err)
		}
		n++
		used := lastUse(t)
		verdict := "ok"
		switch {
		case used.IsZero():
			verdict = "unknown last use, left alone"
		case start.Sub(used) < inUseWindow:
			verdict = "in use now (may be this program's own token), left alone"
		case start.Sub(used) >= olderThan:
			verdict = "STALE"
			stale = append(stale, *t)
		}
		fmt.Printf("  %-20s %s  owner %s  last used ~%s (%s ago)  %s\n",
			strconv.Quote(t.Name), t.ID, t.UserID, used.Format(time.DateOnly), days(start.Sub(used)), verdict)
	}
	fmt.Printf("listed %d API token(s); %d not used for %s or more\n", n, len(stale), days(olderThan))

	if !revoke {
		if len(stale) > 0 {
			fmt.Printf("not revoking: pass -revoke to revoke the %d stale token(s)\n", len(stale))
		}
	} else {
		for _, t := range stale {
			if _, err := tokens.RevokeApiToken(ctx, okta.RevokeApiTokenRequest{ApiTokenID: t.ID}); err != nil {
				return fmt.Errorf("revoking token %s (%s): %w", t.ID, t.Name, err)
			}
			if _, _, err := tokens.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: t.ID}); !errors.Is(err, okta.ErrNotFound) {
				return fmt.Errorf("token %s is still there after revoking it (%v)", t.ID, err)
			}
			fmt.Printf("revoked token %s %q\n", t.ID, t.Name)
		}
		fmt.Printf("revoked %d stale token(s)\n", len(stale))
	}

	if revokeCurrent {
		if _, err := tokens.RevokeCurrentApiToken(ctx, okta.RevokeCurrentApiTokenRequest{}); err != nil {
			return fmt.Errorf("revoking this program's own token: %w", err)
		}
		fmt.Println("revoked the token this program ran with (-revoke-current); it can no longer call Okta")
	}
	return nil
}

// seed adds a service user and three of its tokens, created 95, 40 and 3
// days ago, by turning the emulator's clock back while creating them.
func seed(srv *oktatest.Server, offset *atomic.Int64) {
	defer offset.Store(0)
	bot := srv.AddUser("ci-bot@example.com")
	for _, tok := range []struct {
		name string
		age  int
	}{{"ci-deploy", 95}, {"terraform", 40}, {"grafana-sync", 3}} {
		offset.Store(int64(-time.Duration(tok.age) * 24 * time.Hour))
		srv.AddAPIToken(tok.name, bot)
	}
}

// lastUse estimates when a token was last used: Okta sets expiresAt to the
// last use plus tokenWindow. Without those, lastUpdated or created stands in.
func lastUse(t *okta.ApiToken) time.Time {
	if w, ok := parseWindow(t.TokenWindow); ok && !t.ExpiresAt.IsZero() {
		return t.ExpiresAt.Add(-w)
	}
	if !t.LastUpdated.IsZero() {
		return t.LastUpdated
	}
	return t.Created
}

var isoDuration = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// parseWindow reads the ISO-8601 durations Okta uses for tokenWindow, such
// as "P30D" or "PT12H".
func parseWindow(s string) (time.Duration, bool) {
	m := isoDuration.FindStringSubmatch(s)
	if m == nil || s == "P" {
		return 0, false
	}
	var d time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute, time.Second} {
		if m[i+1] != "" {
			v, err := strconv.Atoi(m[i+1])
			if err != nil {
				return 0, false
			}
			d += time.Duration(v) * unit
		}
	}
	return d, d > 0
}

// days prints a duration in days when it is that long, else as Go does.
func days(d time.Duration) string {
	if d >= 24*time.Hour {
		return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
	}
	return d.Round(time.Second).String()
}
