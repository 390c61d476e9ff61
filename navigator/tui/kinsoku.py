"""Kinsoku (禁則): no wrapped line starts with 、。）」 and the like, or ends with （「.

Textual folds Japanese, which has no spaces, at whatever character meets the edge, so a line
could start with 「。」. Its wrapping is done by two functions (rich's divide_line for text on
screen, Textual's compute_wrap_offsets for the text area) that return where each line starts;
`install` wraps both so that a break before such a character moves back one or two characters
(that character goes down with it), and the rest of the paragraph is wrapped again from there."""

from __future__ import annotations

NO_LINE_START = frozenset("、。，．,.）)］]｝}」』】〕〉》”’！？!?：；:;・ーゝゞヽヾ々"
                          "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NO_LINE_END = frozenset("（(［[｛{「『【〔〈《“‘")
MOST = 3   # characters a break moves back at most (「。」」 and the like)


def better_break(text: str, start: int, at: int) -> int:
    """Where the line that starts at `start` should end instead of `at`, by the rules above."""
    moved = at
    while (moved - start > 1 and at - moved < MOST and moved < len(text)
           and (text[moved] in NO_LINE_START or text[moved - 1] in NO_LINE_END)):
        moved -= 1
    return moved if moved < len(text) and text[moved] not in NO_LINE_START else at


def kinsoku(wrap):
    """`wrap(text, width, ...) -> [line starts]` keeping to the rules."""
    def wrapped(text: str, width: int, *args, **kwargs) -> list[int]:
        offsets = wrap(text, width, *args, **kwargs)
        if not any(text[o:o + 1] in NO_LINE_START or text[o - 1:o] in NO_LINE_END for o in offsets):
            return offsets   # the usual case: nothing to move
        kwargs.pop("precomputed_tab_sections", None)   # made for the whole text, not its rest
        out, start = [], 0
        while offsets:
            at = offsets[0]
            moved = better_break(text, start, at)
            out.append(moved)
            start = moved
            offsets = offsets[1:] if moved == at else [moved + o for o in wrap(text[moved:], width, *args, **kwargs)]
        return out
    wrapped.kinsoku = True
    return wrapped


def install() -> None:
    """Wrap the functions where Textual and rich look them up (once; skipped if they move)."""
    import rich.text
    import textual.content
    from textual.document import _wrapped_document

    for module, name in ((textual.content, "divide_line"), (rich.text, "divide_line"),
                         (_wrapped_document, "compute_wrap_offsets")):
        found = getattr(module, name, None)
        if callable(found) and not getattr(found, "kinsoku", False):
            setattr(module, name, kinsoku(found))
