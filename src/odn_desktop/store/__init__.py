"""Persistence: schema, engine and session setup, migrations and backups. Knows SQL, not Qt or files."""

# The schema first, whichever store module is imported: ``models`` completes the metadata by importing
# ``sync_models``, ``mail_models`` and ``wish_models`` at its end, and those import ``models`` — importing one of
# them first (``import odn_desktop.store.mail_models`` in a fresh process) would meet a half-built ``models``.
from . import models as _models  # noqa: F401
