"""Optional dependencies, imported when a feature needs them: a missing one names the package to
install instead of ending in a bare ImportError traceback from deep inside a call.

`import tariff` needs only NumPy; tables want pandas, scale-out Dask, documents Jinja2,
WeasyPrint, openpyxl and Matplotlib (pyproject.toml's extras).
"""

from __future__ import annotations

import importlib
from types import ModuleType

# module -> (Debian package, pip distribution, the extra of this package that brings it)
_PACKAGES = {
    "pandas": ("python3-pandas", "pandas", "pandas"),
    "dask": ("python3-dask", "dask", "dask"),
    "distributed": ("python3-distributed", "distributed", "dask"),
    "jinja2": ("python3-jinja2", "Jinja2", "documents"),
    "weasyprint": ("python3-weasyprint", "weasyprint", "documents"),
    "openpyxl": ("python3-openpyxl", "openpyxl", "documents"),
    "matplotlib": ("python3-matplotlib", "matplotlib", "documents"),
}


class MissingDependency(ModuleNotFoundError):
    """An optional package a feature needs is not installed; the message says which, and how to
    install it. A ModuleNotFoundError (so an ImportError): code that catches those still does."""


def message(module: str, feature: str) -> str:
    debian, pip, extra = _PACKAGES[module]
    return (f"{feature} needs the Python package {pip!r} ({module}), which is not installed: "
            f"install it (Debian: apt-get install {debian}; pip: pip install {pip!r}, or "
            f"pip install 'tariff[{extra}]')")


def require(module: str, feature: str) -> ModuleType:
    """The module ``module`` (one of the optional dependencies), imported; MissingDependency
    naming what to install when it is missing. ``feature`` says what needs it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        # Only the module itself missing is reported so; a broken install of it raises as is.
        if e.name is not None and e.name != module and not e.name.startswith(module + "."):
            raise
        raise MissingDependency(message(module, feature), name=module) from None
