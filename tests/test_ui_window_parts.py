"""The window's shared parts: theme colours readable in light and dark, icons, settings declarations."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPalette

from desktop.ui import settings as keys
from desktop.ui.theme import DARK, LIGHT, dark_palette, palette_colors

pytestmark = pytest.mark.gui

TINTS = ("inserted", "deleted", "changed", "moved", "boilerplate_background", "entity_highlight")
MARKS = ("find_highlight", "find_current")
WORD_MARKS = ("word_insert", "word_delete", "word_change", "char_change")  # text on them is word_text
# A word mark sits inside a sentence of this tint (a moved sentence's edits are word_change).
WORD_IN_SENTENCE = (
    ("word_insert", "inserted"), ("word_insert", "changed"), ("word_delete", "deleted"), ("word_delete", "changed"),
    ("word_change", "changed"), ("word_change", "moved"), ("char_change", "changed"), ("char_change", "moved"),
)


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_palette_picks_light_or_dark_by_window_lightness(qapp):
    assert palette_colors(dark_palette()) is DARK
    assert palette_colors(QPalette(QColor("#efefef"))) is LIGHT


@pytest.mark.parametrize("colors,text", [(LIGHT, QColor("#000000")), (DARK, dark_palette().color(QPalette.ColorRole.Text))])
def test_text_stays_readable_on_every_tint(qapp, colors, text):
    for name in TINTS:  # whole sentences sit on these: AAA
        ratio = _contrast(getattr(colors, name), text)
        assert ratio >= 7.0, f"{name}: contrast {ratio:.1f}"
    for name in MARKS:  # single words, which must stand out from the sentence tint: above AA
        ratio = _contrast(getattr(colors, name), text)
        assert ratio >= 5.5, f"{name}: contrast {ratio:.1f}"
    for name in WORD_MARKS:  # edited words carry their own text colour: above AA
        ratio = _contrast(getattr(colors, name), colors.word_text)
        assert ratio >= 5.5, f"{name}: contrast {ratio:.1f}"


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_an_edited_word_stands_out_from_its_sentence(qapp, colors):
    """WCAG 3:1 between a word's highlight and its sentence's tint (non-text contrast), in
    both palettes: the old dark pair (#5f4e18 on #463a17) was 1.3:1."""
    from desktop.ui.theme import contrast

    for word, sentence in WORD_IN_SENTENCE:
        ratio = contrast(getattr(colors, word), getattr(colors, sentence))
        assert ratio >= 3.0, f"{word} on {sentence}: {ratio:.2f}"
        assert contrast(colors.word_text, getattr(colors, word)) >= 4.5


@pytest.mark.parametrize("colors,base", [(LIGHT, QColor("#ffffff")), (DARK, dark_palette().color(QPalette.ColorRole.Base))])
def test_strokes_and_muted_text_show_on_the_background(qapp, colors, base):
    for name in ("inserted_line", "deleted_line", "changed_line", "moved_line", "muted_text", "boilerplate_text",
                 "discrepancy", "current_change"):
        assert _contrast(getattr(colors, name), base) >= 3.0, name


def test_icons_draw_qtawesome_glyphs_exactly(qapp):
    import qtawesome

    from desktop.ui.icons import GLYPHS, glyph_icon, icon

    ours = glyph_icon("mdi6.magnify", "#202020").pixmap(48, 48).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    theirs = qtawesome.icon("mdi6.magnify", color="#202020").pixmap(48, 48).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    differing = sum(
        1 for x in range(48) for y in range(48) if abs(ours.pixelColor(x, y).alpha() - theirs.pixelColor(x, y).alpha()) > 40
    )
    assert differing < 20
    for purpose in GLYPHS:
        image = icon(purpose).pixmap(24, 24).toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24)), purpose
    with pytest.raises(KeyError, match="no-such-icon"):
        glyph_icon("mdi6.no-such-icon", "#000000")


def test_app_icon_is_two_pages(qapp):
    from desktop.ui.icons import app_icon

    image = app_icon().pixmap(64, 64).toImage()
    assert image.width() == 64
    assert image.pixelColor(20, 32).lightness() > 200  # a page
    assert image.pixelColor(32, 32).lightness() < 100  # the hinge between them


def test_settings_read_back_their_types_and_defaults(tmp_path):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert keys.IGNORE_CASE.read(store) is False
    assert keys.RECENT_FILES.read(store) == []
    assert keys.GEOMETRY.read(store).isEmpty()
    keys.IGNORE_CASE.write(store, True)
    keys.RECENT_FILES.write(store, ["/only/one.txt"])
    store.setValue(keys.SIDEBAR_VISIBLE.key, "not a bool at all")
    store.setValue(keys.LAST_FOLDER.key, 12)
    store.sync()
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert keys.IGNORE_CASE.read(again) is True
    assert keys.RECENT_FILES.read(again) == ["/only/one.txt"]  # a one-item list is not a string
    assert keys.SIDEBAR_VISIBLE.read(again) is False
    assert keys.LAST_FOLDER.read(again) == "12"
    assert len({s.key for s in keys.ALL}) == len(keys.ALL)


def test_recent_files_most_recent_first_without_duplicates():
    recent: list[str] = []
    for n in range(15):
        recent = keys.add_recent(recent, f"/a/{n}.txt")
    recent = keys.add_recent(recent, "/a/10.txt")
    assert recent[0] == "/a/10.txt"
    assert len(recent) == keys.MAX_RECENT
    assert len(set(recent)) == len(recent)
