"""Pictures of the desk screens (SVG) at 80×24 and 100×30, for people to look at and for the
snapshot test: `python bench/screens.py [FOLDER]` (default docs/screens). Made with Textual's
own save_screenshot from made-up cases; nothing of a real consultation."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.tui.app import NavigatorApp  # noqa: E402

SIZES = ((80, 24), (100, 30))
DV = "夫に毎晩殴られてて、今夜も帰ったら何されるか分からない。今すぐ助けてほしい"
CARER = "80歳の母が認知症で、お金の管理もできなくなってきて、私も仕事を辞めて介護してるんですけど、もう限界で"


async def _answer_as_offered(app, pilot) -> None:
    from textual.widgets import OptionList

    from navigator.tui.screens.question import QuestionScreen

    for _ in range(8):
        await pilot.pause()
        if not isinstance(app.screen, QuestionScreen):
            return
        offered = app.screen.query_one(OptionList).highlighted is not None  # else Enter asks for a number
        await pilot.press("enter" if offered else "1")


async def shoot(folder: Path, size: tuple[int, int]) -> list[Path]:
    """intake, question, result (DV), result (household), help, guided: one SVG each."""
    made = []
    tag = f"{size[0]}x{size[1]}"
    app = NavigatorApp(ROOT / "rules", ROOT / "contacts", "asaka", watch_interval=None)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()

        def save(name: str) -> None:
            made.append(Path(app.save_screenshot(f"{name}-{tag}.svg", str(folder))))

        app.screen.query_one("#text").text = CARER
        await pilot.pause()
        save("intake")
        await pilot.press("enter")
        await pilot.pause()
        save("question")
        await _answer_as_offered(app, pilot)
        save("result-household")
        await pilot.press("f1")
        await pilot.pause()
        save("help")
        await pilot.press("escape", "ctrl+n", "y")
        await pilot.pause()
        app.screen.query_one("#text").text = DV
        await pilot.pause()
        await pilot.press("enter")
        await _answer_as_offered(app, pilot)
        save("result-dv")
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        save("guided-who")
        await pilot.press("3")
        await pilot.pause()
        save("guided-trouble")
    return made


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "docs" / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        for path in asyncio.run(shoot(folder, size)):
            print(path.relative_to(folder.parent) if path.is_relative_to(folder.parent) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
