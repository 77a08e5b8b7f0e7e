"""Stateful in-memory mock servers for the Pilfer and Lighthouse APIs (Starlette apps).

``tests.mocks.pilfer`` and ``tests.mocks.lighthouse`` each expose ``create_app()``; the shared
plumbing (errors, request parsing, routing, serving) lives beside them. ``python -m tests.mocks``
serves both on loopback.
"""
