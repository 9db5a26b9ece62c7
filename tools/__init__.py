"""Project tooling that is not part of the runtime package (test-corpus generators)."""
