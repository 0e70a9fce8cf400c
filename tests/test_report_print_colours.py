"""Print stays light and legible: the window's dark word marks never reach the report."""

import re

import pytest

pytestmark = pytest.mark.gui


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_word_marks_in_the_report_are_light_with_dark_text(qapp):
    from desktop.core.report.html import stylesheet
    from desktop.ui.report.export import print_palette

    css = stylesheet("qt", print_palette())
    for cls in ("del", "ins", "chg", "chs", "val"):
        rule = re.search(r"\." + cls + r" \{ color: (#[0-9a-f]{6}); background-color: (#[0-9a-f]{6})", css, re.I)
        assert rule, cls
        text, background = rule.groups()
        assert _luminance(background) > 0.3, (cls, background)  # a light mark, not a block of ink
        assert _contrast(text, background) >= 4.5, (cls, text, background)
