"""Release tooling: the breaking-change gate between spec versions and the changelog written from it."""
