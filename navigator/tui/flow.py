"""The wizard, driven by the app: intake → one question per Step → result, and the guided path
(who → trouble) into the same questions. Each screen answers through its push_screen callback
(dismiss) or a message; the Intake records it and the next screen is chosen here. Mixed into
NavigatorApp, whose ruleset, matcher and consultation it uses."""

from __future__ import annotations

from functools import partial

from ..intake import Step
from ..text import quoted
from .screens.errors import LoadErrorScreen
from .screens.guard import guarded
from .screens.guided import TroubleScreen, WhoScreen, choose_who
from .screens.household import HouseholdScreen
from .screens.intake import IntakeScreen
from .screens.municipality import MunicipalityScreen
from .screens.question import Answer, QuestionScreen


def route(ruleset, case):
    """engine.route, imported with the first result: the app imports this module before its
    first screen, which needs neither the engine nor the result screen (≈ 20 ms)."""
    from ..engine import route as routed

    return routed(ruleset, case)


def _result_screen():
    from .screens.result import ResultScreen   # with the first result (see route)

    return ResultScreen


class Flow:
    @guarded
    def start(self, municipality: str | None, fresh: bool = False) -> None:
        if municipality is None:
            return
        if municipality in self.unavailable and municipality not in self.ruleset.plans:
            self.push_screen(LoadErrorScreen(self.unavailable[municipality], fatal=False, municipality=municipality),
                             lambda _: self.action_choose_municipality())  # back to the list
            return
        if municipality not in self.ruleset.plans:
            raise KeyError(municipality)  # before the screen is built, where it could not be caught
        self._carry_over(municipality, fresh)
        self._reset_stack()
        self.push_screen(IntakeScreen(self.consultation, self.ruleset, self.matcher))

    def _carry_over(self, municipality: str, fresh: bool) -> None:
        """Nothing typed is lost on the way through the picker (Esc also cancels an IME
        conversion, so one Esc too many is common): the same municipality goes on where it was,
        another takes the words and ticks and asks its own questions. `fresh` (Ctrl+N) empties it."""
        intake = self.consultation
        keep = not fresh and self.in_progress()
        if keep and intake.municipality == municipality:
            return
        text, ticked = intake.text, list(intake.ticked)
        intake.municipality = municipality
        intake.clear()
        if keep:
            intake.text, intake.ticked = text, ticked

    def on_intake_screen_submitted(self, event: IntakeScreen.Submitted) -> None:
        self.ask(0)

    # ---- questions, then the result
    @guarded
    def ask(self, index: int, back_to: int | None = None) -> None:
        """Question `index`, or the result after the last. The result is routed before its
        screen is pushed, so a failure leaves the user on the question they answered."""
        if index < 0:
            return  # back past the first question: the intake is underneath
        steps = self.consultation.steps(self.ruleset)
        if index < len(steps):
            self.push_screen(self._question(steps, index), partial(self._answered, steps[index], index))
            return
        try:
            result = route(self.ruleset, self.consultation.case)
        except Exception:
            if back_to is not None and back_to < len(steps):
                self.push_screen(self._question(steps, back_to), partial(self._answered, steps[back_to], back_to))
            raise
        screen = _result_screen()(result, self.ruleset, self.community(result))
        self.push_screen(screen, lambda _: self.ask(len(steps) - 1))

    def _question(self, steps: list[Step], index: int) -> QuestionScreen:
        step = steps[index]
        return QuestionScreen(step, index, len(steps), self.consultation.suggested_answer(step), self._cue(step))

    def _cue(self, step: Step) -> str:
        """The words that made the danger question suggest its answer: （手がかり「包丁を持」「暴れ」）."""
        if step.question.id != self.ruleset.common.danger.question:
            return ""
        words = quoted(self.consultation.danger.matched[:4])
        return f"（手がかり{words}）" if words else ""

    def _answered(self, step: Step, index: int, answer: Answer | None) -> None:
        if answer is None:
            self.ask(index - 1)
            return
        self.consultation.answer(step, answer.value)
        self.ask(index + 1, back_to=index)

    # ---- the guided path
    def on_intake_screen_guided(self, event: IntakeScreen.Guided) -> None:
        """どなたのことですか → どんなことでお困りですか → the usual follow-ups."""
        self.push_screen(WhoScreen(), self._who_chosen)

    def _who_chosen(self, number: int | None) -> None:
        if number is not None:
            choose_who(self.consultation, number)
            self.push_screen(TroubleScreen(self.consultation, self.ruleset.common.concerns), self._troubles_chosen)

    @guarded
    def _troubles_chosen(self, go: bool) -> None:
        if not go:
            self.push_screen(WhoScreen(), self._who_chosen)
            return
        self.consultation.read(self.ruleset, self.matcher)
        self.ask(0)

    # ---- the household, as staff correct it
    @guarded
    def on_intake_screen_household_requested(self, event: IntakeScreen.HouseholdRequested) -> None:
        intake, label = self.consultation, self.ruleset.common.concern
        case = intake.read(self.ruleset, self.matcher, accept=True).case
        persons = [(p.relation, f"{p.relation}{f'（{p.age}歳）' if p.age else ''}") for p in case.persons]
        owner = {c: p.relation for p in case.persons for c in p.concerns}
        concerns = [(c, label(c).label if label(c) else c) for c in owner]
        self.push_screen(HouseholdScreen(concerns, persons, owner), self._household_set)

    def _household_set(self, owner: dict[str, str] | None) -> None:
        if owner is None:
            return
        for concern, relation in owner.items():
            self.consultation.move(concern, relation)
        self.notify("世帯の相談の割り当てを直しました。質問はその人について聞きます。", timeout=4)

    # ---- after a live reload
    def refresh_screens(self) -> str:
        """The intake shows the new concerns; an open result is routed again with the new rules,
        so the screen and any slip made from it show the new 担当課. Says what changed."""
        from ..present import result_changes

        said = ""
        for screen in self.screen_stack:
            if isinstance(screen, IntakeScreen):
                screen.refresh_concerns(self.ruleset, self.matcher)
            if isinstance(screen, _result_screen()):
                self.consultation.read(self.ruleset, self.matcher)
                new = route(self.ruleset, self.consultation.case)
                changes = result_changes(screen.result, new)
                screen.show(new, self.ruleset)
                said = ("相談先を選び直しました: " + "／".join(changes[:4]) + ("ほか" if len(changes) > 4 else "")
                        if changes else "相談先は変わりません。")
        return said

    def _replace_stale_screens(self) -> None:
        """After a reload no out-of-date problem list or picker stays on show, and never the
        empty screen under them: a municipality's problem list opens its intake once it is
        fixed (its new problems while it is not), the picker shows who is usable now."""
        screen = self.screen
        if isinstance(screen, LoadErrorScreen) and not screen.fatal:
            self.pop_screen()
            if screen.municipality:
                self.start(screen.municipality)
                return
        if isinstance(self.screen, MunicipalityScreen) or len(self.screen_stack) <= 1:
            self.action_choose_municipality()
