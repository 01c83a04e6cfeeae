"""Offline-first sync of the laptop's SQLite file with the team's shared database (DESIGN.md §5, issue 6).

No Qt here. ``engine.sync(db, url)`` runs one sync; ``engine.status``/``engine.resolve`` need no server. The
modules, from the bottom: ``tables`` (what is synced, in which stored form), ``merge`` (three-way field merge of
one row, pure), ``local`` and ``server`` (the two databases), ``apply`` (pull into the laptop's file),
``reconcile`` (duplicates and seats after a pull), ``erasure`` (an erasure or anonymisation of a person wins over
concurrent edits), ``conflicts`` (kept until the coordinator decides),
``credentials`` (the password in the OS keyring), ``engine`` (one run, start to end).
"""
