"""Before `make run`: is there a display, and are Qt's system libraries installed?

Prints one clear line instead of Qt's plugin traceback, and on Debian/Ubuntu installs
the missing libraries when run as root (else prints the exact apt-get command).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Debian package for each library the xcb platform plugin links against.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
}


def missing_libraries() -> list[str]:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists() or not shutil.which("ldd"):
        return []
    libs = [plugin, *(Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6XcbQpa.so*")]
    missing = set()
    for lib in libs:
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.add(line.split()[0])
    return sorted(missing)


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    missing = missing_libraries()
    if missing:
        pkgs = sorted({PACKAGES.get(m, m) for m in missing})
        cmd = ["apt-get", "install", "-y", *pkgs]
        if os.geteuid() == 0 and shutil.which("apt-get"):
            print(f"Installing Qt's system libraries: {' '.join(pkgs)}")
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            if subprocess.run(cmd, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}).returncode:
                print("Could not install them; run: sudo " + " ".join(cmd), file=sys.stderr)
                return 1
        else:
            print("Qt needs these system libraries; run: sudo " + " ".join(cmd), file=sys.stderr)
            return 1
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not platform and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print(
            "No display: set DISPLAY (or run under 'xvfb-run make run'), "
            "or use 'diptych report A B -o out.pdf' which needs none.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
