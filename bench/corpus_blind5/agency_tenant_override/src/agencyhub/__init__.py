"""Agency tooling: our own portal plus client portals we report on."""
