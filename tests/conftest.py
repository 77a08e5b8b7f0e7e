"""The testing kit's fixtures for this suite too (an installed kit loads them by its pytest11 entry point)."""

pytest_plugins = ["mocks.plugin"]
