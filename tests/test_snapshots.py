"""Pictures of the new screens at 80×24 and 100×30 (bench/screens.py, Textual's SVG export):
made here in a temporary folder and checked for what each must show. The SVGs are for layout;
Japanese glyphs depend on the viewer's fonts, so the text is asserted, not the pixels."""

from __future__ import annotations

import asyncio
import html
import importlib.util
import re

from conftest import ROOT

spec = importlib.util.spec_from_file_location("screens", ROOT / "bench" / "screens.py")
screens = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screens)

MUST_SHOW = {
    "intake": ["朝霞市の計画で案内します", "☐", "世帯（相談内容から推定）"],
    "question": ["母（80歳）について"],  # 朝霞 asks her capacity (not inferred); the label: test_tui
    "result-household": ["世帯", "福祉の総合相談", "（本人）"],
    "result-dv": ["緊急", "110", "女性総合相談・DV相談"],
    "help": ["キー操作", "マウスでも操作できます"],
    "guided-who": ["どなたのことで相談に来られましたか"],
    "guided-trouble": ["どんなことでお困りですか", "例:「"],
}


def text_of(svg: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def test_pictures_of_every_new_screen_at_both_sizes(tmp_path):
    made = []
    for size in screens.SIZES:
        made += asyncio.run(screens.shoot(tmp_path, size))
    names = {p.name for p in made}
    assert names == {f"{n}-{w}x{h}.svg" for n in MUST_SHOW for w, h in screens.SIZES}
    for path in made:
        shown = text_of(path.read_text(encoding="utf-8"))
        for words in MUST_SHOW[path.name.rsplit("-", 1)[0]]:
            assert words in shown, (path.name, words)
