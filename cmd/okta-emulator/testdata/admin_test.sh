#!/usr/bin/env bash
# Drives okta-emulator's admin API with curl, as a test written in another
# language would: faults, a rate limit, an OAuth service app registered by
# its public JWK and used at the token endpoint, and shutdown on SIGTERM.
#
# Usage: cmd/okta-emulator/testdata/admin_test.sh [path/to/okta-emulator]
# Without an argument it builds the binary with `go build`. Needs bash and
# curl; without curl it says so and exits 0 (the Go test
# TestBinaryAdminAPI drives the same steps with net/http).
set -euo pipefail

if ! command -v curl >/dev/null 2>&1; then
  echo "admin_test.sh: curl not found: skipped (go test ./cmd/okta-emulator covers the same steps)"
  exit 0
fi

tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "admin_test.sh: FAIL: $*" >&2
  if [ -f "$tmp/err" ]; then sed 's/^/  emulator: /' "$tmp/err" >&2; fi
  exit 1
}

bin=${1:-}
if [ -z "$bin" ]; then
  root=$(cd "$(dirname "$0")/../../.." && pwd)
  (cd "$root" && go build -o "$tmp/okta-emulator" ./cmd/okta-emulator)
  bin=$tmp/okta-emulator
fi

"$bin" -h >/dev/null 2>&1 || fail "okta-emulator -h did not exit 0"

"$bin" -addr 127.0.0.1:0 -admin-token shell-admin-secret >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do
  if [ "$(wc -l <"$tmp/out")" -ge 3 ]; then break; fi
  sleep 0.1
done
ORG=$(sed -n 's/^OKTA_CLIENT_ORGURL=//p' "$tmp/out")
TOKEN=$(sed -n 's/^OKTA_CLIENT_TOKEN=//p' "$tmp/out")
ADMIN=$(sed -n 's/^OKTA_EMULATOR_ADMIN_TOKEN=//p' "$tmp/out")
[ -n "$ORG" ] && [ -n "$TOKEN" ] || fail "the emulator did not print its URL and token"
[ "$ADMIN" = shell-admin-secret ] || fail "the emulator printed admin token '$ADMIN'"

