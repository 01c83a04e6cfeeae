"""Everything Qt: start-up, windows, item models, dialogs. Nothing outside this package imports Qt.

Before any of it loads, PySide6's per-import source check is made one that keeps no source in memory
(``ui.infra.source_checks``: 19 MB and 30-70 ms at start-up when run from source).
"""

from odn_desktop.ui.infra import source_checks

source_checks.install()
