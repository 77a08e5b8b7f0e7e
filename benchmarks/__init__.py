"""`make bench`: same-run ratios and medians for generation, client cost, pagination, prefetch, mocks."""
