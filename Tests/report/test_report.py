"""Checks of the report `phm run` writes: the numbers drawn in its SVG charts against the run's
own CSV and JSON files (recomputed here independently with NumPy), and the page rendered in
headless Chromium (Debian's `chromium`, installed by `make test-setup`).

Run from the repository root after `swift build`: python3 -m pytest Tests/report -q
The binary is .build/debug/phm unless PHM names another; PHM_SCREENSHOT=FILE keeps the PNG.
"""

import csv
import json
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build/debug/phm"))
SCENARIO = ROOT / "Scenarios/pphmi-fund.yaml"
DRAWS = 40
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One small run of the scenario; returns its results folder."""
    out = tmp_path_factory.mktemp("results")
    result = subprocess.run([str(PHM), "run", str(SCENARIO), "--draws", str(DRAWS), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("report: ") and last.endswith("/report.html"), "phm run ends with the report's path"
    folder = Path(last[len("report: "):]).parent
    assert folder.is_dir()
    return folder


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def chart(folder, name):
    """The chart's SVG root, parsed as XML (which it must be)."""
    return ET.parse(folder / f"chart-{name}.svg").getroot()


def elements(root, tag, cls):
    return [e for e in root.iter(SVG + tag) if e.get("class") == cls]


def plot_scale(root, axis):
    plot = elements(root, "g", "plot")[0]
    lo, hi = map(float, plot.get(f"data-{axis}-domain").split())
    start, end = map(float, plot.get(f"data-{axis}-range").split())
    return lambda pixel: lo + (pixel - start) / (end - start) * (hi - lo), abs(hi - lo) / abs(end - start)


def points(path):
    return np.array([[float(v) for v in pair.split(",")] for pair in path.get("data-points").split()])


def test_group_gain_bars_equal_summary_csv(run):
    rows = read_csv(run / "summary.csv")
    expected = {(r["option"], r["group"]): float(r["value"]) for r in rows if r["metric"] == "net_gain" and r["statistic"] == "mean"}
    root = chart(run, "group-gains")
    to_value, per_pixel = plot_scale(root, "y")
    bars = elements(root, "rect", "bar")
    assert len(bars) == 3 * 5  # three options besides base × five quintiles
    for bar in bars:
        value = expected[(bar.get("data-series"), bar.get("data-category"))]
        assert float(bar.get("data-value")) == pytest.approx(value, rel=1e-12, abs=1e-9)
        end = float(bar.get("y")) if value >= 0 else float(bar.get("y")) + float(bar.get("height"))
        assert to_value(end) == pytest.approx(value, abs=per_pixel * 0.011)  # coordinates are rounded to 0.01 px


def slope_index(health, shares):
    """Weighted least-squares slope of health on the ridit (MODEL.md §4), computed afresh."""
    ridit = np.cumsum(shares) - shares / 2
    x_mean, h_mean = np.sum(shares * ridit), np.sum(shares * health)
    return np.sum(shares * (ridit - x_mean) * (health - h_mean)) / np.sum(shares * (ridit - x_mean) ** 2)


