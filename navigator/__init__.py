"""相談窓口ナビ: route a welfare consultation to the right municipal window."""

__version__ = "0.1.0"
