"""Sphinx configuration of the course website (`./course site`, tools/build_site.py).

The book is Sphinx + MyST-NB + sphinx-book-theme: every page is rendered from an executed
notebook in build/executed/ (nothing runs on the Java kernel here). tools/build_site.py stages
the sources in build/book-src/ and runs sphinx-build with this folder as the configuration
folder, so paths below are relative to book/.
"""
import html
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

HERE = Path(__file__).resolve().parent

project = "Java Concurrency Lab · Lesson 7"
author = "Java Concurrency Lab"
copyright = "Java Concurrency Lab"
html_title = "Java Concurrency Lab · Lesson 7"
root_doc = "00-Index"
language = "en"

extensions = ["myst_nb", "sphinx_copybutton"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# --- MyST-NB: render the saved outputs, never execute --------------------------------------
nb_execution_mode = "off"
nb_output_stderr = "show"
myst_fence_as_directive = ["mermaid"]          # ```mermaid in a Markdown cell -> the directive below
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# --- the theme ------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
# Mermaid from book/node_modules (npm ci, run by ./course setup); without it the mind map
# shows as its Mermaid text.
MERMAID_JS = HERE / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
html_static_path = ["static"] + ([str(MERMAID_JS)] if MERMAID_JS.is_file() else [])
html_css_files = ["course.css"]
html_copy_source = True
html_sourcelink_suffix = ""                    # the download button gives NAME.ipynb, not NAME.ipynb.txt
html_show_sphinx = False
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": "https://github.com/concurrency-lab/java-concurrency-lab",
    "repository_branch": "HEAD",
    "path_to_docs": "notebooks",
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
    "use_download_button": True,
    "use_repository_button": False,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
copybutton_exclude = ".linenos, .gp, .go"


# --- Mermaid, rendered in the browser by the bundled mermaid.min.js (no CDN) ----------------
class MermaidDirective(Directive):
    """```mermaid -> <pre class="course-mermaid">, drawn in the browser by static/mermaid-init.js.
    A raw node, not a node class of its own: parallel builds pickle the doctrees."""
    has_content = True

    def run(self):
        text = html.escape("\n".join(self.content))
        return [nodes.raw("", f'<pre class="mermaid course-mermaid">{text}</pre>\n', format="html")]


def has_mermaid(doctree) -> bool:
    return any("course-mermaid" in n.astext() for n in doctree.findall(nodes.raw))


def add_mermaid_js(app, pagename, templatename, context, doctree):
    """Loads Mermaid only on the pages that draw a diagram."""
    if MERMAID_JS.is_file() and doctree is not None and has_mermaid(doctree):
        app.add_js_file("mermaid.min.js")
        app.add_js_file("mermaid-init.js")


def setup(app):
    app.add_directive("mermaid", MermaidDirective)
    app.connect("html-page-context", add_mermaid_js)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
