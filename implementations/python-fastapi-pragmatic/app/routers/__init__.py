"""One router module per endpoint group of docs/contract.md."""
