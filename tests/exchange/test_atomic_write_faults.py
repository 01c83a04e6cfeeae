"""A workbook that cannot be written completely (the process may not write files beyond 32 KB: a real size limit,
no root needed) ends in the German message – without zipfile's "Exception ignored … Traceback" on the console
and without a file left behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path

    from openpyxl import Workbook

    from odn_desktop.domain.errors import UserError
    from odn_desktop.exchange.atomic_write import atomic_write

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write beyond the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (32_000, 32_000))
    book = Workbook()
    for i in range(3000):
        book.active.append([f"Teilnehmerin {i}", f"person{i}@kommune-{i}.example", i * 7919 % 1000003])
    try:
        with atomic_write(Path(sys.argv[1])) as fh:
            book.save(fh)
    except UserError as exc:
        print(exc.message)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_workbook_cut_off_by_a_size_limit_leaves_no_traceback_and_no_file(tmp_path: Path) -> None:
    script = tmp_path / "write.py"
    script.write_text(SCRIPT, encoding="utf-8")
    target = tmp_path / "Anmeldungen.xlsx"
    done = subprocess.run([sys.executable, str(script), str(target)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Die Datei „{target}“ konnte nicht geschrieben werden")
    assert done.stderr == ""  # before: "Exception ignored in: <function ZipFile.__del__ …> Traceback …"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["write.py"]
