"""Persistence: schema, engine and session setup, migrations and backups. Knows SQL, not Qt or files."""
