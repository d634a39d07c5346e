"""Dialogs shared by pages (security: passphrase, recovery code, keyring)."""
