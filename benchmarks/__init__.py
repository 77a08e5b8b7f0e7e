"""`make bench`: same-run ratios and medians for generation, client overhead, pagination, prefetch and mocks."""
