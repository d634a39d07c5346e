"""Own your data: export, import, encrypted backups and deleting everything.

Nothing here imports Qt. Every function takes the running ``Tend`` (or its
unlocked ``PrivateStore``) and does its file work directly, so callers run it
on a worker thread (the GUI) or straight away (the command line).
"""
