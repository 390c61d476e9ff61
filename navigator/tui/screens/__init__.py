"""One module per screen (dialogs too: confirm, help, why, export, household)."""
