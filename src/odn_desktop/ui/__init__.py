"""Everything Qt: start-up, windows, item models, dialogs. Nothing outside this package imports Qt.

With PySide6 loaded, its per-import source check is made one that keeps no source in memory
(``odn_desktop.source_checks``: 19 MB and 30-70 ms at start-up when run from source).
"""

import PySide6.QtCore  # noqa: F401  # loads PySide6's feature module (and its import hook)

from odn_desktop import source_checks

source_checks.install()
