"""Live conformance probe: a bounded, read-only check that a spec is still true of the real API.

``python -m probe <name>`` (``make probe API=<name>``) sends only GET and HEAD requests, with path parameters
from the environment (the API's client parameters) or from earlier responses through the spec's OpenAPI
links, and reports every response that contradicts the spec.
"""
