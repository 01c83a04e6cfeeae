"""Copy the manual into the package, so that it ships with the program (Hilfe › Handbuch, F1), and check it.

    python scripts/build_manual.py           # docs/manual -> src/odn_desktop/resources_manual
    python scripts/build_manual.py --check   # exit 1 when the package's copy is not what a build would write

The source is ``docs/manual``: the chapters ``NN-*.md`` (German Markdown, in the order of their numbers) and the
pictures in ``images/`` (rendered from the demo by scripts/render_screenshots.py, which runs this script
afterwards). The package gets the chapters and the pictures they show, byte for byte (git stores each picture
once); the window renders the Markdown itself (Qt's QTextBrowser). The copy is committed, like the compiled forms
of scripts/build_ui.py: an installed or frozen program has no docs folder. ``docs/manual/README.md`` is the
table of contents for reading the manual in the repository and is not shipped.

Checked: every chapter begins with a "# " heading, every link to a chapter and every picture exists.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "manual"
TARGET = ROOT / "src" / "odn_desktop" / "resources_manual"
CHAPTER_PATTERN = "[0-9][0-9]-*.md"
#: Markdown links and pictures with a relative target: ](target) – the target up to a space or ")"
_LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)[^)]*\)")


def chapter_files(folder: Path = SOURCE) -> list[Path]:
    return sorted(folder.glob(CHAPTER_PATTERN))


def links(chapter: Path) -> list[tuple[bool, str]]:
    """(is a picture, target) of every relative link of ``chapter`` (web and mail links left out)."""
    text = chapter.read_text(encoding="utf-8")
    return [(bang == "!", target.split("#", 1)[0]) for bang, target in _LINK.findall(text)
            if not re.match(r"[a-z]+:", target) and not target.startswith("#")]


def problems(folder: Path = SOURCE) -> list[str]:
    """What is wrong with the manual in ``folder`` (German-free: for the developer); empty when fine."""
    found = []
    files = chapter_files(folder)
    if not files:
        found.append(f"no chapters ({CHAPTER_PATTERN}) in {folder}")
    for chapter in files:
        if not chapter.read_text(encoding="utf-8").startswith("# "):
            found.append(f"{chapter.name}: does not begin with a '# ' heading")
        for picture, target in links(chapter):
            if not (folder / target).is_file():
                found.append(f"{chapter.name}: {'picture' if picture else 'link'} {target} not found")
            elif not picture and not re.fullmatch(CHAPTER_PATTERN.replace("*", ".*").replace("[0-9]", r"\d"),
                                                  Path(target).name):
                found.append(f"{chapter.name}: link {target} is not a chapter (the window cannot show it)")
    return found


def shipped(folder: Path = SOURCE) -> dict[str, bytes]:
    """What the package gets: relative path -> content (the chapters and the pictures they show)."""
    files: dict[str, bytes] = {}
    for chapter in chapter_files(folder):
        files[chapter.name] = chapter.read_bytes()
        for picture, target in links(chapter):
            if picture and (folder / target).is_file():
                files[Path(target).as_posix()] = (folder / target).read_bytes()
    return files


def packaged(target: Path = TARGET) -> dict[str, bytes]:
    """What the package's copy holds now."""
    if not target.is_dir():
        return {}
    return {path.relative_to(target).as_posix(): path.read_bytes() for path in sorted(target.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def build(source: Path = SOURCE, target: Path = TARGET) -> list[str]:
    """Write the package's copy (stale files removed); the relative paths written."""
    wanted = shipped(source)
    if target.exists():
        shutil.rmtree(target)
    for name, content in wanted.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return sorted(wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the copy is stale")
    args = parser.parse_args(argv)
    found = problems()
    for problem in found:
        print(f"build_manual: {problem}", file=sys.stderr)
    if found:
        return 1
    if args.check:
        stale = sorted(set(shipped()).symmetric_difference(packaged())
                       | {n for n, c in shipped().items() if packaged().get(n, c) != c})
        for name in stale:
            print(f"build_manual: {name} differs; run python scripts/build_manual.py", file=sys.stderr)
        return 1 if stale else 0
    written = build()
    print(f"build_manual: {len(written)} files in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
