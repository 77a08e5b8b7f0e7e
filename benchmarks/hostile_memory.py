"""Section: peak memory of a client process reading hostile responses (a gzip bomb of 10 GiB, a 500 MB
body) against the same process making one normal call, served from this process over loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import chain, repeat

from benchmarks.harness import Figure
from tests.overlay.hostile import Behaviour, Connection, head, hostile_server, respond, zeros_gzip

CLIENT = """
import json, resource, sys
from pilfer_client import PilferClient
from vendor_clients import VendorClientError
with PilferClient("bench-token", base_url=sys.argv[1]) as client:
    try:
        client.list_spaces()
        outcome = "ok"
    except VendorClientError as error:
        outcome = type(error).__name__
print(json.dumps({"outcome": outcome, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""
MiB = 1024 * 1024


def gzip_bomb(gigabytes: int) -> Behaviour:
    def send(connection: Connection) -> None:
        blocks = chain([head(200, Content_Type="application/json", Content_Encoding="gzip")], zeros_gzip())
        connection.send_all(block for block, _ in zip(blocks, range(gigabytes * 1024 + 1), strict=False))

    return send


def big_body(megabytes: int) -> Behaviour:
    def send(connection: Connection) -> None:
        connection.send_all(chain([head(200, megabytes * MiB)], repeat(b" " * MiB, megabytes)))

    return send


def peak(behaviour: Behaviour) -> tuple[str, float]:
    """The client's outcome and its peak RSS in MiB."""
    with hostile_server(behaviour) as server:
        done = subprocess.run(
            [sys.executable, "-c", CLIENT, server.url],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
    report = json.loads(done.stdout)
    return report["outcome"], report["rss"] / MiB


def run(smoke: bool) -> list[Figure]:
    bomb, body = (1, 50) if smoke else (10, 500)
    _, baseline = peak(respond(200, b'{"data": []}'))
    rows = [Figure("hostile memory", "one normal call: peak RSS", baseline, "MiB")]
    for label, behaviour in ((f"{bomb} GiB gzip bomb", gzip_bomb(bomb)), (f"{body} MB body", big_body(body))):
        outcome, rss = peak(behaviour)
        rows += [
            Figure("hostile memory", f"{label}: peak RSS", rss, "MiB"),
            Figure("hostile memory", f"{label}: over a normal call", rss - baseline, "MiB", "<= 96 (3 x cap)",
                   outcome == "ResponseTooLargeError" and rss - baseline <= 96),
        ]  # fmt: skip
    return rows