def test_impact_plane_points_equal_draws_csv(run):
    scenario = yaml.safe_load(SCENARIO.read_text())
    equity = scenario["equity"]
    groups = list(equity["baseline_health"])
    baseline = np.array([equity["baseline_health"][g] for g in groups])
    per_qaly = equity["opportunity_cost"]["per_qaly"]
    shares_oc = np.array([equity["opportunity_cost"]["shares"][g] for g in groups])
    summary = read_csv(run / "summary.csv")
    population = np.array([next(float(r["value"]) for r in summary if r["option"] == "base" and r["metric"] == "population"
                                and r["group"] == g and r["statistic"] == "mean") for g in groups])
    shares = population / population.sum()
    draws = read_csv(run / "draws.csv")
    by = {(r["option"], int(r["draw"])): r for r in draws}

    def health(option, d):
        row, base = by[(option, d)], by[("base", d)]
        gain = np.array([float(row[f"qalys_{g}"]) - float(base[f"qalys_{g}"]) for g in groups])
        gain -= (float(row["cost"]) - float(base["cost"])) / per_qaly * shares_oc
        return gain.sum(), baseline + gain / population

    root = chart(run, "impact-plane")
    to_x, per_x = plot_scale(root, "x")
    to_y, per_y = plot_scale(root, "y")
    options = sorted({r["option"] for r in draws} - {"base"})
    for option in options:
        dots = [e for g in elements(root, "g", "series") if g.get("data-series") == option for e in elements(g, "circle", "point")]
        assert len(dots) == DRAWS
        for d, dot in enumerate(dots):
            change, h = health(option, d)
            _, h_base = health("base", d)
            reduction = -(abs(slope_index(h, shares)) - abs(slope_index(h_base, shares)))
            assert float(dot.get("data-x")) == pytest.approx(change, rel=1e-9, abs=1e-7)
            assert float(dot.get("data-y")) == pytest.approx(reduction, rel=1e-6, abs=1e-12)
            assert to_x(float(dot.get("cx"))) == pytest.approx(change, abs=per_x * 0.011)
            assert to_y(float(dot.get("cy"))) == pytest.approx(reduction, abs=per_y * 0.011)


def test_yearly_charts_equal_yearly_csv(run):
    scenario = yaml.safe_load(SCENARIO.read_text())
    rate_q, rate_c = scenario["discount"]["health"], scenario["discount"]["costs"]
    yearly = read_csv(run / "yearly.csv")
    totals = {(r["option"], int(r["year"])): r for r in yearly if r["service"] == "*"}
    horizon = scenario["horizon"]
    # Demand against capacity: base's lines are the base rows of yearly.csv.
    demand_charts = sorted(run.glob("chart-demand-*.svg"))
    assert demand_charts, "this scenario has services that run short"
    for path in demand_charts:
        service = path.stem[len("chart-demand-"):]
        root = ET.parse(path).getroot()
        lines = {e.get("data-series"): points(e) for e in elements(root, "path", "line")}
        rows = [r for r in yearly if r["option"] == "base" and r["service"] == service]
        assert np.allclose(lines["base demand"][:, 1], [float(r["demand"]) for r in rows], rtol=1e-12)
        assert np.allclose(lines["base capacity"][:, 1], [float(r["capacity"]) for r in rows], rtol=1e-12)
        unmet = np.array([float(r["unmet"]) for r in rows])
        assert np.max(unmet / np.array([float(r["demand"]) for r in rows])) > 0.01, "only services that run short are drawn"
    # Cumulative QALYs and cost against base, discounted here from the yearly rows.
    root_q, root_c = chart(run, "cumulative-qalys"), chart(run, "cumulative-cost")
    for line_q, line_c in zip(elements(root_q, "path", "line"), elements(root_c, "path", "line")):
        option = line_q.get("data-series")
        dq = [(float(totals[(option, t)]["qalys"]) - float(totals[("base", t)]["qalys"])) / (1 + rate_q) ** t for t in range(horizon)]
        dc = [(float(totals[(option, t)]["cost"]) - float(totals[("base", t)]["cost"])) / (1 + rate_c) ** t for t in range(horizon)]
        assert np.allclose(points(line_q)[:, 1], np.cumsum(dq), rtol=1e-9, atol=1e-6)
        assert np.allclose(points(line_c)[:, 1], np.cumsum(dc), rtol=1e-9, atol=1e-3)


def test_acceptability_curve_equals_summary_json(run):
    summary = json.loads((run / "summary.json").read_text())
    curve = summary["acceptability"]
    root = chart(run, "acceptability")
    lines = elements(root, "path", "line")
    assert [e.get("data-series") for e in lines] == [o["name"] for o in summary["options"]]
    for o, line in enumerate(lines):
        xy = points(line)
        assert np.allclose(xy[:, 0], curve["thresholds"])
        assert np.allclose(xy[:, 1], curve["probabilities"][o])


