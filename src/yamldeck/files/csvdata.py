"""CSV files an outline names: read as UTF-8 text and parsed into rows of checked cells."""

from __future__ import annotations

from ..outline import tabular
from ..outline.fields import _check_text
from .paths import AssetPolicy, AssetProblem, read_file, resolve

MAX_CSV_BYTES = 5 * 1024 * 1024


def load_rows(raw: str, policy: AssetPolicy) -> list[list[str]]:
    """The rows of a CSV file beside the outline."""
    data = read_file(resolve(raw, policy, "CSV file", MAX_CSV_BYTES), raw, "CSV file",
                     MAX_CSV_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssetProblem(
            f"CSV file '{raw}' is not UTF-8 text; in Excel use Save As > 'CSV UTF-8', "
            "in LibreOffice tick 'Edit filter settings' and choose Unicode (UTF-8)"
        ) from None
    try:
        rows = tabular.parse_csv(text)
        for number, row in enumerate(rows, start=1):
            for column, cell in enumerate(row, start=1):
                try:
                    row[column - 1] = _check_text(cell)
                except ValueError as exc:
                    raise ValueError(f"row {number}, column {column}: {exc}") from None
    except ValueError as exc:
        raise AssetProblem(f"CSV file '{raw}' {exc}") from None
    return rows
