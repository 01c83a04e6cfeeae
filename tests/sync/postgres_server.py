"""A throw-away PostgreSQL server for tests and benchmarks: initdb into a temporary folder, pg_ctl start on a free
loopback port (unix sockets in the same folder), databases created from a template and dropped again.

PostgreSQL refuses to run as root; as root the server runs as the ``postgres`` system user (Debian's package
creates it) and the folder is handed to that user. For tests durability is switched off (``fsync=off``): the data
is thrown away anyway, and the tests care about transactions, not about surviving a power cut; benchmarks keep
PostgreSQL's defaults (``start(durable=True)``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

SUPERUSER = "odn"


def find_bindir() -> Path | None:
    """The folder holding initdb/pg_ctl/postgres: $ODN_PG_BINDIR, Debian's versioned folder, or PATH."""
    candidates: list[str] = []
    if os.environ.get("ODN_PG_BINDIR"):
        candidates.append(os.environ["ODN_PG_BINDIR"])
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).parent))
    for folder in candidates:
        if all(shutil.which(tool, path=folder) for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _is_root() -> bool:
    return getattr(os, "geteuid", lambda: -1)() == 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    """One server for a whole test session (or benchmark run)."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.run_as: str | None = None
        if _is_root():
            import pwd

            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root, but there is no 'postgres' user to run the server") from exc
            self.run_as = "postgres"
        self.base = Path(tempfile.mkdtemp(prefix="odn-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self.log = self.base / "server.log"

    def _tool(self, name: str) -> str:
        return shutil.which(name, path=str(self.bindir)) or str(self.bindir / name)

    def _cmd(self, *args: str) -> list[str]:
        cmd = list(args)
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return cmd

    def start(self, *, durable: bool = False) -> TempPostgres:
        """``durable=True`` keeps PostgreSQL's default fsync/commit settings (for benchmark figures)."""
        if self.run_as:
            import pwd

            entry = pwd.getpwnam(self.run_as)
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
        subprocess.run(
            self._cmd(self._tool("initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync"),
            check=True, capture_output=True, timeout=120,
        )
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c max_connections=60"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            self._cmd(self._tool("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                      "-w", "-t", "60", "start"),
            check=True, capture_output=True, timeout=120,
        )
        return self

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            subprocess.run(self._cmd(self._tool("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"),
                           capture_output=True, timeout=60)
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres", *, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        deadline = time.monotonic() + 10
        while True:
            try:
                with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                                     autocommit=True) as conn:
                    conn.execute(sql)  # type: ignore[arg-type]
                return
            except psycopg.errors.ObjectInUse:  # a killed client's backend may linger for a moment
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def create_database(self, template: str = "template0") -> str:
        name = f"odn_{uuid.uuid4().hex[:12]}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
