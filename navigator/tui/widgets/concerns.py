"""Every concern in two columns with its ticked state as ☑ / ☐ (readable without colour):
↑↓←→ move, スペース ticks, a click ticks, Enter goes on."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...text import printable

TICKED, UNTICKED = "☑", "☐"


@dataclass(frozen=True)
class Item:
    id: str
    label: str


class ConcernGrid(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("space", "toggle", "選ぶ・外す", show=False),  # the line above the list says so
        Binding("enter", "screen.next", "次へ", priority=True),
    ]
    # as tall as its rows, less when the lines above it need the room (a household, a danger
    # cue at 80×24): then the rows around the cursor are shown, and the screen never scrolls
    DEFAULT_CSS = """
    ConcernGrid { height: 1fr; min-height: 3; margin: 0 1; padding: 0 1; background: $boost; }
    ConcernGrid:focus { background-tint: $foreground 5%; }
    """
    cursor = reactive(0)

    class Changed(Message):
        """The ticked concerns, in the order they were ticked."""

        def __init__(self, grid: "ConcernGrid", ticked: list[str]):
            super().__init__()
            self.grid, self.ticked = grid, ticked

    class Highlighted(Message):
        def __init__(self, grid: "ConcernGrid", concern: str):
            super().__init__()
            self.grid, self.concern = grid, concern

    def __init__(self, items: list[Item], ticked: list[str], id: str | None = None):
        super().__init__(id=id)
        self.items = items
        self.ticked = [t for t in ticked if any(i.id == t for i in items)]
        self.top = 0   # the first row shown
        self.styles.max_height = max(self.rows, 1)

    # ---- state
    def set_items(self, items: list[Item], ticked: list[str]) -> None:
        self.items = items
        self.ticked = [t for t in ticked if any(i.id == t for i in items)]
        self.cursor = min(self.cursor, max(len(items) - 1, 0))
        self.styles.max_height = max(self.rows, 1)
        self.refresh(layout=True)

    def tick(self, concern: str, on: bool = True) -> None:
        if on and concern not in self.ticked and any(i.id == concern for i in self.items):
            self.ticked.append(concern)
        elif not on and concern in self.ticked:
            self.ticked.remove(concern)
        else:
            return
        self.refresh()
        self.post_message(self.Changed(self, list(self.ticked)))

    @property
    def rows(self) -> int:
        return (len(self.items) + 1) // 2

    def index_at(self, row: int, column: int) -> int | None:
        index = column * self.rows + row
        return index if 0 <= row < self.rows and index < len(self.items) else None

    # ---- keys and mouse
    def action_move(self, down: int, right: int) -> None:
        if not self.items:
            return
        row, column = self.cursor % self.rows, self.cursor // self.rows
        target = self.index_at(row + down, column + right)
        if target is not None:
            self.cursor = target

    def action_toggle(self) -> None:
        if self.items:
            item = self.items[self.cursor]
            self.tick(item.id, item.id not in self.ticked)

    def watch_cursor(self, cursor: int) -> None:
        self.refresh()
        if self.items:
            self.post_message(self.Highlighted(self, self.items[cursor].id))

    def on_click(self, event: Click) -> None:
        column = 1 if event.x >= self.content_size.width // 2 else 0
        index = self.index_at(event.y + self.top, column)
        if index is not None:
            self.cursor = index
            self.action_toggle()

    # ---- drawing
    def get_content_height(self, container, viewport, width: int) -> int:
        return self.rows

    def shown_rows(self) -> range:
        """The rows that fit, from `top`, moved so that the cursor's row is among them."""
        height = max(self.content_size.height, 1)
        row = self.cursor % self.rows if self.items else 0
        self.top = min(max(self.top, row - height + 1), row, max(self.rows - height, 0))
        return range(self.top, min(self.top + height, self.rows))

    def render(self) -> Content:
        half = max(self.content_size.width // 2, 10)
        lines = []
        for row in self.shown_rows():
            cells = []
            for column in (0, 1):
                index = self.index_at(row, column)
                if index is None:
                    continue
                cells.append(self._cell(index, half))
            lines.append(Content.assemble(*cells))
        return Content("\n").join(lines)

    def _cell(self, index: int, width: int) -> Content:
        from .referrals import fit

        item = self.items[index]
        here = index == self.cursor and self.has_focus
        box = TICKED if item.id in self.ticked else UNTICKED
        text = fit(f"{'▶' if here else ' '}{box} {printable(item.label)}", width)
        return Content.styled(text, "reverse" if here else ("bold" if item.id in self.ticked else ""))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
