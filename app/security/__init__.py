"""Keys and secrets: how the private store's data key is protected."""
