"""Run one sync in a child process and stop at a checkpoint, so that a test can kill it or cut its connection.

    python sync_child.py LAPTOP.sqlite REMOTE_URL CHECKPOINT MARKER_FILE

At ``CHECKPOINT`` the child writes its pid into ``MARKER_FILE`` and waits until the file is removed (or 120 s);
then it carries on. Exit status 0 with the result as JSON, 2 with the German message of a ``UserError``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from odn_desktop.domain.errors import UserError
from odn_desktop.sync import engine


def main() -> int:
    db, remote, point, marker = sys.argv[1:5]

    def checkpoint(name: str) -> None:
        if name != point:
            return
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        deadline = time.monotonic() + 120
        while Path(marker).exists() and time.monotonic() < deadline:
            time.sleep(0.02)

    try:
        result = engine.sync(Path(db), remote, checkpoint=checkpoint)
    except UserError as exc:
        sys.stderr.write(exc.message + "\n")
        return 2
    sys.stdout.write(json.dumps(result.to_json()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
