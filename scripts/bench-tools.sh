#!/usr/bin/env bash
# `make bench`: install what the Prism comparison needs, best effort; benchmarks/prism.py reports the
# comparison as skipped, with the reason, when a tool is still missing.
#   wrk   (the load generator): Debian's package, installed with apt-get when missing
#   Prism (@stoplight/prism-cli, pinned): npm, into .bench/prism (gitignored)
set -uo pipefail

PRISM_VERSION=5.16.0
prefix=.bench/prism

if ! command -v wrk >/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || echo "bench: could not install wrk" >&2
    else
        echo "bench: wrk missing and apt-get unavailable (not root?)" >&2
    fi
fi

if [ ! -x "$prefix/node_modules/.bin/prism" ] ||
    [ "$(cat "$prefix/version" 2>/dev/null)" != "$PRISM_VERSION" ]; then
    if command -v npm >/dev/null; then
        mkdir -p "$prefix"
        if npm install --silent --no-audit --no-fund --prefix "$prefix" "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null 2>&1; then
            echo "$PRISM_VERSION" >"$prefix/version"
        else
            echo "bench: npm could not install @stoplight/prism-cli@$PRISM_VERSION" >&2
        fi
    else
        echo "bench: npm missing, Prism comparison will be skipped" >&2
    fi
fi
exit 0
