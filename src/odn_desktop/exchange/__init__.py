"""File formats (Excel sheets, calendar files, imports) on plain data: no Session, no Qt."""
