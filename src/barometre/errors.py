"""The build's error and its fault-injection seam (shared by the build's steps)."""

from __future__ import annotations

import os

FAULT_ENV = "BAROMETRE_FAULT"


def fault_point(name: str) -> None:
    """Test seam for fault injection: ``BAROMETRE_FAULT=<name>`` kills the build right here,
    as a power cut or ``kill -9`` would (no cleanup, no exception handler runs)."""
    if os.environ.get(FAULT_ENV) == name:
        os.kill(os.getpid(), 9)


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""
