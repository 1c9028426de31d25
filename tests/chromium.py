"""Headless Chromium for the web-page export's tests, driven over its DevTools pipe (no extra package)."""

import json
import os
import shutil
import subprocess
import time
from typing import Any

import pytest


def chromium_or_skip() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    pytest.skip("no Chromium here (Debian/Ubuntu: apt-get install chromium): the web page's network is checked by "
                "ONNX Runtime in the export itself, its browser part only where Chromium is installed")


class Chromium:
    """One headless browser tab: open a page, run JavaScript in it (software WebGL, as on a machine without a GPU)."""

    def __init__(self, executable: str, profile: str):
        ours_read, its_write = os.pipe()
        its_read, ours_write = os.pipe()
        # --remote-debugging-pipe talks on the browser's fds 3 (in) and 4 (out): JSON messages ended by NUL. bash, not
        # sh: dash redirects only single-digit fds, and the test runner's are higher.
        command = (f"exec '{executable}' --headless --no-sandbox --no-first-run --user-data-dir='{profile}' "
                   "--use-angle=swiftshader --enable-unsafe-swiftshader --remote-debugging-pipe about:blank "
                   f"3<&{its_read} 4>&{its_write}")
        self._process = subprocess.Popen(["bash", "-c", command], pass_fds=(its_read, its_write),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(its_read)
        os.close(its_write)
        self._read, self._write, self._buffer, self._last_id = ours_read, ours_write, b"", 0
        self._session = None
        tab = next(t["targetId"] for t in self._call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self._call("Target.attachToTarget", targetId=tab, flatten=True)["sessionId"]
        self._call("Page.enable")  # scripts to run before a page's own take effect only with it

    def open(self, url: str, timeout: float = 60, first: str | None = None) -> None:
        """Open `url` in the tab; `first`: JavaScript to run in the page before any of its own."""
        added = self._call("Page.addScriptToEvaluateOnNewDocument", source=first)["identifier"] if first else None
        try:
            self._call("Page.navigate", url=url)
            self.wait_for(f"document.readyState === 'complete' && location.href === {json.dumps(url)}", timeout)
        finally:
            if added:
                self._call("Page.removeScriptToEvaluateOnNewDocument", identifier=added)

    def evaluate(self, expression: str) -> Any:
        """The value of `expression` (a promise is awaited); a JavaScript error fails the test with its text."""
        reply = self._call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise AssertionError(details.get("exception", {}).get("description") or details.get("text"))
        return reply["result"].get("value")

    def wait_for(self, expression: str, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        while not (value := self.evaluate(expression)):
            assert time.monotonic() < deadline, f"waited {timeout} s for: {expression}"
            time.sleep(0.2)
        return value

    def screenshot(self, path, width: int, height: int) -> None:
        """The page as a user at a window of width x height sees it, saved as PNG."""
        import base64

        self._call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        path.write_bytes(base64.b64decode(self._call("Page.captureScreenshot", format="png")["data"]))

    def drop(self, path) -> None:
        """Drop the photo at `path` on the element with id "drop", as a user dragging it from a folder does."""
        self.evaluate(f"(() => {{ const dropped = new DataTransfer(); dropped.items.add({file_in_page(path)}); "
                      "document.getElementById('drop').dispatchEvent(new DragEvent('drop', "
                      "{dataTransfer: dropped, bubbles: true, cancelable: true})); })()")

    def close(self) -> None:
        self._process.kill()
        self._process.wait()
        os.close(self._read)
        os.close(self._write)

    def _call(self, method: str, **params) -> dict:
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params}
        if self._session:
            message["sessionId"] = self._session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._write, data):]
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._last_id:
                    assert "error" not in reply, reply["error"]
                    return reply["result"]
            chunk = os.read(self._read, 1 << 20)
            assert chunk, "Chromium closed its DevTools pipe"
            self._buffer += chunk


def file_in_page(path) -> str:
    """A JavaScript expression for a File holding `path`'s bytes, as a drop or a file chooser gives one."""
    import base64

    data = base64.b64encode(path.read_bytes()).decode()
    return (f"(() => {{ const text = atob('{data}'); const bytes = new Uint8Array(text.length); "
            "for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i); "
            f"return new File([bytes], {json.dumps(path.name)}, {{type: 'image/jpeg'}}); }})()")
