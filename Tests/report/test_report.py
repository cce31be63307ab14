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
    names = [o["name"] for o in summary["options"]]
    lines = elements(chart(run, "acceptability"), "path", "line")
    assert [e.get("data-series") for e in lines] == names + ["acceptability frontier (option chosen)"]
    for line, ys in zip(lines, curve["probability_best_value"] + [curve["frontier_probability"]]):
        xy = points(line)
        assert np.allclose(xy[:, 0], curve["thresholds"])
        assert np.allclose(xy[:, 1], ys)
    pairwise = elements(chart(run, "acceptability-versus-base"), "path", "line")
    assert [e.get("data-series") for e in pairwise] == names[1:]
    for line, ys in zip(pairwise, curve["probability_cost_effective_vs_base"][1:]):
        assert np.allclose(points(line)[:, 1], ys)
    evpi = elements(chart(run, "evpi"), "path", "line")
    assert np.allclose(points(evpi[0])[:, 1], curve["evpi_per_person"])


def test_cost_effectiveness_plane_equals_draws_csv(run):
    """Each dot is a draw's (ΔQALYs, Δcost) against base from draws.csv; the large dot is their mean;
    the dashed line is Δcost = threshold × ΔQALYs."""
    summary = json.loads((run / "summary.json").read_text())
    rows = read_csv(run / "draws.csv")
    by = {(r["option"], int(r["draw"])): r for r in rows}
    root = chart(run, "ce-plane")
    for o in summary["options"][1:]:
        name = o["name"]
        dq = [float(by[(name, d)]["qalys"]) - float(by[("base", d)]["qalys"]) for d in range(DRAWS)]
        dc = [float(by[(name, d)]["cost"]) - float(by[("base", d)]["cost"]) for d in range(DRAWS)]
        group = next(g for g in root.iter(SVG + "g") if g.get("class") == "series" and g.get("data-series") == name)
        dots = [(float(c.get("data-x")), float(c.get("data-y"))) for c in group.iter(SVG + "circle")]
        assert np.allclose(dots, list(zip(dq, dc)), rtol=1e-12, atol=1e-6)
        mean = next(c for c in root.iter(SVG + "circle") if c.get("class") == "mean" and c.get("data-series") == name)
        assert float(mean.get("data-x")) == pytest.approx(np.mean(dq), rel=1e-9, abs=1e-9)
    to_x, _ = plot_scale(root, "x")
    to_y, per_y = plot_scale(root, "y")
    line = next(e for e in root.iter(SVG + "line") if e.get("class") == "reference")
    for end in ("1", "2"):
        x, y = to_x(float(line.get("x" + end))), to_y(float(line.get("y" + end)))
        assert y == pytest.approx(summary["threshold"] * x, abs=per_y * 0.02 + abs(summary["threshold"]) * 1e-6)


def test_curves_recomputed_from_draws_csv(run):
    """CEACs, CEAF and EVPI in summary.json recomputed with NumPy from draws.csv (BCEA's definitions:
    pairwise `ib > 0`, multi-option `argmax NMB`, EVPI `E[max NB] − max E[NB]`)."""
    summary = json.loads((run / "summary.json").read_text())
    curve = summary["acceptability"]
    names = [o["name"] for o in summary["options"]]
    rows = read_csv(run / "draws.csv")
    q = np.array([[float(r["qalys"]) for r in rows if r["option"] == n] for n in names])
    c = np.array([[float(r["cost"]) for r in rows if r["option"] == n] for n in names])
    population = sum(g["population"] for g in summary["options"][0]["groups"])
    for t, lam in enumerate(curve["thresholds"]):
        nb = q * lam - c
        best = np.argmax(nb, axis=0)  # ties are measure-zero with continuous draws
        assert np.allclose([np.mean(best == o) for o in range(len(names))], [p[t] for p in curve["probability_best_value"]])
        inc = nb[1:] - nb[0]
        assert np.allclose(np.mean(inc > 0, axis=1), [p[t] for p in curve["probability_cost_effective_vs_base"][1:]])
        chosen = int(np.argmax(nb.mean(axis=1)))
        assert curve["frontier"][t] == names[chosen]
        assert curve["frontier_probability"][t] == pytest.approx(np.mean(best == chosen))
        evpi = np.mean(nb.max(axis=0)) - nb.mean(axis=1).max()
        # absolute NB (~1e11 £) against NMB vs base in Swift: rounding of order 1e-12 of the largest NB
        assert curve["evpi_population"][t] == pytest.approx(evpi, rel=1e-6, abs=1e-12 * abs(nb).max())
        assert curve["evpi_per_person"][t] == pytest.approx(curve["evpi_population"][t] / population, rel=1e-9)


