"""The module graph of phm-workbench, read from Package.swift and from the sources' imports.

Package.swift is read through `swift package dump-package` (SwiftPM's own parser), so every way
of writing a dependency (a name, `.target`, `.product`) is understood; imports are read from
every `.swift` file under each target's folder (Sources/<name>/ or Tests/<name>/).
Used by test_dependencies.py (declared == imported) and render.py (docs/ARCHITECTURE.md).
"""
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Modules of the platform and toolchain: imported freely, never declared in Package.swift.
PLATFORM_MODULES = {
    "Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Musl", "Darwin", "os",
    "Synchronization", "XCTest", "Testing", "_Concurrency",
}

# Products whose modules have other names (swift-numerics' `Numerics` umbrella re-exports these).
PRODUCT_MODULES = {"Numerics": {"Numerics", "RealModule", "ComplexModule"}}

IMPORT = re.compile(
    r"^\s*(?:@[\w()]+\s+)*import\s+(?:(?:struct|class|enum|protocol|typealias|func|let|var)\s+)?([A-Za-z_]\w*)",
    re.MULTILINE)


@dataclass
class Target:
    name: str
    kind: str                     # regular, executable, test, system
    declared: list = field(default_factory=list)   # dependency names as written (targets and products)
    products: set = field(default_factory=set)     # which of `declared` are products
    folder: Path = None           # Sources/<name> or Tests/<name> unless given

    def __post_init__(self):
        if self.folder is None:
            self.folder = ROOT / ("Tests" if self.kind == "test" else "Sources") / self.name

    def imports(self) -> dict:
        """Imported module → the first file (relative to the root) that imports it."""
        found = {}
        for path in sorted(self.folder.rglob("*.swift")):
            text = re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8"))
            for module in IMPORT.findall(text):
                if module not in PLATFORM_MODULES:
                    found.setdefault(module, relative(path))
        return found

    def modules_of(self, dependency: str) -> set:
        if dependency in self.products:
            return PRODUCT_MODULES.get(dependency, {dependency})
        return {dependency}


def relative(path: Path) -> str:
    """`path` relative to the repository when it is inside it (test fixtures live elsewhere)."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def load_targets() -> list:
    """The targets of Package.swift in file order."""
    targets = []
    for t in package_dump()["targets"]:
        target = Target(t["name"], t["type"])
        for dependency in t["dependencies"]:
            (kind, value), = dependency.items()
            target.declared.append(value[0])
            if kind == "product":
                target.products.add(value[0])
        targets.append(target)
    return targets


_DUMP = None


def package_dump() -> dict:
    """Package.swift as SwiftPM reads it (JSON of `swift package dump-package`), read once."""
    global _DUMP
    if _DUMP is None:
        _DUMP = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                          capture_output=True, text=True).stdout)
    return _DUMP


def owns(target: Target) -> str:
    """The first paragraph of the module's README.md: what it owns (empty when there is none)."""
    readme = target.folder / "README.md"
    if not readme.exists():
        return ""
    paragraphs = [p.strip() for p in readme.read_text(encoding="utf-8").split("\n\n")]
    body = [p for p in paragraphs if p and not p.startswith("#")]
    return " ".join(body[0].split()) if body else ""


def mismatches(target: Target) -> list:
    """Each import the target does not declare, and each declaration it never imports."""
    imports = target.imports()
    problems = []
    covered = set()
    for dependency in target.declared:
        modules = target.modules_of(dependency)
        covered |= modules
        if not modules & imports.keys():
            problems.append(f"{target.name} declares {dependency} in Package.swift but no file in "
                            f"{relative(target.folder)}/ imports it: remove it from the target's dependencies")
    for module, path in sorted(imports.items()):
        if module not in covered and module != target.name:
            problems.append(f"{path} imports {module}, which target {target.name} does not declare in Package.swift: "
                            f"add it to the target's dependencies (or drop the import)")
    return problems
