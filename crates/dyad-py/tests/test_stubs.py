"""The type stubs (`_dyad.pyi`) match the native module: mypy's stubtest compares every signature."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_stubs_match_the_native_module():
    allowlist = Path(__file__).with_name("stubtest-allowlist.txt")
    out = subprocess.run([sys.executable, "-m", "mypy.stubtest", "dyad._dyad", "--allowlist", str(allowlist),
                          "--ignore-unused-allowlist"],
                         capture_output=True, text=True, cwd=Path(__file__).parent, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
