"""Sphinx configuration for the gtbparse documentation (Sphinx + MyST + furo).

Build it strictly, as CI does::

    python -m sphinx -n -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

import gtbparse

project = "gtbparse"
author = "The gtbparse developers"
copyright = "The gtbparse developers, MIT licence"
version = release = gtbparse.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Strict: every cross-reference must resolve (CI also passes -n -W).
nitpicky = True
# Targets outside this project. The build runs offline, so there is no intersphinx inventory
# for the standard library or the dependencies; these names cannot resolve and are not ours to document.
nitpick_ignore = [
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "random.Random"),
    ("py:class", "collections.Counter"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "st.SearchStrategy"),
    ("py:class", "enum.StrEnum"),
    ("py:class", "os.PathLike"),
    ("py:class", "_regex.Pattern"),  # what ``regex.Pattern[str]`` annotations resolve to
]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}

# Modules whose objects are re-exported from the top-level package: a docstring in ``gtbparse`` that
# says :class:`Issue` means ``gtbparse.model.Issue``.
_DOCUMENTED_MODULES = (
    "gtbparse.model",
    "gtbparse.layout",
    "gtbparse.serialize",
    "gtbparse.errors",
    "gtbparse.glossary",
    "gtbparse.batch",
    "gtbparse.csl",
)


def _resolve_reexport(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element) -> Element | None:
    """Resolve a short or ``gtbparse.X`` Python reference to the module that documents ``X``."""
    if node.get("refdomain") != "py":
        return None
    target = str(node["reftarget"])
    if "." in target and not target.startswith("gtbparse."):
        return None
    name = target.rsplit(".", 1)[-1]
    domain = env.domains["py"]
    for module in _DOCUMENTED_MODULES:
        candidate = f"{module}.{name}"
        if candidate in domain.objects:
            resolved: Element | None = domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode
            )
            return resolved
    return None


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", _resolve_reexport)


html_theme = "furo"
html_title = f"gtbparse {release}"
html_static_path: list[str] = []
