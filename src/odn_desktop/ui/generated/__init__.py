"""Python modules compiled from resources/ui/*.ui by scripts/build_ui.py (do not edit by hand)."""
