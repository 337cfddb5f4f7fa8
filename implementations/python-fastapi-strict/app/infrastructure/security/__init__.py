"""Token and password adapters."""
