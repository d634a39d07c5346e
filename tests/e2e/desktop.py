"""A real desktop for end-to-end tests: an X server, a window manager, real input.

``Desktop`` starts Xvfb (on a display number it picks itself) and openbox, so
windows are stacked, focused and activated as on a person's screen. Input goes
through ``xdotool`` (XTEST: the X server sees real key presses); what is on
screen is read back the way a person reads it, from a screenshot of the whole
screen (Pillow's X grab) through OCR (tesseract). Nothing here reaches into
Tend's process.

``make test`` installs the Debian packages this needs as root (tools/sysdeps.sh);
without them these tests fail under ``TEND_REQUIRE_E2E=1`` and skip otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

TOOLS = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "xprop": "x11-utils",
    "openbox": "openbox",
    "tesseract": "tesseract-ocr",
}
APT_LINE = "sudo apt-get install -y " + " ".join(sorted(set(TOOLS.values())))
SCREEN = (1280, 800)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class StepFailed(AssertionError):
    """A step didn't see what a person would have seen in time."""


# Ways of reading a screenshot, tried in turn until a phrase is found: tesseract's
# automatic page layout, then its "sparse text" mode, then the inverted picture (light
# words on a dark ground: a highlighted menu item, a primary button).
READINGS = (("3", False), ("11", False), ("3", True))


class Screen:
    """What the screen showed at one moment: a screenshot, read by OCR when first asked,
    and the title of the active window."""

    def __init__(self, image: Path, title: str, workdir: Path) -> None:
        self.image = image
        self.title = title
        self._workdir = workdir
        self._texts: dict[tuple[str, bool], str] = {}

    @property
    def text(self) -> str:
        return self._read(READINGS[0])

    def _read(self, reading: tuple[str, bool]) -> str:
        if reading not in self._texts:
            psm, inverted = reading
            self._texts[reading] = _ocr(self.image, self._workdir, psm, inverted=inverted)
        return self._texts[reading]

    def titled(self, title: str) -> bool:
        """The active window is ``title`` (Qt adds " — Tend" to a dialog's own title)."""
        return self.title in (title, f"{title} — Tend")

    def has(self, phrase: str) -> bool:
        wanted = _squash(phrase)
        return any(wanted in _squash(self._read(reading)) for reading in READINGS)


def _ocr(image: Path, workdir: Path, psm: str, *, inverted: bool) -> str:
    from PIL import Image, ImageOps

    # Grey and twice the size: tesseract then reads small and coloured text too.
    with Image.open(image) as shot:
        grey = shot.convert("L")
    big = grey.resize((grey.width * 2, grey.height * 2), Image.Resampling.LANCZOS)
    if inverted:
        big = ImageOps.invert(big)
    for_ocr = workdir / ("ocr-inverted.png" if inverted else "ocr.png")
    big.save(for_ocr)
    out = subprocess.run(
        ["tesseract", str(for_ocr), "-", "--psm", psm],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout


def _squash(text: str) -> str:
    """Lower case, letters and digits only: OCR varies in spaces and punctuation."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


class Desktop:
    def __init__(self, workdir: Path, size: tuple[int, int] = SCREEN) -> None:
        self.workdir = workdir
        self.size = size
        self.shots = workdir / "screens"
        self.shots.mkdir(parents=True, exist_ok=True)
        self._shot_count = 0
        read_fd, write_fd = os.pipe()
        with (workdir / "xvfb.log").open("wb") as log:
            self._xvfb = self._start_xvfb(write_fd, log)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start (see xvfb.log)")
        self.display = f":{number}"
        with (workdir / "openbox.log").open("wb") as log:
            self._wm = subprocess.Popen(
                ["openbox", "--sm-disable"], env=self.env(), stdout=subprocess.DEVNULL, stderr=log
            )
        self._wait_for_window_manager()

    def _start_xvfb(self, write_fd: int, log: IO[bytes]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{self.size[0]}x{self.size[1]}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )

    # -- environment ----------------------------------------------------------------
    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        """The process environment of a program on this desktop (no offscreen Qt)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
        env["DISPLAY"] = self.display
        env.update(extra or {})
        return env

    def _wait_for_window_manager(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            out = subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                env=self.env(),
                capture_output=True,
                text=True,
                check=False,
            )
            if "window id" in out.stdout:
                return
            time.sleep(0.1)
        raise RuntimeError("the window manager did not start (see openbox.log)")

    def close(self) -> None:
        for proc in (self._wm, self._xvfb):
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    # -- input ------------------------------------------------------------------------
    def xdotool(self, *args: str) -> str:
        out = subprocess.run(
            ["xdotool", *args], env=self.env(), capture_output=True, text=True, check=False
        )
        return out.stdout.strip()

    def key(self, *keys: str) -> None:
        """Press and release each key in turn, e.g. ``key("Tab", "ctrl+Return")``."""
        for name in keys:
            self.xdotool("key", "--clearmodifiers", name)
            time.sleep(0.12)  # a person's pace; Qt sees each press on its own

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "25", "--clearmodifiers", text)
        time.sleep(0.1)

    # -- output -----------------------------------------------------------------------
    def active_title(self) -> str:
        return self.xdotool("getactivewindow", "getwindowname")

    def window_ids(self, title: str) -> list[str]:
        found = self.xdotool("search", "--onlyvisible", "--name", f"^{re.escape(title)}$")
        return found.split()

    def screenshot(self, name: str = "screen") -> Path:
        from PIL import ImageGrab

        self._shot_count += 1
        path = self.shots / f"{self._shot_count:03d}-{name}.png"
        ImageGrab.grab(xdisplay=self.display).save(path)
        return path

    def look(self, name: str = "screen") -> Screen:
        return Screen(self.screenshot(name), self.active_title(), self.workdir)

    def wait_for(
        self,
        what: str,
        seen: Callable[[Screen], bool],
        timeout: float = 15.0,
        *,
        unless: Iterable[str] = (),
    ) -> Screen:
        """Look until ``seen(screen)``; fail after ``timeout`` s with the last screenshot.

        ``unless``: phrases that must not be on screen at that moment (e.g. a busy state).
        """
        deadline = time.monotonic() + timeout
        screen = self.look(_slug(what))
        while True:
            if seen(screen) and not any(screen.has(p) for p in unless):
                return screen
            if time.monotonic() > deadline:
                raise StepFailed(
                    f"waited {timeout:.0f} s for {what}; the screen showed {screen.image} "
                    f"(active window {screen.title!r}); it read:\n{screen.text.strip()[:800]}"
                )
            time.sleep(0.3)
            screen = self.look(_slug(what))

    def wait_for_text(self, *phrases: str, timeout: float = 15.0, **kw: Iterable[str]) -> Screen:
        """Wait until every phrase is on screen."""
        return self.wait_for(
            " and ".join(repr(p) for p in phrases),
            lambda s: all(s.has(p) for p in phrases),
            timeout,
            **kw,
        )

    def wait_for_title(self, title: str, timeout: float = 10.0) -> Screen:
        """Wait until the active (focused) window is the one called ``title``."""
        return self.wait_for(
            f"the {title!r} window to be active", lambda s: s.titled(title), timeout
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "screen"
