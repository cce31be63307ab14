"""Package.swift's dependencies equal the imports, for library, executable and test targets alike;
every module has a README and is not named like a type inside it; docs/ARCHITECTURE.md's
module tables are the ones render.py makes from Package.swift.

Run: python3 -m pytest -q Tests/architecture
"""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from package_graph import Target, load_targets, mismatches  # noqa: E402
import render  # noqa: E402


def test_every_target_declares_exactly_what_it_imports():
    problems = [p for t in load_targets() if t.kind != "system" for p in mismatches(t)]
    assert not problems, "\n".join(problems)


def test_the_check_catches_an_undeclared_import_and_an_unused_declaration(tmp_path):
    # A made-up target that imports A, B (through `@testable`), RealModule (from the Numerics
    # product) and Foundation, and declares A, Numerics and C: C is never imported, B not declared.
    (tmp_path / "One.swift").write_text(
        "import Foundation\nimport A\n@testable import B\nimport struct RealModule.Real\n// import D\n")
    target = Target("Made", "regular", ["A", "Numerics", "C"], {"Numerics"}, folder=tmp_path)
    problems = mismatches(target)
    assert len(problems) == 2, problems
    assert problems[0].startswith("Made declares C in Package.swift but no file")
    assert "imports B, which target Made does not declare" in problems[1]


def test_each_module_has_a_readme_saying_what_it_owns_and_must_not_do():
    for t in load_targets():
        if t.kind == "test":
            continue
        readme = t.folder / "README.md"
        assert readme.exists(), f"{readme}: missing; say what {t.name} owns and what it must not do"
        text = readme.read_text(encoding="utf-8")
        assert text.startswith(f"# {t.name}\n"), f"{readme}: the title should be the module's name"
        assert "**Must not:**" in text, f"{readme}: add a '**Must not:**' paragraph"


def test_no_module_is_named_like_a_type_inside_it():
    declaration = re.compile(r"\b(?:struct|enum|class|protocol|actor|typealias)\s+(\w+)")
    for t in load_targets():
        for path in t.folder.rglob("*.swift"):
            names = set(declaration.findall(path.read_text(encoding="utf-8")))
            assert t.name not in names, f"{path}: declares a type named like its module {t.name}; rename one of them"


def test_architecture_document_matches_package():
    current = render.DOCUMENT.read_text(encoding="utf-8")
    assert current == render.rendered_document(), (
        "docs/ARCHITECTURE.md's module tables differ from Package.swift and the READMEs: "
        "run python3 Tests/architecture/render.py --write")
