#!/usr/bin/env bash
# Runs Schemathesis (pinned, installed from PyPI into .tools/schemathesis) against the real service
# with every check, the stateful phase included, once per role. Starts the service itself on its own
# port and a throwaway data folder (so the demo data is fresh), and stops it at the end, pass or fail.
#
#   scripts/schemathesis.sh                                   # all five roles
#   SCHEMATHESIS_ROLES=job_coach,employer scripts/schemathesis.sh
#   SCHEMATHESIS_MAX_EXAMPLES=50 SCHEMATHESIS_PHASES=examples,coverage,fuzzing,stateful scripts/schemathesis.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
tools=${SCHEMATHESIS_HOME:-.tools/schemathesis}
port=${SCHEMATHESIS_PORT:-3971}
max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-4}
phases=${SCHEMATHESIS_PHASES:-examples,fuzzing,stateful}
all_roles=(young_person:sam@demo.example delegate:parent@demo.example job_coach:coach@demo.example employer:employer@demo.example provider_admin:admin@demo.example)
roles=()
for entry in "${all_roles[@]}"; do
  if [ -z "${SCHEMATHESIS_ROLES:-}" ] || [[ ",$SCHEMATHESIS_ROLES," == *",${entry%%:*},"* ]]; then roles+=("$entry"); fi
done
password=kettle-orchard-lantern
report_dir=${SCHEMATHESIS_REPORT_DIR:-.data/schemathesis}

if [ "$("$tools/bin/st" --version 2>/dev/null)" != "st, version $version" ]; then
  echo "installing schemathesis $version into $tools"
  rm -rf "$tools"
  python3 -m venv "$tools"
  "$tools/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

data_dir=$(mktemp -d "${TMPDIR:-/tmp}/schemathesis-data.XXXXXX")
mkdir -p "$report_dir"
npx tsc -p tsconfig.build.json
PORT=$port DATA_DIR=$data_dir NODE_ENV=development LOG_LEVEL=warn ACCESS_TOKEN_TTL_SECONDS=3600 \
  node dist/src/index.js >"$report_dir/service.log" 2>&1 &
service=$!
stop_service() {
  kill -TERM "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap stop_service EXIT

base=http://127.0.0.1:$port
for _ in $(seq 1 180); do
  if curl -fsS "$base/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$service" 2>/dev/null; then
    echo "the service did not start:" >&2
    cat "$report_dir/service.log" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS "$base/health/ready" >/dev/null

# Every token first: fuzzing the sign-in endpoint later trips its throttle for this address.
declare -A tokens
for entry in "${roles[@]}"; do
  role=${entry%%:*}
  email=${entry#*:}
  tokens[$role]=$(curl -fsS "$base/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | "$tools/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
done

failed=0
summary=()
for entry in "${roles[@]}"; do
  role=${entry%%:*}
  status=0
  "$tools/bin/st" --config-file scripts/schemathesis.toml run "$base/openapi.json" \
    --checks all --phases "$phases" \
    --max-examples "$max_examples" --workers 2 --seed 1 --no-color \
    -H "Authorization: Bearer ${tokens[$role]}" \
    --report json --report-json-path "$report_dir/$role.json" >"$report_dir/$role.log" 2>&1 || status=$?
  # Schemathesis's own closing line ("No issues found in 41.2s") reads to a log parser like a test runner that
  # ran no test, so its output stays in a file and the log gets one line per role (the whole output on failure).
  cases=$(grep -A1 -E '^Test cases:' "$report_dir/$role.log" | tail -n 1 | sed -E 's/^ +//')
  summary+=("schemathesis as $role: exit $status; test cases: ${cases:-none reported}; output in $report_dir/$role.log")
  if [ "$status" -ne 0 ]; then
    failed=1
    cat "$report_dir/$role.log"
  fi
done
printf '%s\n' "${summary[@]}"
exit $failed
