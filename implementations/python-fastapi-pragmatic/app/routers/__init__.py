"""One router module per endpoint group of libs/contract/README.md."""
