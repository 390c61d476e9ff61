"""The Textual user interface: app, screens and one stylesheet."""
