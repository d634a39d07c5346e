"""The private store: one SQLCipher database per person, encrypted as a whole."""
