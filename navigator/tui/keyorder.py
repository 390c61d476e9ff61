"""Type-ahead: each key goes to the widget focused once the keys before it were handled.

Textual reads the keys of one terminal write (tmux send-keys Tab Space, a paste of keys over a
slow SSH link) into the app's queue together and forwards each to the widget focused *now*; a
Tab moves the focus only when its binding runs, after the key has bubbled back up. So the Space
after Tab went to the path field instead of ticking 同意, and keys after E reached the result
screen instead of the export dialog being opened. Here a key waits while the screen shown (or
the app) still has messages to handle, then goes on as Textual would send it."""

from __future__ import annotations

import time

from textual import events

WAIT = 0.005     # seconds between looks while keys wait
MOST = 1.0       # a key never waits longer than this, whatever is still busy


class KeyOrder:
    """Mixed into the App before textual's App."""

    _held: list[tuple[events.Key, float]]   # each key that waits, with when it came

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            held = self.__dict__.setdefault("_held", [])
            if held or self._busy():
                held.append((event, time.monotonic()))
                self._look_again()
                return
        await super().on_event(event)

    def _busy(self) -> bool:
        """Messages waiting on the screen shown or in the app (beside the one it handles now).
        A widget hands a key on (bubbling) before it waits for its next message, so a key
        out of every queue has been handled."""
        if self.message_queue_size:
            return True
        try:
            nodes = self.screen.walk_children(with_self=True)
        except Exception:  # no screen yet
            return False
        return any(node.message_queue_size for node in nodes)

    def _look_again(self) -> None:
        if not getattr(self, "_looking", False):
            self._looking = True
            self.set_timer(WAIT, self._release)

    async def _release(self) -> None:
        """Send the keys that waited, one at a time, each once the one before was handled."""
        self._looking = False
        held = self._held
        while held and (not self._busy() or time.monotonic() - held[0][1] > MOST):
            await super().on_event(held.pop(0)[0])
        if held:
            self._look_again()