# call METHOD PATH AUTHORIZATION [JSON BODY] [more curl arguments]: sets
# $status; the body is in $tmp/body, the headers in $tmp/headers.
call() {
  local method=$1 path=$2 auth=$3 data=${4:-}
  shift 3
  if [ $# -gt 0 ]; then shift; fi
  local args=(-sS --max-time 10 -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method" -H "Authorization: $auth")
  if [ -n "$data" ]; then args+=(-H 'Content-Type: application/json' --data "$data"); fi
  status=$(curl "${args[@]}" "$@" "$ORG$path") || fail "curl $method $path failed"
}
expect() {
  [ "$status" = "$1" ] || fail "$2: status $status, want $1: $(cat "$tmp/body")"
}
body_has() {
  grep -q -- "$1" "$tmp/body" || fail "$2: the body lacks $1: $(cat "$tmp/body")"
}
header_has() {
  tr -d '\r' <"$tmp/headers" | grep -qi -- "^$1" || fail "$2: no header '$1' in: $(cat "$tmp/headers")"
}

echo "-- the admin API refuses requests without its token"
call GET /_emulator/requests "Bearer wrong-secret"; expect 401 "wrong admin token"
call GET /_emulator/requests "SSWS $TOKEN"; expect 401 "API token on the admin API"
call GET /_emulator/requests "Bearer $TOKEN"; expect 401 "API token as the admin token"

echo "-- faults"
call POST /_emulator/faults "Bearer $ADMIN" '{"operation":"GetApplication","status":503}'
expect 400 "an unknown operation"
body_has 'did you mean' "an unknown operation"
call POST /_emulator/faults "Bearer $ADMIN" '{"operation":"listApplications","status":503,"times":1}'
expect 204 "a fault"
call GET /api/v1/apps "SSWS $TOKEN"; expect 503 "the faulted request"
body_has '"errorCode":"E0000009"' "the faulted request"
call GET /api/v1/apps "SSWS $TOKEN"; expect 200 "the request after the fault"
call GET '/_emulator/requests?operation=listApplications' "Bearer $ADMIN"; expect 200 "requests"
body_has '"count":2' "requests"

echo "-- a rate limit"
call POST /_emulator/rate-limits "Bearer $ADMIN" '{"bucket":"/api/v1/apps","limit":1,"window":"1m"}'
expect 204 "a rate limit"
call GET /api/v1/apps "SSWS $TOKEN"; expect 200 "the request within the limit"
header_has 'X-Rate-Limit-Remaining: 0' "the request within the limit"
call GET /api/v1/apps "SSWS $TOKEN"; expect 429 "the request over the limit"
body_has '"errorCode":"E0000047"' "the request over the limit"
call DELETE /_emulator/rate-limits "Bearer $ADMIN"; expect 204 "resetting rate limits"
call GET /api/v1/apps "SSWS $TOKEN"; expect 200 "the request after the reset"

echo "-- an OAuth 2.0 service app registered by its public key"
# The assertion below was signed once by the private half of this JWK, for
# the audience http://okta-emulator.test/oauth2/v1/token, valid for the
# first hour of 2030: the script sets the emulator's clock there and names
# that host, so no key or signing tool is needed here.
client=0oaShellClient000001
jwk='{"use":"sig","kty":"EC","crv":"P-256","alg":"ES256","x":"lYehWJkwW0QBABfd-3KZQN2KDKCWA09yKDQF3Jh4Cfs","y":"xg0Bxhvqr6CgLsyVHLz49dDO7KfoS4YgiLkAKkWH41Y"}'
assertion=eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwOi8vb2t0YS1lbXVsYXRvci50ZXN0L29hdXRoMi92MS90b2tlbiIsImV4cCI6MTg5MzQ1OTU0MCwiaWF0IjoxODkzNDU2MDAwLCJpc3MiOiIwb2FTaGVsbENsaWVudDAwMDAwMSIsImp0aSI6InNoZWxsLXRlc3QtYXNzZXJ0aW9uLTEiLCJzdWIiOiIwb2FTaGVsbENsaWVudDAwMDAwMSJ9.vBGR6pQALQVY9Q1gsi281iD0LApqMPgNI01OptZ60mpLT15f3rS-WKzVPP9XbdGRSDHq3v7iuja1p5vwtep4WQ
token_request() {
  call POST /oauth2/v1/token "" "" -H 'Host: okta-emulator.test' \
    --data-urlencode grant_type=client_credentials --data-urlencode scope=okta.apps.read \
    --data-urlencode client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
    --data-urlencode "client_assertion=$assertion"
}
call POST /_emulator/clock "Bearer $ADMIN" '{"now":"2030-01-01T00:00:30Z"}'; expect 200 "setting the clock"
token_request; expect 401 "a token request before the client is registered"
body_has 'invalid_client' "a token request before the client is registered"
call POST /_emulator/clients "Bearer $ADMIN" "{\"clientId\":\"$client\",\"jwk\":$jwk,\"scopes\":[\"okta.apps.read\"]}"
expect 201 "registering the client"
token_request; expect 200 "a token request"
access=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$tmp/body")
[ -n "$access" ] || fail "no access_token in $(cat "$tmp/body")"
call GET /api/v1/apps "Bearer $access"; expect 200 "a call with the access token"
call GET /api/v1/api-tokens "Bearer $access"; expect 403 "a call outside the token's scopes"

echo "-- SIGTERM ends the emulator, even with a stalled request open"
exec 3<>"/dev/tcp/127.0.0.1/${ORG##*:}"
printf 'POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{' >&3
sleep 0.2
kill -TERM "$pid"
for _ in $(seq 100); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then fail "the emulator still runs 10 s after SIGTERM"; fi
code=0
wait "$pid" || code=$?
pid=""
exec 3>&-
[ "$code" = 0 ] || fail "the emulator exited with $code after SIGTERM"
echo "admin_test.sh: PASS"
