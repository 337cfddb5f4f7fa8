"""One router module per endpoint group; handlers call one use case each."""
