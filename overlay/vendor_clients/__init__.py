"""Auth, pagination, typed errors, retries and timeouts over the generated Pilfer and Lighthouse clients."""
