"""The testing kit's fixtures for this suite too (an installed kit loads them by its pytest11 entry point),
and the contract suite's end-of-run summary (a plugin, so that an xdist controller, which collects no test
module, loads it too)."""

pytest_plugins = ["mocks.plugin", "tests.contract.summary"]
