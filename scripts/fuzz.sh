#!/usr/bin/env bash
# `make fuzz`: start its own mocks on ports the system picks (never a server it did not start, such as a
# running `make mock`), run the schemathesis CLI against every spec (all phases incl. stateful, all checks),
# stop the mocks. Exit 1 when schemathesis finds a failure (the failing cases are printed above the
# summary), 2 when the campaign cannot run (the reason is printed), else 0.
# Usage: scripts/fuzz.sh BIN_DIR   (environment: SEED, FUZZ_EXAMPLES, FUZZ_SPECS: a folder of specs,
# FUZZ_REPORTS: the folder of the reports, default reports; FUZZ_JOBS: APIs fuzzed at once, default one per core)
set -euo pipefail

bin=$1
specs=${FUZZ_SPECS:-specs}
reports=${FUZZ_REPORTS:-reports}
seed=${SEED:-$RANDOM$RANDOM}
examples=${FUZZ_EXAMPLES:-1000}
mkdir -p "$reports"
rm -f "$reports"/fuzz-*.xml
contract() { "$bin/python" -m mocks.contract --specs "$specs" "$@"; }
# Credentials and pinned scope parameters come from the registry (mocks/contract.py).
contract settings "$reports/schemathesis.toml" || { echo "fuzz: no schemathesis settings (see above)" >&2; exit 2; }

"$bin/python" -m mocks --free-ports --specs "$specs" >"$reports/fuzz-ports.txt" 2>"$reports/fuzz-mock.log" &
mock_pid=$!
logs=$(mktemp -d)
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null || true; rm -rf "$logs"' EXIT
# The mocks print "NAME PORT" per API, then an empty line, once every port listens.
until grep -sqx '' "$reports/fuzz-ports.txt"; do
    if ! kill -0 "$mock_pid" 2>/dev/null; then
        echo "fuzz: the mocks did not start:" >&2
        cat "$reports/fuzz-mock.log" >&2
        exit 2
    fi
    sleep 0.1
done
mapfile -t served < <(grep . "$reports/fuzz-ports.txt")
# A spec the mocks could not serve is that spec's failure alone.
grep -h 'cannot be served' "$reports/fuzz-mock.log" >&2 && status=1 || status=0

echo "fuzz seed: $seed (replay with SEED=$seed make fuzz), $examples examples per operation"
run() {  # run LABEL SPEC URL [schemathesis options...]: with the settings of its API alone
    local label=$1 spec=$2 url=$3
    shift 3
    echo "== $label"
    "$bin/schemathesis" --config-file "$reports/schemathesis-$api.toml" run "$spec" --url "$url" --checks all \
        --max-examples "$examples" --seed "$seed" \
        --report junit --report-junit-path "$reports/fuzz-${label//[^A-Za-z0-9_-]/_}.xml" "$@" ||
        echo "$label" >>"$logs/$api.failed"
}
campaign() {  # campaign API PORT: every run of one API, one after another (its stateful phase stays serial)
    api=$1
    local url="http://127.0.0.1:$2" spec="$specs/$1.yaml"
    # One API's settings per file: schemathesis picks a project by the spec's title, which specs may share.
    contract --api "$api" settings "$reports/schemathesis-$api.toml"
    run "$api" "$spec" "$url" --phases examples,coverage,stateful
    # Fuzzing gets a run per operation: run together with coverage, schemathesis 4.32.5 stopped
    # some operations' fuzzing after about a hundred cases.
    mapfile -t operations < <(contract operations "$api")
    for operation in "${operations[@]}"; do
        run "$api $operation" "$spec" "$url" --phases fuzzing --include-name "$operation"
    done
}
# APIs run side by side, FUZZ_JOBS at a time (default: one per core), each against its own mock; each
# one's output is printed whole, in the order of the APIs, once it is done.
jobs_max=${FUZZ_JOBS:-$(nproc)}
pids=()
for line in "${served[@]}"; do
    while (($(jobs -rp | wc -l) > jobs_max)); do wait -n || true; done  # the mocks are one of the jobs
    campaign "${line% *}" "${line#* }" >"$logs/${line% *}.log" 2>&1 &
    pids+=($!)
done
failed=()
for index in "${!served[@]}"; do
    api=${served[index]% *}
    wait "${pids[index]}" || failed+=("$api (its campaign stopped, see above)")
    cat "$logs/$api.log"
    [[ -f $logs/$api.failed ]] && mapfile -t -O "${#failed[@]}" failed <"$logs/$api.failed"
done
echo "fuzz seed: $seed; JUnit reports in $reports/fuzz-*.xml"
if ((${#failed[@]})); then
    printf 'fuzz: failures in %s\n' "${failed[@]}" >&2
    status=1
fi
exit $status
