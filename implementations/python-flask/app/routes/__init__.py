"""One blueprint per endpoint group of the contract."""
