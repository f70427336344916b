"""Render a report in headless Chromium (Debian's `chromium`) and read back what it shows."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Appended to a copy of the page: once everything has loaded, it writes what the browser laid
# out (tables, plot sizes, decoded pictures) into the DOM, which --dump-dom prints.
CHECK_SCRIPT = """<script>
window.addEventListener("load", () => {
  const images = [...document.images];
  const check = {tables: [...document.querySelectorAll("table")].map(t => t.id),
                 rows: document.querySelectorAll("tbody tr").length,
                 plots: [...document.querySelectorAll("figure svg")].map(s => s.getBoundingClientRect().height),
                 images: images.length,
                 decoded: images.filter(i => i.complete && i.naturalWidth > 0).length};
  const out = document.createElement("pre");
  out.id = "render-check";
  out.textContent = JSON.stringify(check);
  document.body.appendChild(out);
});
</script>"""


def chromium_binary() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("no chromium or chromium-browser binary on PATH (apt-get install chromium)")
    return binary


def render(report: Path, work_dir: Path) -> tuple[dict, str]:
    """(what the page laid out, Chromium's console messages) for ``report``."""
    page = work_dir / "render.html"
    page.write_text(report.read_text().replace("</body>", CHECK_SCRIPT + "</body>"))
    result = subprocess.run([chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu",
                             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                             f"--user-data-dir={work_dir / 'profile'}", "--dump-dom", page.as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="render-check">(.*?)</pre>', result.stdout, re.S)
    assert found, "the page did not finish loading in Chromium"
    console = "\n".join(line for line in result.stderr.splitlines() if "CONSOLE" in line)
    return json.loads(found.group(1).replace("&quot;", '"')), console
