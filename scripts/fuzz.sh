#!/usr/bin/env bash
# `make fuzz`: start the `make mock` servers on loopback, run the schemathesis CLI against each spec
# (all phases incl. stateful, all checks), stop the servers, exit non-zero on any failure.
# Usage: scripts/fuzz.sh BIN_DIR   (environment: SEED, FUZZ_EXAMPLES, PILFER_MOCK_PORT, LIGHTHOUSE_MOCK_PORT)
set -euo pipefail

bin=$1
seed=${SEED:-$RANDOM$RANDOM}
examples=${FUZZ_EXAMPLES:-1000}
export PILFER_MOCK_PORT=${PILFER_MOCK_PORT:-4010} LIGHTHOUSE_MOCK_PORT=${LIGHTHOUSE_MOCK_PORT:-4011}
mkdir -p reports

"$bin/python" -m tests.mocks >reports/fuzz-mock.log 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null || true' EXIT

for port in "$PILFER_MOCK_PORT" "$LIGHTHOUSE_MOCK_PORT"; do
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue 2
        kill -0 "$mock_pid" 2>/dev/null || { cat reports/fuzz-mock.log; exit 1; }
        sleep 0.1
    done
    echo "mock on port $port did not start" >&2
    exit 1
done

echo "fuzz seed: $seed (replay with SEED=$seed make fuzz), $examples examples per operation"
status=0
run() {  # run NAME SPEC URL [schemathesis options...]
    local name=$1 spec=$2 url=$3
    shift 3
    echo "== $name"
    "$bin/schemathesis" run "$spec" --url "$url" --checks all --max-examples "$examples" --seed "$seed" \
        --report junit --report-junit-path "reports/fuzz-$name.xml" "$@" || status=1
}
for api in $("$bin/python" -m codegen.registry); do
    port_var=${api^^}_MOCK_PORT
    url="http://127.0.0.1:${!port_var}" spec="specs/$api.yaml"
    run "$api" "$spec" "$url" --phases examples,coverage,stateful
    # Fuzzing gets a run per operation: run together with coverage, schemathesis 4.32.5 stopped
    # some operations' fuzzing after about a hundred cases.
    for operation in $("$bin/python" -c 'import sys, yaml
for item in yaml.safe_load(open(sys.argv[1]))["paths"].values():
    for op in item.values():
        if isinstance(op, dict) and "operationId" in op:
            print(op["operationId"])' "$spec"); do
        run "$api-$operation" "$spec" "$url" --phases fuzzing --include-operation-id "$operation"
    done
done
echo "fuzz seed: $seed; JUnit reports in reports/fuzz-*.xml"
exit $status
