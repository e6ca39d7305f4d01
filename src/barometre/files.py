"""Writing files so that a reader (a browser, the next build, Sphinx) never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all, with the mode a plain write gives (``mkstemp`` makes its file
    readable by its owner only: the published PDF and archive page were unreadable to a web server)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes | str) -> bool:
    """Write only when the content differs (Sphinx then rebuilds only what changed)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    atomic_write(path, data)
    return True


def swap_link(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` with one atomic rename (readers never see a half state)."""
    link.parent.mkdir(parents=True, exist_ok=True)
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), tmp)
    os.replace(tmp, link)


def special_kind(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file or a folder, as a message names it: "a symbolic
    link", "a named pipe (FIFO)", "a device", "a socket"; None for a regular file, a folder or nothing.
    Checked with ``lstat``, so nothing is opened (reading a FIFO would wait forever for a writer)."""
    import stat

    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def special_entries(folder: Path) -> list[tuple[Path, str]]:
    """Every entry under ``folder`` that is not a regular file or a folder (symbolic links included,
    never followed), with its kind; sorted."""
    found = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(top) / name
            kind = special_kind(path)
            if kind:
                found.append((path, kind))
    return sorted(found)
