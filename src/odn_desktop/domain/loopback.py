"""Which server addresses never leave this computer: the one place that decides where a password may travel
without encryption (SMTP login, sync with PostgreSQL).

Only the literal forms count: ``localhost``, an address in 127.0.0.0/8, ``::1`` (also written ``[::1]`` or as
the IPv4-mapped ``::ffff:127.0.0.1``). No DNS lookup: a name that happens to resolve to 127.0.0.1 today may
resolve elsewhere tomorrow, so it is treated as remote.
"""

from __future__ import annotations

import ipaddress


def is_loopback_host(host: str | None) -> bool:
    """True for ``localhost`` and loopback addresses; False for every other name or address (and for none)."""
    if not host:
        return False
    name = host.strip().removeprefix("[").removesuffix("]").rstrip(".").casefold()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name.partition("%")[0])  # "::1%lo": without the IPv6 zone
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback
