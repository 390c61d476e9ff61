"""What `navigator check`, `test`, `coverage` and `diff` look for: lint (rules that never fire,
unused contacts …), quotes (every cited sentence is in its plan), knockon (warnings that follow
from an error), scenarios (a consultation and where it must lead), coverage (municipality ×
concern), diff (which consultations an edit sends elsewhere)."""
