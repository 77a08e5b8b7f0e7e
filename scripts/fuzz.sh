#!/usr/bin/env bash
# `make fuzz`: start the `make mock` servers on loopback, run the schemathesis CLI against every spec of the
# registry (all phases incl. stateful, all checks), stop the servers, exit non-zero on any failure.
# Usage: scripts/fuzz.sh BIN_DIR   (environment: SEED, FUZZ_EXAMPLES, <NAME>_MOCK_PORT)
set -euo pipefail

bin=$1
seed=${SEED:-$RANDOM$RANDOM}
examples=${FUZZ_EXAMPLES:-1000}
mkdir -p reports
# Tokens and pinned scope parameters come from the registry (mocks/contract.py).
"$bin/python" -m mocks.contract reports/schemathesis.toml

"$bin/python" -m mocks >reports/fuzz-mock.log 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null || true' EXIT

mapfile -t served < <("$bin/python" -m mocks --ports)
for line in "${served[@]}"; do
    port=${line#* }
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
    "$bin/schemathesis" --config-file reports/schemathesis.toml run "$spec" --url "$url" --checks all \
        --max-examples "$examples" --seed "$seed" \
        --report junit --report-junit-path "reports/fuzz-$name.xml" "$@" || status=1
}
for line in "${served[@]}"; do
    api=${line% *} port=${line#* }
    url="http://127.0.0.1:$port" spec="specs/$api.yaml"
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
