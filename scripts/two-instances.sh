#!/usr/bin/env bash
# Two instances of Uppsikt on one PostgreSQL database behind nginx, on loopback (issue 11, deliverable 7):
#  1. a session signed in through instance A continues through instance B, forms included (shared data-protection keys);
#  2. signing out through B ends the session on A too;
#  3. nginx spreads requests over both and every one is answered;
#  4. a job scheduled every 15 seconds on both instances runs once per scheduled time (decision 0040), and no mail is
#     written twice.
# Needs nginx (Debian package nginx-light) and a PostgreSQL server: pass a connection string that may create databases,
#   scripts/two-instances.sh "Host=127.0.0.1;Port=5432;Username=postgres"
# It creates a database of its own and drops it afterwards. Prints PASS or FAIL per check; exits 1 on any FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:?"Give a PostgreSQL connection string, for example \"Host=127.0.0.1;Port=5432;Username=postgres\""}
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }

work=$(mktemp -d)
database="uppsikt_two_$RANDOM$RANDOM"
pids=()
value() { tr ';' '\n' <<<"$server" | sed -n "s/^$1=//Ip" | head -1; }
pg_host=$(value Host); pg_port=$(value Port); pg_user=$(value Username); export PGPASSWORD=$(value Password)
sql() { psql -q -t -A -h "$pg_host" -p "${pg_port:-5432}" -U "$pg_user" "$@"; }
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    sql -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

echo "== Building"
dotnet build src/Uppsikt.Web -c Release -nologo -v:q -o "$work/app" >/dev/null
sql -d postgres -c "CREATE DATABASE \"$database\"" >/dev/null

# What both instances share: the database, the files and mail folders, the audit key.
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Postgres Database__SeedDemoData=true Database__DataFolder="$work/data"
export ConnectionStrings__Uppsikt="$server;Database=$database"
export Audit__CurrentKeyId=two Audit__Keys__two=$(head -c 32 /dev/urandom | base64)
export Cycle__Reminders__Schedule="0/15 * * * * ?"
mkdir -p "$work/data"
dotnet "$work/app/Uppsikt.Web.dll" migrate >/dev/null

port_a=$(free_port); port_b=$(free_port); port_n=$(free_port)
start() { # name port
    ASPNETCORE_URLS="http://127.0.0.1:$2" dotnet "$work/app/Uppsikt.Web.dll" >"$work/$1.log" 2>&1 &
    pids+=($!)
}
start a "$port_a"
sleep 5 # the first instance seeds the demo data; the second then finds it there
start b "$port_b"
for port in "$port_a" "$port_b"; do
    for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
done

mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream uppsikt { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; }
    server {
        listen 127.0.0.1:$port_n;
        location / { proxy_pass http://uppsikt; proxy_set_header Host \$host; }
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work/nginx"

failures=0
check() { # description, then the test command
    local description=$1; shift
    if "$@"; then echo "PASS $description"; else echo "FAIL $description"; failures=$((failures + 1)); fi
}
jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
status() { curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$@"; }

login_token=$(curl -s -c "$jar" "http://127.0.0.1:$port_a/Account/Login" | token)
signed_in=$(status -X POST "http://127.0.0.1:$port_a/Account/Login" \
    --data-urlencode "Email=kvalitet@uppsikt.example" --data-urlencode "Password=Uppsikt-demo-2026" --data-urlencode "__RequestVerificationToken=$login_token")
check "sign-in through A" test "$signed_in" = 302
check "the session continues through B" test "$(status "http://127.0.0.1:$port_b/Register/Units")" = 200

notifications=$(curl -s -b "$jar" "http://127.0.0.1:$port_a/Account/Notifications")
saved=$(status -X POST "http://127.0.0.1:$port_b/Account/Notifications" \
    --data-urlencode "Frequency=DailyDigest" --data-urlencode "__RequestVerificationToken=$(token <<<"$notifications")")
check "a form fetched from A is saved through B" test "$saved" = 302

through_nginx=$(for _ in $(seq 20); do status "http://127.0.0.1:$port_n/Register/Units"; echo; done | sort | uniq -c | tr -s ' ')
check "20 requests through nginx all answered 200 ($through_nginx)" test "$(tr -d ' ' <<<"$through_nginx")" = 20200
logged=$(grep -c '" 200 ' "$work/nginx/access.log" || true)
check "nginx logged the requests" test "$logged" -ge 20

echo "   waiting 40 s for the job scheduled every 15 s to come round on both instances"
sleep 40
runs=$(sql -d "$database" -c "SELECT count(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'JobLease' AND \"After\" LIKE '%CycleReminders%'")
distinct=$(sql -d "$database" -c "SELECT count(DISTINCT (\"After\"::jsonb)->>'ScheduledAt') FROM \"AuditEntries\" WHERE \"EntityType\" = 'JobLease' AND \"After\" LIKE '%CycleReminders%'")
skipped=$(cat "$work/a.log" "$work/b.log" | grep -c "Job CycleReminders scheduled at .* not here" || true)
check "the job ran $runs times for $distinct scheduled times; the other instance stood aside $skipped times" \
    test "$runs" -ge 2 -a "$runs" = "$distinct" -a "$skipped" -ge 1
mails=$(find "$work/data/mail" -name '*.eml' 2>/dev/null | wc -l)
unique=$(find "$work/data/mail" -name '*.eml' -exec sh -c 'grep -m1 "^To:" "$1"; grep -m1 "^Subject:" "$1"' _ {} \; 2>/dev/null | paste - - | sort -u | wc -l)
check "$mails mails written, none twice" test "$mails" = "$unique"

cp "$jar" "$work/cookies-before"
signed_out=$(status -X POST "http://127.0.0.1:$port_b/Account/Logout" --data-urlencode "__RequestVerificationToken=$(curl -s -b "$jar" "http://127.0.0.1:$port_b/" | token)")
check "sign-out through B" test "$signed_out" = 302
check "the ended session is refused by A" test "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies-before" "http://127.0.0.1:$port_a/Register/Units")" = 302

echo "$failures failed checks"
((failures == 0))
