"""The README and the guide in docs/ stay true: the key reference is current, the examples build,
the set-up commands are CI's, and every link between the pages leads somewhere."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from pptx import Presentation

from yamldeck import build_deck
from yamldeck.outline.reference import END, START, reference_markdown

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
OUTLINE_PAGE = (DOCS / "outline.md").read_text(encoding="utf-8")  # the examples of every kind
REFERENCE_PAGE = (DOCS / "reference.md").read_text(encoding="utf-8")  # the generated key reference


def test_key_reference_is_generated_from_the_model() -> None:
    section = REFERENCE_PAGE[REFERENCE_PAGE.index(START) : REFERENCE_PAGE.index(END) + len(END)]
    assert section == reference_markdown()


def test_update_script_reports_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_docs.py"), "--check"], check=False
    )
    assert result.returncode == 0


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_outline_page_examples_build(tmp_path: Path) -> None:
    """docs/outline.md: the first example, and the slide kinds under the first example's deck:."""
    first, kinds = _yaml_blocks(OUTLINE_PAGE)[:2]
    deck_part = first.split("\nslides:")[0]
    for number, body in enumerate((first, deck_part + "\n" + kinds)):
        outline = tmp_path / f"example{number}.yaml"
        outline.write_text(body, encoding="utf-8")
        result = build_deck(outline)
        data = yaml.safe_load(body)
        prs = Presentation(str(result.output))
        assert len(prs.slides) == len(data["slides"])
        assert result.slides == len(data["slides"])


def test_readme_quick_start_outline_builds(tmp_path: Path) -> None:
    """The README's one outline (the example the loader's messages point to) builds as shown."""
    (body,) = _yaml_blocks(README)
    outline = tmp_path / "slides.yaml"
    outline.write_text(body, encoding="utf-8")
    result = build_deck(outline)
    assert result.slides == len(yaml.safe_load(body)["slides"])


def test_readme_set_up_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in README.splitlines() if "pytest" in line and "pip" in line)
    venv_part = test_command[test_command.index("python3 -m venv") :]
    assert venv_part.replace("pip install -e", "pip install -q -e") in ci


def _without_code_blocks(text: str) -> str:
    return re.sub(r"^\s*```.*?^\s*```", "", text, flags=re.S | re.M)


def _prose(text: str) -> str:
    """The text without code blocks and code spans, where '](' is not a link."""
    return re.sub(r"(`+).+?\1", "", _without_code_blocks(text), flags=re.S)


def _anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown page."""
    anchors: set[str] = set()
    for heading in re.findall(r"^#+ (.+)$", _without_code_blocks(text), flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        number, candidate = 0, slug
        while candidate in anchors:
            number += 1
            candidate = f"{slug}-{number}"
        anchors.add(candidate)
    return anchors


def test_links_between_the_readme_and_the_docs_resolve() -> None:
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    broken = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", _prose(text)):
            if re.match(r"[a-z]+:", target):
                continue  # https:, mailto:
            path_part, _, anchor = target.partition("#")
            path = (page.parent / path_part).resolve() if path_part else page
            if not path.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
                continue
            if anchor and anchor not in _anchors(path.read_text(encoding="utf-8")):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


def test_every_docs_page_is_in_the_index() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    written_here = {p.name for p in DOCS.glob("*.md")} - {"README.md"}
    missing = {name for name in written_here if f"]({name})" not in index}
    assert not missing