# A probe added to a copy of the page: it records script errors and failed resource loads, then
# writes the size of every chart into the DOM, which --dump-dom prints.
PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message || e.target && e.target.src)), true);
document.addEventListener('DOMContentLoaded', () => {
  const charts = [...document.querySelectorAll('svg.chart')].map(s => {
    const r = s.getBoundingClientRect();
    return {id: s.id, width: r.width, height: r.height, marks: s.querySelectorAll('rect.bar, circle.point, path.line').length};
  });
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({errors: window.__errors, charts: charts,
    resources: performance.getEntriesByType('resource').map(r => r.name), title: document.title});
  document.body.appendChild(pre);
});
</script>"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium is needed for the browser check: run `make test-setup` (installs Debian's chromium)")


def test_report_renders_in_chromium(run, tmp_path):
    html = (run / "report.html").read_text()
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("<head>", "<head>\n" + PROBE, 1))
    flags = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
             "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--dump-dom", probed.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert match, "the page did not finish loading"
    probe = json.loads(match.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert probe["errors"] == []
    assert probe["resources"] == [], "the report must not load anything"
    names = {c["id"] for c in probe["charts"]}
    assert {"group-gains", "impact-plane", "acceptability", "cumulative-qalys", "cumulative-cost"} <= names
    for c in probe["charts"]:
        assert c["width"] > 300 and c["height"] > 200, c
        assert c["marks"] > 0, c

    png = Path(os.environ.get("PHM_SCREENSHOT", tmp_path / "report.png"))
    shot = subprocess.run(flags + [f"--screenshot={png}", "--window-size=1000,2600", (run / "report.html").as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 2600)
    assert len(data) > 50_000, "a blank page compresses to almost nothing"


def test_compare_of_the_run_folder_equals_summary_json(run):
    """`phm compare RUN_FOLDER --format csv` prints the numbers of summary.json, unrounded."""
    result = subprocess.run([str(PHM), "compare", str(run), "--format", "csv"], capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(result.stdout.splitlines()))
    summary = json.loads((run / "summary.json").read_text())
    assert [r["option"] for r in rows] == [o["name"] for o in summary["options"]]
    for row, option in zip(rows, summary["options"]):
        equity, economics = option["equity"], option["economics"]
        for stance in ["0", "1", "2", "10", "inf"]:
            assert int(row[f"rank_epsilon_{stance}"]) == equity["rank_by_epsilon"][stance]
        assert float(row["probability_cost_effective"]) == economics["probability_cost_effective"]
        if option.get("incremental") is None:
            assert row["health_gain"] == "" and row["nmb"] == ""
            continue
        expected = {
            "health_gain": option["incremental"]["net_health"]["mean"],
            "health_gain_low": option["incremental"]["net_health"]["low"],
            "health_gain_high": option["incremental"]["net_health"]["high"],
            "cost": option["incremental"]["cost"]["mean"],
            "nmb": economics["nmb"]["mean"],
            "gap_change": equity["gap_change"]["mean"],
            "sii_change": equity["sii_change"]["mean"],
            "probability_win_win": equity["impact_plane"]["win_win"],
        }
        for key, value in expected.items():
            assert float(row[key]) == pytest.approx(value, rel=1e-15, abs=0), key
    # The text table shows the same ranks, and one sentence per option besides base.
    text = subprocess.run([str(PHM), "compare", str(run)], capture_output=True, text=True, check=True).stdout
    assert "\x1b[" not in text, "no colour codes when the output is not a terminal"
    for option in summary["options"][1:]:
        assert sum(line.startswith(option["name"] + " gains") or line.startswith(option["name"] + " loses")
                   for line in text.splitlines()) == 1
