"""The whole schema: every model module, in one metadata, and the list of synced tables.

``store.models`` holds the core tables; the tables of other concerns import it and live beside it (sync
bookkeeping, mail and data protection, topic wishes). Whatever needs every table imports this module: Alembic's
environment and comparison (``migrations/env.py``, ``migrate.schema_differences``) and the sync
(``sync.tables``). Code that only queries some tables imports their modules and stays light: ``store/__init__``
imports no models at all (start-up paints the window before SQLAlchemy's ORM is loaded).
"""

from __future__ import annotations

# isort: off
# The order is the order the tables were added to the metadata before the split: sync bookkeeping first
# (its ``server_seq`` indexes cover the core tables), then mail, then wishes.
from . import sync_models as sync_models
from . import mail_models as mail_models
from . import wish_models as wish_models
# isort: on
from .models import CORE_SYNCED_MODELS, Base, SyncedMixin, dirty_index

#: Every synced table, parents before children: the order the sync writes them in.
SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    *CORE_SYNCED_MODELS,
    *mail_models.MAIL_SYNCED_MODELS,
    *wish_models.WISH_SYNCED_MODELS,
)

#: one partial index per synced table on the rows carrying the change marker (``models.dirty_index``)
DIRTY_INDEXES = tuple(dirty_index(model) for model in SYNCED_MODELS)

#: The metadata of every table (Alembic's target).
METADATA = Base.metadata
