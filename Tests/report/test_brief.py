"""The board brief (`brief.html` in every `phm run` folder, the first part of `report.html`):
printed to PDF by headless Chromium it takes at most two A4 pages; at 800 px wide its board table
is fully visible (no column cut off or scrolled out of view); every number in its table equals
summary.json to the rounding shown.

Run from the repository root after `swift build`: python3 -m pytest Tests/report/test_brief.py -q
Needs Debian's chromium and pypdf (both installed by `make test-setup`).
"""

import html as htmllib
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from test_report import chromium  # the same browser the report checks use

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build/debug/phm"))
SCENARIOS = ["upstream-shift", "ics-core20plus5", "pphmi-fund", "frailty-cohort"]


def flags(tmp_path):
    return [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
            "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}"]


@pytest.fixture(scope="module", params=SCENARIOS)
def folder(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("brief")
    result = subprocess.run([str(PHM), "run", str(ROOT / f"Scenarios/{request.param}.yaml"), "--draws", "40", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    return Path(result.stdout.strip().splitlines()[-1][len("report: "):]).parent


def test_brief_is_in_the_folder_and_opens_the_report(folder):
    manifest = json.loads((folder / "manifest.json").read_text())
    assert "brief.html" in json.dumps(manifest), "the seal lists brief.html"
    brief, report = (folder / "brief.html").read_text(), (folder / "report.html").read_text()
    headings = re.findall(r"<h2>(.*?)</h2>", brief)
    assert headings[:3] == ["The answer", "Board table", "Deaths, life-years and unmet demand"]
    assert "Who gains" in headings and "When does it pay back?" in headings
    assert re.findall(r"<h2>(.*?)</h2>", report)[:len(headings)] == headings, "report.html opens with the brief"
    assert '<section class="appendix">' in report and '<section class="appendix">' not in brief
    assert "chart-demand" not in brief and 'id="demand-' not in brief, "demand charts go to the appendix"


def test_brief_prints_on_at_most_two_a4_pages(folder, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pdf = tmp_path / "brief.pdf"
    result = subprocess.run(flags(tmp_path) + [f"--print-to-pdf={pdf}", "--no-pdf-header-footer", (folder / "brief.html").as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    pages = pypdf.PdfReader(pdf).pages
    assert 1 <= len(pages) <= 2, f"the brief prints on {len(pages)} pages"
    width, height = (float(v) for v in pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297), "A4"


# Writes, for each table, its width against the width it has to fit in, into the page.
PROBE = """<script>
addEventListener('load', () => {
  const tables = [...document.querySelectorAll('table')].map(t => {
    const box = t.getBoundingClientRect(), holder = t.parentElement;
    const cells = [...t.querySelectorAll('th, td')].map(c => c.getBoundingClientRect())
      .filter(r => r.width > 0).map(r => r.right);
    return {right: box.right, scroll: holder.scrollWidth, client: holder.clientWidth,
            cellRight: Math.max(...cells), hidden: getComputedStyle(t).display === 'none'};
  });
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({viewport: innerWidth, page: document.documentElement.scrollWidth, tables});
  document.body.appendChild(pre);
});
</script>"""


@pytest.mark.parametrize("page", ["brief.html", "report.html"])
def test_board_table_fully_visible_at_800_px(folder, tmp_path, page):
    probed = tmp_path / "probed.html"
    probed.write_text((folder / page).read_text().replace("<head>", "<head>\n" + PROBE, 1))
    dom = subprocess.run(flags(tmp_path) + ["--window-size=800,2000", "--dump-dom", probed.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    probe = json.loads(htmllib.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S).group(1)))
    assert probe["viewport"] == 800
    assert probe["page"] <= 800, "nothing on the page is wider than the window"
    assert probe["tables"], "the page has tables"
    for table in probe["tables"]:
        assert not table["hidden"]
        assert table["scroll"] <= table["client"], table
        assert table["right"] <= 800 and table["cellRight"] <= 800, table


NUMBER = re.compile(r"[+−-]?£?[\d,]*\.?\d+[mk]?")


def value(text):
    """'+£2.18m' → (2180000.0, half a unit of the last digit shown); '−0.00546' → (−0.00546, 5e-6)."""
    text = text.replace("−", "-").replace(",", "")
    scale = {"m": 1e6, "k": 1e3}.get(text[-1], 1)
    digits = text.rstrip("mk").replace("£", "").replace("+", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits) * scale, 0.5 * 10 ** -decimals * scale


def close(text, expected):
    shown, tolerance = value(text)
    assert abs(shown - expected) <= tolerance * (1 + 1e-9), f"{text} shows {expected}"


def test_every_number_in_the_brief_table_equals_summary_json(folder):
    summary = json.loads((folder / "summary.json").read_text())
    brief = (folder / "brief.html").read_text()
    table = re.search(r"<h2>Board table</h2>.*?<table[^>]*>(.*?)</table>", brief, re.S).group(1)
    header = [htmllib.unescape(re.sub(r"<.*?>", "", h)) for h in re.findall(r"<th[^>]*>(.*?)</th>", table)]
    rows = [[htmllib.unescape(re.sub(r"<.*?>", " ", c)).split() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)]
    options = {o["name"]: o for o in summary["options"]}
    net = summary["health_headline"] == "net_of_opportunity_cost"
    checked = 0
    for cells in rows:
        option = options[" ".join(cells[0])]
        if option.get("incremental") is None:
            assert all(c == ["–"] for c in cells[1:])
            continue
        numbers = {h: NUMBER.findall(" ".join(c)) for h, c in zip(header, cells)}
        increment = option["incremental"]
        health = next(h for h in header if h.startswith("QALYs gained") and "gross" not in h)
        assert ("net of opportunity cost" in health) == net
        for shown, key in zip(numbers[health], ["mean", "low", "high"]):
            close(shown, increment["net_health"][key])
        if net:
            close(numbers["QALYs gained, gross"][0], increment["qalys"]["mean"])
        close(numbers["Δcost"][0], increment["cost"]["mean"])
        close(numbers[next(h for h in header if h.startswith("NMB"))][0], option["economics"]["nmb"]["mean"])
        close(numbers[next(h for h in header if h.startswith("P(CE"))][0], option["economics"]["probability_cost_effective_vs_base"])
        for shown, key in zip(numbers["Δdeaths (95% interval)"], ["mean", "low", "high"]):
            close(shown, increment["deaths"][key])
        close(numbers[f"Δdeaths {summary['groups'][0]}"][0], option["groups"][0]["incremental_deaths"]["mean"])
        close(numbers["Δunmet demand"][0], option["harms"]["unmet"]["mean"])
        gap = next(h for h in header if h.startswith("Δgap"))
        # With baseline_health, health is a healthy life expectancy in years and the gap is shown in days.
        days = summary["health_is_expectancy"]
        assert gap == ("Δgap (days)" if days else "Δgap (QALYs per person)")
        close(numbers[gap][0], option["equity"]["gap_change"]["mean"] * (365.25 if days else 1))
        checked += 1
    assert checked == len(summary["options"]) - 1
