"""Golden outputs of the `phm` command line on the example scenarios (issue 12).

Each example scenario in Scenarios/ is run, from a temporary folder that links Scenarios/ and
writes to `out/`, through a fixed sequence of commands (`run`,
`compare` in every format, `equity`, `payments` where the scenario has contracts, `optimise`
with a refinement round and `--save-option`, and `frontier`), with few draws, a fixed seed and
`--threads 2`. Standard output, the exit code and every file each command writes are kept under
Tests/golden/expected/<scenario>/<step>/ and compared byte for byte, after replacing only what
depends on the clock or the machine:

- the temporary folder (`<WORK>`) and the path of the `phm` binary (`<PHM>`, in manifest.json's command line),
  which differ between checkouts,
- UTC time stamps, in ISO form or in results folder names (`<UTC>`), and the random part of a
  results folder's name (`<ID>`),
- the size and hash of each file in manifest.json's `files` (`<N>`, `<H>`: the reports hold
  time stamps and durations),
- `wall_seconds` in manifest.json and the "started …, 0.4 s on 2 threads" line of the reports
  (`<T>`),
- the repository's folder, which manifest.json names in the command that ran (`<ROOT>`), so the
  goldens hold in any checkout.

An Excel workbook (`.xlsx`, a zip archive whose bytes carry the time it was written) is kept as
the text of its parts, uncompressed and in name order, normalised as above.

Record the goldens again, after a change that is meant to change an output, with
    python3 Tests/golden/record.py            (all scenarios)
    python3 Tests/golden/record.py pphmi-fund (one scenario)
and say in the commit message why the outputs changed. The test is Tests/golden/test_golden.py.
"""

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build" / "debug" / "phm"))
EXPECTED = Path(__file__).resolve().parent / "expected"
SCENARIOS = sorted((ROOT / "Scenarios").glob("*.yaml"))

COMMON = ["--seed", "1", "--threads", "2"]
DRAWS = ["--draws", "20"]
CURVES = ["--curve-draws", "10"]


def steps(scenario: Path):
    """(step name, arguments) in the order they run; `{OUT}` is `out`, `{RUN}` the run's folder."""
    file = str(scenario.relative_to(ROOT))
    has_contracts = re.search(r"^contracts\s*:", scenario.read_text(), re.MULTILINE) is not None
    result = [
        ("run", ["run", file, *DRAWS, *COMMON, "--out", "{OUT}"]),
        ("run-json", ["run", file, "--deterministic", "--json", "--out", "{OUT}"]),
        ("compare-text", ["compare", file, *DRAWS, *COMMON]),
        ("compare-timeline", ["compare", file, *DRAWS, *COMMON, "--timeline"]),
        ("compare-timeline-csv", ["compare", file, *DRAWS, *COMMON, "--timeline", "--format", "csv"]),
        ("compare-md", ["compare", "{RUN}", "--format", "md"]),
        ("compare-csv", ["compare", "{RUN}", "--format", "csv"]),
        ("compare-json", ["compare", "{RUN}", "--format", "json"]),
        ("compare-xlsx", ["compare", "{RUN}", "--format", "xlsx", "--output", "{OUT}/board.xlsx"]),
        ("equity", ["equity", file, *DRAWS, *COMMON]),
        ("equity-baseline", ["equity", file, "--baseline-only", "--json", *DRAWS, *COMMON]),
    ]
    if has_contracts:
        result.append(("payments", ["payments", file, *DRAWS, *COMMON, "--out", "{OUT}"]))
    result += [
        ("optimise", ["optimise", file, *CURVES, *DRAWS, *COMMON, "--out", "{OUT}"]),
        ("optimise-refine", ["optimise", file, *CURVES, *DRAWS, *COMMON, "--refine", "1",
                             "--objective", "atkinson", "--save-option", "lp-golden",
                             "--save-to", "{OUT}/saved.yaml", "--out", "{OUT}"]),
        ("frontier", ["frontier", file, *CURVES, *COMMON, "--points", "5", "--out", "{OUT}"]),
        ("frontier-json", ["frontier", file, *CURVES, *COMMON, "--points", "3",
                           "--no-group-worse-off", "--json", "--out", "{OUT}"]),
    ]
    return result


