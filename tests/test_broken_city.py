"""One broken city never blocks the others: the shipped five with one file broken by a typo."""

from __future__ import annotations

import shutil

from textual.widgets import OptionList

from navigator.tui.app import NavigatorApp
from navigator.tui.screens.errors import LoadErrorScreen
from navigator.tui.screens.intake import IntakeScreen
from navigator.tui.screens.municipality import MunicipalityScreen
from conftest import ROOT

SIZE = (100, 30)


def shipped_copy(tmp_path):
    for folder in ("rules", "contacts"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


async def test_the_other_four_cities_start_when_one_has_a_typo(tmp_path):
    folder = shipped_copy(tmp_path)
    isesaki = folder / "contacts" / "isesaki.yaml"
    isesaki.write_text(isesaki.read_text(encoding="utf-8").replace("    window:", "    window", 1), encoding="utf-8")
    app = NavigatorApp(folder / "rules", folder / "contacts", None, watch_interval=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MunicipalityScreen)
        assert sorted(app.ruleset.plans) == ["ageo", "asaka", "maebashi", "shimotsuke"]
        assert list(app.unavailable) == ["isesaki"]
        labels = [str(o.prompt) for o in app.screen.query_one(OptionList)._options]
        # it keeps its number (3, as when it loads): staff who press 3 by habit never get another city
        assert len(labels) == 5 and labels[2].startswith("3. 伊勢崎市（isesaki）　— 使えません")
        assert labels[1].startswith("2. 朝霞市") and labels[3].startswith("4. 前橋市")
        assert any("伊勢崎市（isesaki） はルールファイルに問題" in n.message for n in app._notifications)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        assert "NAV-E105" in str(app.screen.query_one("#problems Static").render())  # the missing colon
        await pilot.press("escape", "1")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
