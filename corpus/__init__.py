"""``make corpus CORPUS=<folder>``: will these OpenAPI documents work here? Each document of the folder,
alone in a scratch folder, is taken stage by stage through the pipeline (validate, generate, import, a
method per operation, one call per operation against ``httpx.MockTransport``, the mock engine, contract
fuzzing), and reported as a table with one line of reason per failure."""
