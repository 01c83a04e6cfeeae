"""Use cases the coordinator performs: plain Python over a Session, returning plain data."""
