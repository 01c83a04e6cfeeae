"""Shared fixtures: a real, migrated SQLite file per test; Qt runs offscreen for the whole session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")

from odn_desktop.store.open import Database, open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "odn test ä.sqlite"  # spaces and umlauts, as in Windows user folders


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def german_translators(qapp: Any) -> Any:
    """The window's translators as the program installs them at start (German: the counts' singular forms)."""
    from odn_desktop.ui.shell.language import install_translators

    install_translators(qapp, "de")
    return qapp


@pytest.fixture
def demo_db(db: Database) -> Database:
    from odn_desktop.services.demo import load_demo
    from odn_desktop.store.database import transaction

    with transaction(db.sessions) as session:
        load_demo(session)
    return db
