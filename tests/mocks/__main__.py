"""``python -m tests.mocks``: serve both mocks on loopback (``make mock``) and print how to call them.

Ports come from PILFER_MOCK_PORT (default 4010) and LIGHTHOUSE_MOCK_PORT (default 4011).
"""

from __future__ import annotations

import asyncio
import contextlib
import os

from starlette.applications import Starlette

from tests.mocks import lighthouse, pilfer
from tests.mocks.server import HOST, loopback_server, serve_forever


def served_apps() -> tuple[Starlette, Starlette]:
    """The Pilfer and Lighthouse apps ``make mock`` serves (1500 workspaces: the page's id 1234 exists)."""
    return pilfer.create_app(spaces=25), lighthouse.create_app(size=1500)


def main() -> None:
    """Print base URLs, tokens, scope ids and curl lines, then serve until Ctrl-C."""
    pilfer_port = int(os.environ.get("PILFER_MOCK_PORT", "4010"))
    lighthouse_port = int(os.environ.get("LIGHTHOUSE_MOCK_PORT", "4011"))
    pilfer_url, lighthouse_url = f"http://{HOST}:{pilfer_port}", f"http://{HOST}:{lighthouse_port}"
    spaces = f"{pilfer_url}/api/v1/spaces?organizationId={pilfer.ORG_ID}"
    workspaces = (
        f"{lighthouse_url}/lighthouse/orgs/{lighthouse.ORG_ID}/businesses/{lighthouse.BUSINESS_ID}/workspaces"
    )
    print(
        f"Pilfer     {pilfer_url}\n"
        f"  token {pilfer.TOKEN}  organizationId {pilfer.ORG_ID}  (403: {pilfer.FOREIGN_ORG_ID})\n"
        f'  curl -H "Authorization: Bearer {pilfer.TOKEN}" "{spaces}"\n'
        f"Lighthouse {lighthouse_url}\n"
        f"  token {lighthouse.TOKEN}  org_id {lighthouse.ORG_ID}  business_id {lighthouse.BUSINESS_ID}"
        f"  (403: org {lighthouse.FOREIGN_ORG_ID})\n"
        f'  curl -H "Authorization: Bearer {lighthouse.TOKEN}" "{workspaces}?page_size=2"\n',
        flush=True,
    )
    pilfer_app, lighthouse_app = served_apps()
    servers = [loopback_server(pilfer_app, pilfer_port), loopback_server(lighthouse_app, lighthouse_port)]
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(servers))


if __name__ == "__main__":
    main()
