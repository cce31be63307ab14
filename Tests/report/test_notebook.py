"""`phm notebook` end to end: it fills output sections, --check passes on fresh output and fails
on stale output, and a failing command stops it with the command's line.

Run from the repository root after `swift build`: python3 -m pytest Tests/report -q
"""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build/debug/phm"))

NOTEBOOK = """# A test notebook

```phm
phm validate Scenarios/pphmi-fund.yaml
```

Prose between blocks stays as it is.

```phm
# comments and blank lines are skipped

phm compare Scenarios/pphmi-fund.yaml --deterministic --format csv
```
"""


def notebook(*args):
    return subprocess.run([str(PHM), "notebook", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_fills_outputs_then_checks_clean(tmp_path):
    path = tmp_path / "nb.md"
    path.write_text(NOTEBOOK)
    assert notebook("--check", path).returncode == 65, "missing outputs count as out of date"
    assert path.read_text() == NOTEBOOK, "--check writes nothing"
    run = notebook(path)
    assert run.returncode == 0, run.stderr
    text = path.read_text()
    assert text.count("<!-- phm-output -->") == 2
    assert "Scenarios/pphmi-fund.yaml: ok — 15 cohorts, 324,011 people" in text
    assert "\noption,health_gain," in text
    assert "Prose between blocks stays as it is." in text
    check = notebook("--check", path)
    assert check.returncode == 0, check.stderr
    assert notebook(path).returncode == 0 and path.read_text() == text, "running again changes nothing"


def test_check_fails_on_stale_output(tmp_path):
    path = tmp_path / "nb.md"
    path.write_text("```phm\nphm validate Scenarios/pphmi-fund.yaml\n```\n\n<!-- phm-output -->\n```text\nstale\n```\n")
    check = notebook("--check", path)
    assert check.returncode == 65
    assert "block at line 1 would change" in check.stderr


def test_failing_command_names_its_line(tmp_path):
    path = tmp_path / "nb.md"
    path.write_text("# t\n\n```phm\nphm validate Scenarios/no-such-file.yaml\n```\n")
    run = notebook(path)
    assert run.returncode != 0
    assert f"{path}:4: in the ```phm block at line 3" in run.stderr
    assert "no-such-file.yaml" in run.stderr
