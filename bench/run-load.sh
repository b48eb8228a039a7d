#!/usr/bin/env bash
# Load benchmark of Uppsikt on loopback: generates a register of the given scale (default storstad: 6,000 units),
# publishes the app (Release), starts it on that data and measures with wrk, side by side in one run,
#   (a) /health, the trivial endpoint the others are compared with,
#       and a static file for reference (the server's raw rate on this machine),
#   (b) GET /api/v1/units?page=1 with an API token,
#   (c) the unit list page /Register/Units?Page=3 with a signed-in cookie,
#   (d) the review list, as API and page (ten years of review history), and the timeline of the unit with the
#       longest history, as API and page.
# Targets: p95 latency under 50 ms for (b) and (c), under 100 ms for (d); no errors; throughput at least 5 % of the
# trivial endpoint's.
# Exits non-zero when a target is missed.
# Usage: bench/run-load.sh [nacka|storstad]   (DURATION=15s CONNECTIONS=32 THREADS=2 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-storstad}
duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
share_target=0.05

sudo_if_needed() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]} > 0)); then
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

work=$(mktemp -d)
app_pid=""
cleanup() {
    if [[ -n $app_pid ]]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== Publishing the app and building the generator (Release)"
web_dir="$work/app"
dotnet publish src/Uppsikt.Web -c Release -o "$web_dir" -warnaserror -nologo -v:q >/dev/null
dotnet build bench/Uppsikt.Bench -c Release -warnaserror -nologo -v:q >/dev/null

echo "== Generating $scale"
dotnet bench/Uppsikt.Bench/bin/Release/net10.0/Uppsikt.Bench.dll generate --scale "$scale" --data-folder "$work/data" | tee "$work/generated"
history_unit=$(grep -o 'history unit [0-9a-f-]*' "$work/generated" | awk '{ print $3 }')
[[ -n $history_unit ]] || { echo "The generator did not name its history unit." >&2; exit 1; }

# The app runs from its publish folder (its appsettings.json and wwwroot); the generator has already seeded.
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite Database__DataFolder="$work/data" Database__SeedDemoData=false
token=$(cd "$web_dir" && dotnet Uppsikt.Web.dll create-api-token --user kvalitet@uppsikt.example --name "Lastmätning")

port=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[[ -n $port ]] || { echo "No free port found." >&2; exit 1; }
base="http://127.0.0.1:$port"
(cd "$web_dir" && exec dotnet Uppsikt.Web.dll --urls "$base") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.5
done
curl -fsS "$base/health" >/dev/null

echo "== Signing in the page's user (admin@uppsikt.example)"
jar="$work/cookies"
antiforgery=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=admin@uppsikt.example" --data-urlencode "Password=Uppsikt-demo-2026" \
    --data-urlencode "__RequestVerificationToken=$antiforgery" "$base/Account/Login"
# All the jar's cookies as one header (the sign-in cookie, in chunks if it is large, and the antiforgery cookie).
cookie=$(awk '!/^# / && NF == 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
[[ $cookie == *uppsikt* ]] || { echo "Sign-in failed: no uppsikt cookie." >&2; exit 1; }

# Each endpoint must answer 200 with the real content before it is measured (wrk counts a redirect as a success).
check() { # url, expected text, curl options...
    local url=$1 expected=$2
    shift 2
    local body
    body=$(curl -fsS --max-redirs 0 "$@" "$url") || { echo "$url did not answer 200." >&2; exit 1; }
    grep -qF "$expected" <<<"$body" || { echo "$url did not contain \"$expected\"." >&2; exit 1; }
}
check "$base/health" "Healthy"
check "$base/api/v1/units?page=1" '"total":' -H "Authorization: Bearer $token"
check "$base/Register/Units?Page=3" "Sida 3 av" -H "Cookie: $cookie"
check "$base/api/v1/reviews?page=1" '"total":' -H "Authorization: Bearer $token"
check "$base/Reviews?Page=3" "Sida 3 av" -H "Cookie: $cookie"
check "$base/api/v1/units/$history_unit/timeline?page=1" '"total":' -H "Authorization: Bearer $token"
check "$base/Register/Units/Timeline/$history_unit" "Tidslinje" -H "Cookie: $cookie"

results="$work/results"
: >"$results"
measure() { # role (baseline, reference or target), p95 target in ms (- when none), label, path, wrk options...
    local role=$1 p95_target=$2 label=$3 path=$4
    shift 4
    echo "== $label: wrk -t$threads -c$connections -d$duration $path" >&2
    wrk -t"$threads" -c"$connections" -d3s "$@" "$base$path" >/dev/null # warm-up: JIT, caches, connection pool
    local line
    line=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s bench/latency.lua "$@" "$base$path" | grep '^RESULT')
    echo "$role|$p95_target|$label|$line" >>"$results"
}
measure baseline - "/health (trivial)" "/health"
measure reference - "static file /css/site.css" "/css/site.css"
measure target 50 "API /api/v1/units?page=1" "/api/v1/units?page=1" -H "Authorization: Bearer $token"
measure target 50 "page /Register/Units?Page=3" "/Register/Units?Page=3" -H "Cookie: $cookie"
measure target 100 "API /api/v1/reviews?page=1" "/api/v1/reviews?page=1" -H "Authorization: Bearer $token"
measure target 100 "page /Reviews?Page=3" "/Reviews?Page=3" -H "Cookie: $cookie"
measure target 100 "API unit timeline" "/api/v1/units/$history_unit/timeline?page=1" -H "Authorization: Bearer $token"
measure target 100 "page unit timeline" "/Register/Units/Timeline/$history_unit" -H "Cookie: $cookie"

echo
echo "Scale $scale; $threads threads, $connections connections, $duration per endpoint; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
awk -F'|' -v share_target="$share_target" '
    function field(line, name,    parts, i, kv) {
        split(line, parts, " ")
        for (i in parts) { split(parts[i], kv, "="); if (kv[1] == name) return kv[2] + 0 }
        return 0
    }
    {
        role[NR] = $1; target[NR] = $2; label[NR] = $3; rps[NR] = field($4, "rps"); p95[NR] = field($4, "p95_ms")
        errors[NR] = field($4, "http_errors") + field($4, "socket_errors")
        if ($1 == "baseline") baseline = rps[NR]
    }
    END {
        printf "| %-28s | %10s | %8s | %10s | %10s | %-6s |\n", "endpoint", "requests/s", "p95 ms", "p95 target", "vs /health", "result"
        printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------", "-----------:", "---------:", "-----------:", "-----------:", "--------"
        failed = 0
        for (i = 1; i <= NR; i++) {
            share = rps[i] / baseline
            result = "-"
            if (role[i] == "target") {
                ok = p95[i] < target[i] && errors[i] == 0 && share >= share_target
                result = ok ? "PASS" : "FAIL"
                if (!ok) failed = 1
            }
            printf "| %-28s | %10.0f | %8.1f | %10s | %9.1f%% | %-6s |\n", label[i], rps[i], p95[i], target[i] == "-" ? "-" : "< " target[i], 100 * share, result
        }
        printf "\nTargets: p95 below the target in its row, no errors, throughput >= %d%% of /health.\n", 100 * share_target
        exit failed
    }' "$results"