_UTC_ISO = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_UTC_FOLDER = re.compile(rb"\d{8}T\d{6}(\.\d{3})?Z")
_FOLDER_ID = re.compile(rb"(<UTC>-[0-9a-f]{8})-[0-9a-f]{6}")
_SEAL = re.compile(rb'("bytes" : )\d+(,\s+"fnv1a64" : ")[0-9a-f]{16}"')
_WALL = re.compile(rb'"wall_seconds" : [0-9.eE+-]+')
_STARTED = re.compile(rb"started <UTC>, [0-9.]+ s on")


def normalise(data: bytes, work: Path) -> bytes:
    """Replace the temporary folder, time stamps and durations; leave every other byte alone."""
    data = data.replace(str(PHM).encode(), b"<PHM>").replace(str(work).encode(), b"<WORK>")
    data = data.replace(str(ROOT).encode(), b"<ROOT>")
    data = _UTC_ISO.sub(b"<UTC>", data)
    data = _UTC_FOLDER.sub(b"<UTC>", data)
    data = _FOLDER_ID.sub(rb"\1-<ID>", data)
    data = _SEAL.sub(rb'\1<N>\2<H>"', data)
    data = _WALL.sub(b'"wall_seconds" : <T>', data)
    return _STARTED.sub(b"started <UTC>, <T> s on", data)


def _xlsx_text(data: bytes) -> bytes:
    """A workbook as the text of its parts, in name order (its zip bytes depend on the clock)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(b"== " + name.encode() + b" ==\n" + archive.read(name) + b"\n"
                        for name in sorted(archive.namelist()))


def _files(folder: Path):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _results_folder(stdout: str):
    for line in stdout.splitlines():
        if line.startswith("results: "):
            return line[len("results: "):].strip()
    return None


def produce(scenario: Path):
    """Run every step on `scenario`; {step name: {file name: normalised bytes}}.

    A step's files are its standard output (`stdout`), its exit code (`exit`), its standard
    error when it fails (`stderr`), and every file it wrote (`files/…`). After each step its
    results folders are moved out of `out/` (two steps in the same second would otherwise
    share a folder name); the curve cache stays, so `frontier` reads the curves `optimise`
    wrote, and a cache file a step writes or changes counts among its files.
    """
    produced = {}
    # A folder name without `_`, which Markdown reports would escape where it is printed.
    work = Path(tempfile.gettempdir()).resolve() / f"phm-golden-{os.getpid()}-{scenario.stem.replace('_', '-')}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        (work / "Scenarios").symlink_to(ROOT / "Scenarios")
        out = work / "out"
        out.mkdir()
        run_folder = None
        for name, arguments in steps(scenario):
            args = [a.replace("{OUT}", "out").replace("{RUN}", str(run_folder)) for a in arguments]
            before = _files(out)
            result = subprocess.run([str(PHM), *args], cwd=work, capture_output=True,
                                    env={**os.environ, "NO_COLOR": "1"})
            files = {"exit": f"{result.returncode}\n".encode(), "stdout": normalise(result.stdout, work)}
            if result.returncode != 0:
                files["stderr"] = normalise(result.stderr, work)
            for path, data in _files(out).items():
                if before.get(path) != data:
                    text = _xlsx_text(data) if path.endswith(".xlsx") else data
                    files["files/" + normalise(path.encode(), work).decode()] = normalise(text, work)
            kept = Path("steps") / name
            for folder in out.glob("*/*"):
                if folder.is_dir() and not folder.name.startswith("."):
                    target = work / kept / folder.relative_to(out)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    folder.rename(target)
            if name == "run":
                printed = _results_folder(result.stdout.decode())
                run_folder = kept / Path(printed).relative_to(out) if printed else None
            produced[name] = files
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return produced


def record(scenario: Path):
    """Write the goldens of `scenario` (replacing the old ones)."""
    target = EXPECTED / scenario.stem
    shutil.rmtree(target, ignore_errors=True)
    for step, files in produce(scenario).items():
        for name, data in files.items():
            path = target / step / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def stored(scenario: Path):
    """The recorded goldens of `scenario`, in the shape `produce` returns."""
    result = {}
    for path in sorted((EXPECTED / scenario.stem).rglob("*")):
        if path.is_file():
            step, name = path.relative_to(EXPECTED / scenario.stem).as_posix().split("/", 1)
            result.setdefault(step, {})[name] = path.read_bytes()
    return result
