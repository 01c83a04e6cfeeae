"""Plain-Python rules of the domain: seats, deadlines, agenda times, names. No Qt, no SQL."""
