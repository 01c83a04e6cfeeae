"""Certificates of attendance as mail attachments: each person's own PDF, for ``services.mailing``.

The mail service cannot draw a certificate (that is Qt, ``ui.pdf.certificate_pdf``), so the window and the CLI make
the PDFs here and hand them over as ``{registration id: (Attachment,)}``. Made beforehand on the calling (GUI or
CLI main) thread, not while sending: the SMTP delivery runs on a worker thread. Needs a ``QGuiApplication``
(fonts), never QtWidgets: the CLI calls ``ui.pdf.participant_list.ensure_gui_application`` first.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from odn_desktop.domain.names import fold_german
from odn_desktop.exchange.eml_drafts import Attachment

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from odn_desktop.services.certificates import CertificateContent

PDF_TYPE = "application/pdf"
FILE_PREFIX = "Teilnahmebescheinigung"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def attachment_filename(content: CertificateContent) -> str:
    """``Teilnahmebescheinigung_Mueller_Juergen.pdf``: ASCII, unlike the saved files (``ui.pdf.certificate_pdf``):
    a non-ASCII attachment name travels RFC 2231-encoded, which some mail programs show garbled."""
    words = [_UNSAFE.sub("_", fold_german(part).title()).strip("_") for part in (content.last_name, content.first_name)]
    stem = "_".join(w for w in words if w) or "Person"
    return f"{FILE_PREFIX}_{stem}"[:80] + ".pdf"


def certificate_attachments(contents: Sequence[CertificateContent], *,
                            progress: Callable[[int, int], None] | None = None,
                            ) -> dict[uuid.UUID, tuple[Attachment, ...]]:
    """Each certificate drawn as PDF, by registration (``progress(done, total)`` after each)."""
    from .certificate_pdf import certificate_pdf

    found: dict[uuid.UUID, tuple[Attachment, ...]] = {}
    for index, content in enumerate(contents):
        found[content.registration_id] = (Attachment(attachment_filename(content), PDF_TYPE, certificate_pdf(content)),)
        if progress is not None:
            progress(index + 1, len(contents))
    return found


def event_certificate_attachments(session: Session, event_id: uuid.UUID, *, min_percent: int | None = None,
                                  coordinator_name: str = "",
                                  registration_ids: Sequence[uuid.UUID] | None = None,
                                  ) -> dict[uuid.UUID, tuple[Attachment, ...]]:
    """The PDFs of everyone who qualifies at ``min_percent`` (default: the service's 50 %)."""
    from odn_desktop.services.certificates import DEFAULT_MIN_PERCENT, certificate_contents

    contents = certificate_contents(
        session, event_id, min_percent=DEFAULT_MIN_PERCENT if min_percent is None else min_percent,
        coordinator_name=coordinator_name, registration_ids=registration_ids)
    return certificate_attachments(contents)
