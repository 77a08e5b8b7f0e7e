"""One async client shared by 500 concurrent calls against the mock over loopback: every call succeeds
with default settings (the CPU per call against sequential calls is ``make bench``'s, section concurrency)."""

from __future__ import annotations

import asyncio

from pilfer_client import AsyncPilferClient

from codegen.registry import api
from mocks import create_app
from mocks.server import serving_in_thread

TASKS = 500


def test_500_concurrent_calls_on_one_fresh_async_client_all_succeed():
    served = api("pilfer")

    async def run(url: str) -> list[str]:
        async with AsyncPilferClient(served.mock.token, base_url=url) as client:
            created = await asyncio.gather(*(client.create_space(name=f"n{n}") for n in range(TASKS)))
        return [space.name for space in created]

    with serving_in_thread(create_app(served.name, spaces=0)) as url:
        names = asyncio.run(run(url))
    assert names == [f"n{n}" for n in range(TASKS)]
