"""The dependency rule: imports point inwards (presentation/infrastructure → application → domain)."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
#: Layer → app packages it must not import.
FORBIDDEN = {
    "domain": ("app.application", "app.infrastructure", "app.presentation", "app.config", "sqlalchemy", "fastapi", "pydantic", "redis", "httpx"),
    "application": ("app.infrastructure", "app.presentation", "sqlalchemy", "fastapi", "pydantic", "redis", "httpx"),
    "infrastructure": ("app.application", "app.presentation", "fastapi", "pydantic"),
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_inwards(layer):
    offenders = {
        f"{path.relative_to(APP)} imports {name}" for path in (APP / layer).rglob("*.py") for name in imports_of(path) if name.startswith(FORBIDDEN[layer])
    }
    assert offenders == set()


def test_only_the_wiring_module_names_infrastructure():
    users = {p.name for p in (APP / "presentation").rglob("*.py") if any(n.startswith("app.infrastructure") for n in imports_of(p))}
    assert users == {"dependencies.py"}
