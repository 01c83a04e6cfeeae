"""A realistic list of topic wishes as participants of "Open Data in Kommunen" write them, by expected topic.

Spelling variants (Ämter/Aemter, Veröffentlichung/Veroeffentlichung, Lizenzen/Lizensen), word order ("Haushaltsdaten
veröffentlichen" / "Veröffentlichung von Haushaltsdaten"), case, punctuation and filler words vary on purpose. The
keys are the topics the coordinator would make of them; every wish of one key belongs together, wishes of different
keys must stay apart. Single wishes on a topic of their own are listed under their own key.
"""

from __future__ import annotations

WISHES_BY_TOPIC: dict[str, list[str]] = {
    "aemter": [
        "Wie die Ämter in einer Kommune dazu motiviert werden können, offene Daten zur Verfügung zu stellen",
        "Wie motiviert man die Aemter, offene Daten bereitzustellen?",
        "Ämter motivieren, Daten zu veröffentlichen",
        "Motivation der Ämter für Open Data",
        "AEMTER MOTIVIEREN!",
        "Fachämter zur Datenbereitstellung motivieren",
    ],
    "ckan": [
        "Aufbau eines Datenportals mit CKAN",
        "CKAN als Datenportal einrichten",
        "Datenportal mit CKAN aufbauen – Erfahrungen",
        "Erfahrungen mit CKAN",
        "Welches Datenportal? CKAN oder DKAN",
        "ckan",
    ],
    "haushalt": [
        "Haushaltsdaten veröffentlichen",
        "Veröffentlichung von Haushaltsdaten",
        "Haushaltsdaten offen bereitstellen – wie?",
        "Offene Haushaltsdaten der Kommune visualisieren",
        "haushaltsdaten",
        "Veroeffentlichung der Haushaltsdaten",
    ],
    "geo": [
        "Geodaten als Open Data",
        "Geodaten und INSPIRE",
        "Offene Geodaten bereitstellen",
        "Geodaten über WMS und WFS veröffentlichen",
        "Open Geodata: Geodaten frei nutzbar machen",
    ],
    "lizenz": [
        "Welche Lizenz für offene Daten?",
        "Lizenzen für Open Data (dl-de/by-2-0, CC BY)",
        "Open-Data-Lizenzen",
        "Lizenzfragen",
        "Lizensen für offene Daten",
    ],
    "recht": [
        "Rechtlicher Rahmen für Open Data in Kommunen",
        "Rechtsrahmen: Open-Data-Gesetz und Datennutzungsgesetz",
        "Rechtsrahmen für offene Daten",
        "Rechtliche Grundlagen von Open Data",
    ],
    "verkehr": [
        "Verkehrsdaten öffnen",
        "Offene Verkehrsdaten (ÖPNV, GTFS)",
        "Verkehrsdaten in Echtzeit",
        "Verkehrsdaten fuer Open Data",
    ],
    "api": [
        "Schnittstellen (APIs) für offene Daten",
        "APIs für Open Data bereitstellen",
        "Offene Schnittstellen",
        "API",
    ],
    "datenschutz": [
        "Datenschutz bei Open Data",
        "Datenschutz und Open Data – wo ist die Grenze?",
        "Open Data vs. Datenschutz",
    ],
    "metadaten": [
        "Metadaten nach DCAT-AP.de",
        "DCAT-AP.de Metadaten pflegen",
        "Metadaten pflegen",
    ],
    "strategie": [
        "Open-Data-Strategie für die Stadt",
        "Eine Open Data Strategie entwickeln",
        "Strategie für offene Daten in der Verwaltung",
    ],
    "hackathon": [
        "Hackathons mit der Zivilgesellschaft organisieren",
        "Einen Hackaton veranstalten",
    ],
    "qualitaet": [
        "Datenqualität sichern",
        "Datenqualitaet verbessern",
    ],
    "visualisierung": [
        "Datenvisualisierung",
        "Visualisierung",
        "Tools für die Visualisierung",
    ],
    "tourismus": [
        "Open Data im Tourismus",
        "Tourismusdaten",
    ],
    "kosten": ["Was kostet ein Open-Data-Projekt?"],
}


def all_wishes() -> list[tuple[str, str]]:
    """(topic, text) in the order above."""
    return [(topic, text) for topic, texts in WISHES_BY_TOPIC.items() for text in texts]
