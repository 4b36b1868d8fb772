"""Settings of the extraction, validated early, in one dataclass.

``ExtractSettings.resolve(None | dict | ExtractSettings)`` is called at every
public entry point, as pdfplumber does with its TableSettings. Unknown keys and
out-of-range values raise ``UsageError`` naming the key and the valid values.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from evalsearch.errors import UsageError

DEFAULT_FURNITURE_BAND = 0.1
DEFAULT_FURNITURE_MIN_PAGES = 3
DEFAULT_FURNITURE_MIN_SHARE = 0.3
DEFAULT_COLUMN_GAP = 14.0
DEFAULT_MIN_CHARS_PER_PAGE = 8


@dataclass(frozen=True)
class ExtractSettings:
    """How the PDF reader decides what is page furniture, columns and text.

    Attributes:
        password (str | None): opens an encrypted PDF.
        furniture_band (float): share of the page height at top and bottom searched for
            running headers, footers and page numbers (of the tallest page's height, so that
            a landscape page has the bands of the portrait pages around it).
        furniture_min_pages (int): a header/footer must repeat on at least this many pages...
        furniture_min_share (float): ...and on at least this share of the pages.
        column_gap (float): a horizontal gap (points) wider than this splits a printed
            line into separate column fragments (margin note | body, table cells).
        min_chars_per_page (float): average characters per page below which a document is
            reported as having no text layer (a scan).
        repair (bool): rebuild a damaged cross-reference table with pypdfium2 and go on.
    """

    password: str | None = None
    furniture_band: float = DEFAULT_FURNITURE_BAND
    furniture_min_pages: int = DEFAULT_FURNITURE_MIN_PAGES
    furniture_min_share: float = DEFAULT_FURNITURE_MIN_SHARE
    column_gap: float = DEFAULT_COLUMN_GAP
    min_chars_per_page: float = DEFAULT_MIN_CHARS_PER_PAGE
    repair: bool = True

    def __post_init__(self) -> None:
        if not 0 < self.furniture_band < 0.5:
            raise UsageError(f"setting 'furniture_band' must be between 0 and 0.5, got {self.furniture_band}")
        if self.furniture_min_pages < 2:
            raise UsageError(f"setting 'furniture_min_pages' must be at least 2, got {self.furniture_min_pages}")
        if not 0 < self.furniture_min_share <= 1:
            raise UsageError(f"setting 'furniture_min_share' must be in (0, 1], got {self.furniture_min_share}")
        if self.column_gap <= 0:
            raise UsageError(f"setting 'column_gap' must be positive, got {self.column_gap}")
        if self.min_chars_per_page < 0:
            raise UsageError(f"setting 'min_chars_per_page' must not be negative, got {self.min_chars_per_page}")

    @classmethod
    def resolve(cls, settings: "ExtractSettings | dict | None" = None) -> "ExtractSettings":
        """Turn None, a dict of overrides, or a settings object into settings.

        >>> ExtractSettings.resolve({"column_gap": 20}).column_gap
        20
        """
        if settings is None:
            return cls()
        if isinstance(settings, cls):
            return settings
        if isinstance(settings, dict):
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(settings) - known)
            if unknown:
                raise UsageError(
                    f"unknown extract setting {unknown[0]!r}; valid settings: {', '.join(sorted(known))}"
                )
            return replace(cls(), **settings)
        raise UsageError(f"settings must be a dict or ExtractSettings, got {type(settings).__name__}")
