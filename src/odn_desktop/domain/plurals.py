"""German counts in messages outside the window: "1 Entwurf", "2 Entwürfe", "0 Personen", never "Person(en)".

German has two forms: the singular for exactly one, the plural for everything else (also 0). The window uses Qt's
numerus translations instead (``tr("%n Entwürfe", "", n)`` with the forms in resources/translations).
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly 1, else ``many``; ``{n}`` in the text is the number, without it the number goes first.

    >>> plural(1, "Entwurf", "Entwürfe"), plural(2, "Entwurf", "Entwürfe"), plural(0, "Person", "Personen")
    ('1 Entwurf', '2 Entwürfe', '0 Personen')
    >>> plural(1, "{n} Person ist nachgerückt", "{n} Personen sind nachgerückt")
    '1 Person ist nachgerückt'
    """
    text = one if n == 1 else many
    return text.replace("{n}", str(n)) if "{n}" in text else f"{n} {text}"
