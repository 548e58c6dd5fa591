"""The architecture as a contract: the core stays Qt-free and its layers import only downwards.

Layers, lowest first (a module may import its own package and anything lower):
  base (types, errors, …) < documents < detection, deidentify < store < audit < review < service, reports
  < front ends (ui, commands, eval, app, cli).
Also: the core never imports a front end, nothing in `reviewer` imports `models.training` (the training
recipe is not part of the product), and no module reaches into another module's private names.
Each rule is checked on the real tree and shown to fail on a planted violation.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "reviewer" / "core"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

BASE = ("types", "errors", "atomic", "yaml_resource", "resources", "trie_regex", "child", "legal_basis")
LAYERS: dict[str, int] = {
    **{f"reviewer.core.{name}": 0 for name in BASE},
    "reviewer.core.documents": 1,
    "reviewer.core.detection": 2,
    "reviewer.core.deidentify": 2,
    "reviewer.core.store": 3,
    "reviewer.core.audit": 4,
    "reviewer.core.review": 5,
    "reviewer.core.service": 6,
    "reviewer.core.reports": 6,
    "reviewer.ui": 7,
    "reviewer.commands": 7,
    "reviewer.eval": 7,
    "reviewer.app": 7,
    "reviewer.cli": 7,
    "reviewer.__main__": 8,
}
FRONT_ENDS = ("reviewer.ui", "reviewer.commands", "reviewer.eval", "reviewer.app", "reviewer.cli")


def _component(module: str) -> str | None:
    """The layer component a module belongs to (the longest prefix in LAYERS)."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in LAYERS:
            return prefix
    return None


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _imports(source: str, module: str) -> list[tuple[str, list[str], int]]:
    """(imported module, imported names, line) for every import, relative ones resolved."""
    out = []
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.extend((alias.name, [], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            out.append((base, [a.name for a in node.names], node.lineno))
    return out


def _private_attribute_uses(source: str, module: str) -> list[tuple[str, int]]:
    """`alias._name` where `alias` is a module imported from elsewhere in reviewer."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reviewer"):
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("reviewer") and a.asname:
                    aliases[a.asname] = a.name
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            found.append((f"{aliases[node.value.id]}.{node.attr}", node.lineno))
    return found


def contract_violations(root: Path) -> list[str]:
    """Every broken rule in the package tree under `root` (the folder that holds `reviewer/`)."""
    problems: list[str] = []
    for path in sorted((root / "reviewer").rglob("*.py")):
        module = _module_name(path, root)
        source = path.read_text(encoding="utf-8")
        mine = _component(module)
        where = path.relative_to(root)
        for target, names, line in _imports(source, module):
            if target.split(".")[0] == "models" and "training" in target:
                problems.append(f"{where}:{line} imports the training recipe {target}")
            if not target.startswith("reviewer"):
                continue
            theirs = _component(target)
            if mine and theirs and mine != theirs:
                if mine.startswith("reviewer.core") and theirs.startswith(FRONT_ENDS):
                    problems.append(f"{where}:{line} core module imports front end {target}")
                elif LAYERS[theirs] > LAYERS[mine] or (LAYERS[theirs] == LAYERS[mine] and LAYERS[mine] > 0
                                                        and mine.startswith("reviewer.core")
                                                        and not {mine, theirs} <= {"reviewer.core.service",
                                                                                    "reviewer.core.reports"}):
                    problems.append(f"{where}:{line} {mine} (layer {LAYERS[mine]}) imports {target} "
                                    f"(layer {LAYERS[theirs]})")
            if target != module and target.startswith("reviewer"):
                for name in names:
                    if name.startswith("_") and not name.startswith("__"):
                        problems.append(f"{where}:{line} imports private name {name} from {target}")
        for name, line in _private_attribute_uses(source, module):
            problems.append(f"{where}:{line} uses private name {name}")
    return problems


def test_the_tree_keeps_the_layer_contract():
    assert contract_violations(ROOT) == []


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_planted_upward_import_is_reported(tmp_path):
    root = _plant(tmp_path, {
        "reviewer/__init__.py": "",
        "reviewer/core/__init__.py": "",
        "reviewer/core/documents/__init__.py": "",
        "reviewer/core/documents/reader.py": "from reviewer.core.review.states import ReviewStatus\n",
        "reviewer/core/review/__init__.py": "",
        "reviewer/core/review/states.py": "ReviewStatus = 1\n",
    })
    assert contract_violations(root) == [
        "reviewer/core/documents/reader.py:1 reviewer.core.documents (layer 1) imports reviewer.core.review.states "
        "(layer 5)"]


def test_planted_front_end_training_sibling_and_private_imports_are_reported(tmp_path):
    root = _plant(tmp_path, {
        "reviewer/core/store/db.py": "import reviewer.ui.main_window\n",
        "reviewer/core/detection/a.py": "from reviewer.core.deidentify.plan import plan_redactions\n",
        "reviewer/core/review/b.py": "from models.training.train import main\n"
                                     "from reviewer.core.audit.chain import _secret\n"
                                     "from reviewer.core.store import schema as s\nx = s._hidden\n",
    })
    assert contract_violations(root) == [
        "reviewer/core/detection/a.py:1 reviewer.core.detection (layer 2) imports reviewer.core.deidentify.plan "
        "(layer 2)",
        "reviewer/core/review/b.py:1 imports the training recipe models.training.train",
        "reviewer/core/review/b.py:2 imports private name _secret from reviewer.core.audit.chain",
        "reviewer/core/review/b.py:4 uses private name reviewer.core.store.schema._hidden",
        "reviewer/core/store/db.py:1 core module imports front end reviewer.ui.main_window",
    ]


def _imported_modules(source: str) -> set[str]:
    return {target for target, _names, _line in _imports(source, "x.y")}


def test_core_sources_do_not_import_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for name in _imported_modules(path.read_text(encoding="utf-8")):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(CORE)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(CORE.parent.parent).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__main__.py"
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
