"""Every subcommand's --help tells the truth in a form people read (issue 16): paragraphs are not
broken mid-sentence by hard line breaks (swift-argument-parser wraps them itself), no default is
stated twice, no internal references (issue numbers), and every command that writes a results
folder names every file it writes. Help is read unwrapped (COLUMNS=1000) so only the source's
own line breaks remain."""
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build" / "debug" / "phm"))


def run(*args, columns=1000):
    env = dict(os.environ, COLUMNS=str(columns))
    return subprocess.run([str(PHM), *map(str, args)], cwd=ROOT, capture_output=True, text=True, env=env, check=True).stdout


def subcommands():
    text = run("--help")
    block = text.split("SUBCOMMANDS:", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  ([a-z-]+)\s", block, re.MULTILINE) if m.group(1) != "help"]


SUBCOMMANDS = subcommands()


def test_the_subcommands_are_found():
    assert {"run", "compare", "equity", "optimise", "frontier", "payments", "new", "schema"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("command", [None] + SUBCOMMANDS)
def test_help_paragraphs_have_no_hard_line_breaks(command):
    text = run(*([command] if command else []), "--help")
    prose = text.split("\nUSAGE:", 1)[0]
    lines = prose.splitlines()
    broken = [f"{a!r} / {b!r}" for a, b in zip(lines, lines[1:])
              if a.strip() and b.strip() and not a.startswith(" ") and not b.startswith(" ")
              and not re.search(r"[.:!?)]$", a.rstrip())]
    assert not broken, "a help paragraph is broken mid-sentence:\n" + "\n".join(broken)


@pytest.mark.parametrize("command", [None] + SUBCOMMANDS)
def test_help_states_each_default_once_and_names_no_issue(command):
    text = run(*([command] if command else []), "--help")
    assert not re.search(r"\(default: ([^)]*)\)\.? *\(default: \1\)", text), text
    assert not re.search(r"\bissues? \d+|#\d+\b", text, re.IGNORECASE), text


def written_names(folder):
    return {path.name for path in folder.iterdir() if not path.name.startswith(".")}


def named(name, help_text):
    """A file is named by its own name, or a chart by the pattern chart-*.svg."""
    return name in help_text or (name.startswith("chart-") and name.endswith(".svg") and "chart-*.svg" in help_text)


@pytest.mark.parametrize("command, args", [
    ("run", ["Scenarios/upstream-shift.yaml", "--draws", 4]),
    ("optimise", ["Scenarios/upstream-shift.yaml", "--deterministic"]),
    ("frontier", ["Scenarios/ics-core20plus5.yaml", "--deterministic", "--points", 2]),
    ("sensitivity", ["Scenarios/upstream-shift.yaml", "--deterministic"]),
    ("voi", ["Scenarios/upstream-shift.yaml", "--draws", 50]),
])
def test_help_lists_every_file_the_command_writes(command, args, tmp_path):
    out = run(command, *args, "--out", tmp_path)
    folder = next(Path(line.split(": ", 1)[1].strip()) for line in out.splitlines() if line.startswith("results: "))
    help_text = run(command, "--help")
    missing = [name for name in sorted(written_names(folder)) if not named(name, help_text)]
    assert not missing, f"phm {command} --help does not name {missing}"


def test_the_starter_scenario_of_the_help_works(tmp_path):
    """The root help's example writes my-ics.yaml, which validates; `--output -` prints it."""
    assert "phm new my-ics   (writes my-ics.yaml)" in run("--help")
    subprocess.run([str(PHM), "new", "my-ics"], cwd=tmp_path, check=True, capture_output=True)
    assert "ok" in run("validate", tmp_path / "my-ics.yaml")
    assert run("new", "my-ics", "--output", "-") == (tmp_path / "my-ics.yaml").read_text()
