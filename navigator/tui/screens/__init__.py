"""One module per screen; dialogs (help, why, export) together."""
