"""Everything Qt: start-up, windows, item models, dialogs. Nothing outside this package imports Qt."""
