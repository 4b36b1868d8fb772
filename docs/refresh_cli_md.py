"""Run every command of docs/cli.md again and put what it printed in its output block.

Run: ``.venv/bin/python docs/refresh_cli_md.py`` (from the project root, with
``../shared`` beside it for the broken-input example).

The commands run one after another, as a reader would type them, in a fresh
home directory (so the first search builds its index) and a scratch working
directory; files the commands write stay there. The home directory is shown
as "~" and the folder evalsearch is installed from as "…/evalsearch", a failed
command ends with "[exit N]", and lines longer than
``WIDTH`` characters are cut with "…", as the page says.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "cli.md"
SHARED = ROOT.parent / "shared"
#: longest line shown whole
WIDTH = 160

_EXAMPLE = re.compile(r"(```bash\n(?P<command>.*?)\n```\n\n```output\n)(?P<output>.*?)(\n```)", re.S)


def _scratch(base: Path) -> Path:
    """A working directory with ../shared beside it whose folders are new (so outputs land in base)."""
    work = base / "work"
    work.mkdir()
    for folder in SHARED.iterdir():
        if folder.is_dir():
            (base / "shared" / folder.name).mkdir(parents=True)
            for item in folder.iterdir():
                (base / "shared" / folder.name / item.name).symlink_to(item)
    return work


def _run(command: str, work: Path, home: Path) -> str:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", COLUMNS="100")
    env.pop("EVALSEARCH_INDEX", None)
    done = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True)
    text = (done.stderr + done.stdout).replace(str(home), "~").replace(str(ROOT), "…/evalsearch").rstrip("\n")
    lines = [line if len(line) <= WIDTH else line[:WIDTH] + " …" for line in text.splitlines()]
    if done.returncode:
        lines.append(f"[exit {done.returncode}]")
    return "\n".join(lines)


def refresh(page: Path = PAGE) -> str:
    """The page with every example's output as the command prints it now."""
    with tempfile.TemporaryDirectory(prefix="evalsearch-docs-") as tmp:
        base = Path(tmp)
        home = base / "home"
        home.mkdir()
        work = _scratch(base)

        def replace(match: re.Match) -> str:
            print(f"$ {match['command']}", file=sys.stderr)
            return match.group(1) + _run(match["command"], work, home) + match.group(4)

        return _EXAMPLE.sub(replace, page.read_text(encoding="utf-8"))


if __name__ == "__main__":
    text = refresh()
    partial = PAGE.with_suffix(".md.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(PAGE)