# A probe added to a copy of the page: it records script errors and failed resource loads, then
# writes the size of every chart into the DOM, which --dump-dom prints.
PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message || e.target && e.target.src)), true);
document.addEventListener('DOMContentLoaded', () => {
  const charts = [...document.querySelectorAll('svg.chart')].map(s => {
    const r = s.getBoundingClientRect();
    return {id: s.id, width: r.width, height: r.height, marks: s.querySelectorAll('rect.bar, circle.point, path.line, circle.marker').length};
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


def render_in_chromium(folder, tmp_path, screenshot=None, height=2600):
    """Loads the folder's report.html in headless Chromium with the probe; checks it loads nothing
    and raises no error, screenshots it and returns the charts the probe measured."""
    html = (folder / "report.html").read_text()
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
    for c in probe["charts"]:
        assert c["width"] > 300 and c["height"] > 200, c
        assert c["marks"] > 0, c

    png = Path(screenshot or tmp_path / "report.png")
    shot = subprocess.run(flags + [f"--screenshot={png}", f"--window-size=1000,{height}", (folder / "report.html").as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, shot_height = struct.unpack(">II", data[16:24])
    assert (width, shot_height) == (1000, height)
    assert len(data) > 50_000, "a blank page compresses to almost nothing"
    return {c["id"]: c for c in probe["charts"]}


def test_report_renders_in_chromium(run, tmp_path):
    charts = render_in_chromium(run, tmp_path, os.environ.get("PHM_SCREENSHOT"))
    assert {"group-gains", "impact-plane", "ce-plane", "acceptability", "acceptability-versus-base", "evpi", "cumulative-qalys", "cumulative-cost"} <= set(charts)


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
        assert float(row["probability_best_value"]) == economics["probability_best_value"]
        assert row["frontier_status"] == economics["frontier_status"]
        if economics["probability_cost_effective_vs_base"] is None:
            assert row["probability_cost_effective_vs_base"] == ""
        else:
            assert float(row["probability_cost_effective_vs_base"]) == economics["probability_cost_effective_vs_base"]
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


# --- phm frontier and phm optimise: their reports and charts against their own CSV and JSON ---

FRONTIER_SCENARIO = ROOT / "Scenarios/ics-core20plus5.yaml"  # deterministic; its price of equity more than doubles once


def results_folder(args, out):
    """Runs `phm ARGS --out OUT`; returns the folder of the report path it prints last."""
    result = subprocess.run([str(PHM)] + args + ["--out", str(out)], capture_output=True, text=True, cwd=ROOT, check=True)
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("report: ") and last.endswith("/report.html"), "the report's path comes last"
    folder = Path(last[len("report: "):]).parent
    assert folder.is_dir()
    return folder


@pytest.fixture(scope="module")
def frontier_run(tmp_path_factory):
    return results_folder(["frontier", str(FRONTIER_SCENARIO), "--deterministic"], tmp_path_factory.mktemp("frontier"))


@pytest.fixture(scope="module")
def optimise_run(tmp_path_factory):
    return results_folder(["optimise", str(SCENARIO), "--curve-draws", "20", "--draws", str(DRAWS)], tmp_path_factory.mktemp("optimise"))


def test_frontier_chart_points_equal_frontier_csv(frontier_run):
    rows = read_csv(frontier_run / "frontier.csv")
    gap = np.array([float(r["gap"]) for r in rows])
    health = np.array([float(r["total_health"]) for r in rows])
    root = chart(frontier_run, "frontier")
    line = next(e for e in elements(root, "path", "line") if e.get("data-series") == "frontier")
    xy = points(line)
    assert np.array_equal(xy[:, 0], gap) and np.array_equal(xy[:, 1], health)
    to_x, per_x = plot_scale(root, "x")
    to_y, per_y = plot_scale(root, "y")
    dots = elements(root, "circle", "marker")
    filled = [d for d in dots if d.get("fill") != "none"]
    assert len(filled) == len(rows)
    for dot, x, y in zip(filled, gap, health):
        assert to_x(float(dot.get("cx"))) == pytest.approx(x, abs=per_x * 0.011)
        assert to_y(float(dot.get("cy"))) == pytest.approx(y, abs=per_y * 0.011)
    # Rings circle exactly the rows frontier.csv flags as steep.
    steep = [(g, h) for g, h, r in zip(gap, health, rows) if r["steep"] == "1"]
    assert steep, "this scenario's price of equity more than doubles somewhere"
    rings = elements(root, "g", "points")
    assert len(rings) == 1 and [tuple(p) for p in points(rings[0])] == steep
    labels = [e.text for e in elements(root, "text", "point-label")]
    assert labels == ["most total health", "smallest gap"]


def test_frontier_price_chart_is_the_frontiers_slope(frontier_run):
    rows = read_csv(frontier_run / "frontier.csv")
    limit = np.array([float(r["gap_limit"]) for r in rows])
    health = np.array([float(r["total_health"]) for r in rows])
    price = np.array([float(r["shadow_price"]) for r in rows])
    line = elements(chart(frontier_run, "frontier-price"), "path", "line")[0]
    xy = points(line)
    order = np.argsort([float(r["gap"]) for r in rows])
    assert np.array_equal(xy[:, 0], [float(rows[i]["gap"]) for i in order])
    # The chart shows the price per day of gap closed (the gap is in years): price_per_day in the CSV.
    per_day = np.array([float(r["price_per_day"]) for r in rows])
    assert np.allclose(per_day, price / 365.25, rtol=1e-12)
    assert np.array_equal(xy[:, 1], per_day[order])
    # LP duality, checked independently of the solver: total health is concave in the gap limit,
    # and each point's shadow price is a supergradient, so the secant between two neighbouring
    # points lies between their prices (price rises as the limit tightens).
    secant = (health[:-1] - health[1:]) / (limit[:-1] - limit[1:])
    tolerance = 1e-6 * np.maximum(np.abs(secant), 1)
    assert np.all(price[:-1] <= secant + tolerance) and np.all(secant <= price[1:] + tolerance)
    steep = np.array([r["steep"] == "1" for r in rows])
    assert np.array_equal(steep[1:], (price[:-1] > 1e-9) & (price[1:] > 2 * price[:-1]))


def test_optimise_bars_equal_summary_json_and_allocation_csv(optimise_run):
    summary = json.loads((optimise_run / "summary.json").read_text())
    allocation = read_csv(optimise_run / "allocation.csv")
    root = chart(optimise_run, "budget-changes")
    bars = elements(root, "rect", "bar")
    assert [b.get("data-category") for b in bars] == [r["line"] for r in allocation] == [a["line"] for a in summary["allocation"]]
    to_x, per_x = plot_scale(root, "x")
    for bar, row in zip(bars, allocation):
        change = float(row["optimal"]) - float(row["current"])
        assert float(bar.get("data-value")) == pytest.approx(change, rel=1e-12, abs=1e-6) == float(row["change"])
        left, right = float(bar.get("x")), float(bar.get("x")) + float(bar.get("width"))
        assert to_x(right if change >= 0 else left) == pytest.approx(change, abs=per_x * 0.011)
        assert to_x(left if change >= 0 else right) == pytest.approx(0, abs=per_x * 0.011)
    assert any(abs(float(r["change"])) > 0 for r in allocation), "the optimum moves money"

    root = chart(optimise_run, "predicted-simulated")
    bars = elements(root, "rect", "bar")
    predicted = {b.get("data-category"): b for b in bars if b.get("data-series") == "LP prediction"}
    simulated = {b.get("data-category"): b for b in bars if b.get("data-series").startswith("re-simulation")}
    groups = [g["name"] for g in summary["predicted"]["groups"]]
    assert list(predicted) == list(simulated) == groups
    for p, s in zip(summary["predicted"]["groups"], summary["simulated"]["groups"]):
        assert float(predicted[p["name"]].get("data-value")) == p["net_gain"]
        bar = simulated[s["name"]]
        assert [float(bar.get(k)) for k in ("data-value", "data-low", "data-high")] == [s["net_gain"][k] for k in ("mean", "low", "high")]
    assert sum(p["net_gain"] for p in summary["predicted"]["groups"]) == pytest.approx(summary["predicted"]["total_net_gain"], rel=1e-9)
    assert len(elements(root, "line", "whisker")) == len(groups), "a 95% interval on each simulated bar"


def test_optimise_and_frontier_reports_render_in_chromium(optimise_run, frontier_run, tmp_path):
    charts = render_in_chromium(optimise_run, tmp_path, height=3000)
    assert set(charts) == {"budget-changes", "predicted-simulated"}
    charts = render_in_chromium(frontier_run, tmp_path, height=1400)
    assert set(charts) == {"frontier", "frontier-price"}
    for folder, text in [(optimise_run, "The answer"), (frontier_run, "Moving money between lines can close it by at most")]:
        markdown = (folder / "report.md").read_text()
        assert text in markdown and "To run it again: phm " in markdown
        for name in re.findall(r"\(chart-([\w-]+)\.svg\)", markdown):
            assert (folder / f"chart-{name}.svg").is_file()


@pytest.fixture(scope="module")
def payments_run(tmp_path_factory):
    return results_folder(["payments", str(ROOT / "Scenarios/frailty-cohort.yaml"), "--draws", "40"], tmp_path_factory.mktemp("payments"))


def test_payments_charts_equal_the_csv_and_json_and_render(payments_run, tmp_path):
    rows = [r for r in read_csv(payments_run / "payments.csv") if r["contract"] == "frailty-alliance"]
    report = json.loads((payments_run / "payments.json").read_text())
    contract = next(c for c in report["contracts"] if c["name"] == "frailty-alliance")
    # each party's margin per model: one bar per model and party, whiskers at P5 and P95
    root = chart(payments_run, "margins-frailty-alliance")
    bars = elements(root, "rect", "bar")
    by_key = {(b.get("data-series"), b.get("data-category")): b for b in bars}
    assert len(bars) == len(rows)
    for row in rows:
        bar = by_key[(row["party"], row["model"])]
        assert [float(bar.get(k)) for k in ("data-value", "data-low", "data-high")] == pytest.approx(
            [float(row[k]) for k in ("margin_mean", "margin_p5", "margin_p95")], rel=1e-12)
    # cash by year: each model's line is the yearly mean, its band P5 to P95
    yearly = [r for r in read_csv(payments_run / "payments_yearly.csv") if r["contract"] == "frailty-alliance"]
    root = chart(payments_run, "cash-frailty-alliance")
    bands = {b.get("data-series"): b for b in elements(root, "path", "band")}
    lines = {l.get("data-series"): l for l in elements(root, "path", "line")}
    for model in contract["models"]:
        mine = [r for r in yearly if r["model"] == model["model"]]
        assert points(lines[model["model"]])[:, 1] == pytest.approx([float(r["payment_mean"]) for r in mine], rel=1e-12)
        assert [float(v) for v in bands[model["model"]].get("data-low").split()] == pytest.approx([float(r["payment_p5"]) for r in mine], rel=1e-12)
        assert [float(v) for v in bands[model["model"]].get("data-high").split()] == pytest.approx([float(r["payment_p95"]) for r in mine], rel=1e-12)
    # the waterfall starts at today's mean payment, ends at the proposed one, and its steps add up
    models = {m["model"]: m for m in contract["models"]}
    steps = elements(chart(payments_run, "waterfall-frailty-alliance"), "rect", "bar")
    values = [float(b.get("data-value")) for b in steps]
    assert values[0] == pytest.approx(models["activity"]["payment"]["mean"], rel=1e-12)
    assert values[-1] == pytest.approx(models["cohort-budget"]["payment"]["mean"], rel=1e-12)
    assert values[0] + sum(values[1:-1]) == pytest.approx(values[-1], rel=1e-9)
    assert float(steps[-2].get("data-to")) == pytest.approx(values[-1], rel=1e-9)
    charts = render_in_chromium(payments_run, tmp_path, height=2400)
    assert set(charts) == {"cash-frailty-alliance", "margins-frailty-alliance", "waterfall-frailty-alliance"}
    markdown = (payments_run / "report.md").read_text()
    first = markdown.split("\n## ")[1]
    assert first.startswith("What do we get, what could we lose, and does the contract reward prevention?")
    for party in ("commissioner", "community-trust", "acute-trust", "council-home-care"):
        assert f"**{party}**" in first and "could lose" in first
    assert "Moving from activity to cohort-budget:" in first
