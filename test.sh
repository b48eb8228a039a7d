#!/usr/bin/env bash
# Runs every test of Uppsikt on a fresh Debian 12 machine that has the .NET SDK and PostgreSQL 15:
# installs what is missing, builds with warnings as errors, checks the formatting, runs every project under tests/ on SQLite,
# then the web tests again on a throwaway PostgreSQL cluster, and prints "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset UPPSIKT_TEST_POSTGRES # the first run is on SQLite whatever the caller's shell says

PG_BIN=/usr/lib/postgresql/15/bin
CHROMIUM=/usr/bin/chromium

# Each step is timed; the run ends with the time each took, so a slow step shows in CI's log.
step_name="" step_start=0 step_times=()
minutes() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
step() {
    if [[ -n $step_name ]]; then
        step_times+=("$(printf '%8s  %s' "$(minutes $((SECONDS - step_start)))" "$step_name")")
    fi
    step_name=$1 step_start=$SECONDS
    [[ -z $1 ]] || echo "== $1"
}

sudo_if_needed() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages, only when absent ------------------------------------------------------------
missing=()
[[ -x $CHROMIUM ]] || missing+=(chromium)
[[ -x $PG_BIN/initdb ]] || missing+=(postgresql-15)
if ((${#missing[@]} > 0)); then
    step "Installing ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Build -------------------------------------------------------------------------------------------
step "Restoring tools and building"
dotnet tool restore
dotnet build Uppsikt.slnx -warnaserror -nologo -v:q
step "Checking the code's formatting"
if ! dotnet format Uppsikt.slnx --verify-no-changes --no-restore -v:q; then
    echo "The code's formatting differs from .editorconfig (listed above): run 'dotnet format Uppsikt.slnx' and commit." >&2
    echo "0 passed, 1 failed"
    exit 1
fi

shopt -s nullglob
test_projects=(tests/*/*.csproj)
if ((${#test_projects[@]} == 0)); then
    echo "No test project under tests/." >&2
    echo "0 passed, 0 failed"
    exit 1
fi
for project in "${test_projects[@]}"; do
    grep -qF "$project" Uppsikt.slnx || dotnet build "$project" -warnaserror -nologo -v:q
done

# --- Throwaway PostgreSQL 15 cluster -----------------------------------------------------------------
work=$(mktemp -d)
results="$work/results"
mkdir -p "$results"
pg="$work/pg"
mkdir -p "$pg"
chown postgres: "$pg" 2>/dev/null || sudo_if_needed chown postgres: "$pg"
chmod 755 "$work"
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
pg_started=false
cleanup() {
    if $pg_started; then
        as_postgres "$PG_BIN/pg_ctl" -D "$pg/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "Starting PostgreSQL 15"
as_postgres "$PG_BIN/initdb" -D "$pg/data" -A trust -U postgres >/dev/null
# A free port chosen now (never 5432); if another process takes it first, try another.
for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        continue # something listens there already
    fi
    if as_postgres "$PG_BIN/pg_ctl" -D "$pg/data" -l "$pg/log" -w \
        -o "-p $port -k $pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
        pg_started=true
        break
    fi
done
if ! $pg_started; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$pg/log" >&2 || true
    exit 1
fi
echo "   listening on 127.0.0.1:$port"

# --- Tests -------------------------------------------------------------------------------------------
failures=0
run_tests() { # project, results file name
    step "dotnet test $1 ($2)"
    if ! dotnet test "$1" --no-build --nologo --logger "trx;LogFileName=$2.trx" --results-directory "$results"; then
        failures=$((failures + 1))
    elif [[ ! -f $results/$2.trx ]]; then
        # A run that was stopped from outside can end with status 0 and no results: that is not a pass.
        echo "The run $2 left no results." >&2
        failures=$((failures + 1))
    fi
}

for project in "${test_projects[@]}"; do
    run_tests "$project" "$(basename "$project" .csproj)-sqlite"
done

web_tests=tests/Uppsikt.Web.Tests/Uppsikt.Web.Tests.csproj
if [[ -f $web_tests ]]; then
    UPPSIKT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
        run_tests "$web_tests" "Uppsikt.Web.Tests-postgres"
fi

# --- Summary: the TRX counters of every run, added up ---------------------------------------------
counter() { # name: the sum of that counter over all TRX files
    local sum=0 value
    for trx in "$results"/*.trx; do
        value=$(grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]\+" || echo 0)
        sum=$((sum + value))
    done
    echo "$sum"
}
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
if ((failures > 0 && failed == 0)); then
    echo "A test run failed without a failed test in its results (a crash or a time-out?); see above." >&2
    failed=$failures
fi
step ""
echo "== Time per step"
printf '%s\n' "${step_times[@]}"
printf '%8s  in all\n' "$(minutes "$SECONDS")"
echo "$passed passed, $failed failed"
((failed == 0 && passed > 0))
