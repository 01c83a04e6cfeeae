<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="de_DE">
<context>
    <name>AgendaTab</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="205"/>
        <source>%n Punkte</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="205"/>
        <source>%n Minuten</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="371"/>
        <source>%n erhalten eine Bescheinigung</source>
        <translation>
            <numerusform>%n erhält eine Bescheinigung</numerusform>
            <numerusform>%n erhalten eine Bescheinigung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="420"/>
        <source>%n Bescheinigungen gespeichert in {folder}</source>
        <translation>
            <numerusform>%n Bescheinigung gespeichert in {folder}</numerusform>
            <numerusform>%n Bescheinigungen gespeichert in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="439"/>
        <source>%n Bescheinigungen (eine Seite je Person) gespeichert: {path}</source>
        <translation>
            <numerusform>%n Bescheinigung (eine Seite je Person) gespeichert: {path}</numerusform>
            <numerusform>%n Bescheinigungen (eine Seite je Person) gespeichert: {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="467"/>
        <source>%n Entwürfe mit Bescheinigung gespeichert in {folder}</source>
        <translation>
            <numerusform>%n Entwurf mit Bescheinigung gespeichert in {folder}</numerusform>
            <numerusform>%n Entwürfe mit Bescheinigung gespeichert in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="470"/>
        <source>(%n Personen übersprungen)</source>
        <translation>
            <numerusform>(%n Person übersprungen)</numerusform>
            <numerusform>(%n Personen übersprungen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="319"/>
        <source>{shown} von %n Kontakten</source>
        <translation>
            <numerusform>{shown} von %n Kontakt</numerusform>
            <numerusform>{shown} von %n Kontakten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="320"/>
        <source>%n Kontakte</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="392"/>
        <source>Kontakte zusammengeführt: %n Anmeldungen übernommen, {dropped} doppelte entfernt.</source>
        <translation>
            <numerusform>Kontakte zusammengeführt: %n Anmeldung übernommen, {dropped} doppelte entfernt.</numerusform>
            <numerusform>Kontakte zusammengeführt: %n Anmeldungen übernommen, {dropped} doppelte entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="187"/>
        <source>&amp;Programm (%n Programmpunkte)</source>
        <translation>
            <numerusform>&amp;Programm (%n Programmpunkt)</numerusform>
            <numerusform>&amp;Programm (%n Programmpunkte)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportMappingDialog</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="520"/>
        <source>%n Zeilen in der Datei. Bitte zuerst die Zuordnung vervollständigen.</source>
        <translation>
            <numerusform>%n Zeile in der Datei. Bitte zuerst die Zuordnung vervollständigen.</numerusform>
            <numerusform>%n Zeilen in der Datei. Bitte zuerst die Zuordnung vervollständigen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="522"/>
        <source>%n Zeilen in der Datei</source>
        <translation>
            <numerusform>%n Zeile in der Datei</numerusform>
            <numerusform>%n Zeilen in der Datei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="540"/>
        <source>%n doppelte Zeilen zusammengeführt</source>
        <translation>
            <numerusform>%n doppelte Zeile zusammengeführt</numerusform>
            <numerusform>%n doppelte Zeilen zusammengeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="545"/>
        <source>%n Zeilen außerhalb der Anmeldefrist werden nur mit „Verspätet zulassen“ übernommen</source>
        <translation>
            <numerusform>%n Zeile außerhalb der Anmeldefrist wird nur mit „Verspätet zulassen“ übernommen</numerusform>
            <numerusform>%n Zeilen außerhalb der Anmeldefrist werden nur mit „Verspätet zulassen“ übernommen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="595"/>
        <source>Empfänger: %n Personen</source>
        <translation>
            <numerusform>Empfänger: %n Person</numerusform>
            <numerusform>Empfänger: %n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="756"/>
        <source>%n Entwürfe gespeichert in {folder}</source>
        <translation>
            <numerusform>%n Entwurf gespeichert in {folder}</numerusform>
            <numerusform>%n Entwürfe gespeichert in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="759"/>
        <source>(%n Personen übersprungen)</source>
        <translation>
            <numerusform>(%n Person übersprungen)</numerusform>
            <numerusform>(%n Personen übersprungen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="593"/>
        <source>Empfänger: %n Personen in BCC (ein Entwurf)</source>
        <translation>
            <numerusform>Empfänger: %n Person in BCC (ein Entwurf)</numerusform>
            <numerusform>Empfänger: %n Personen in BCC (ein Entwurf)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="616"/>
        <source>%n Entwürfe noch nicht als verschickt vermerkt</source>
        <translation>
            <numerusform>%n Entwurf noch nicht als verschickt vermerkt</numerusform>
            <numerusform>%n Entwürfe noch nicht als verschickt vermerkt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="652"/>
        <source>An: {to} · BCC: %n Personen</source>
        <translation>
            <numerusform>An: {to} · BCC: %n Person</numerusform>
            <numerusform>An: {to} · BCC: %n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="753"/>
        <source>Ein Entwurf an %n Personen in BCC gespeichert in {folder}</source>
        <translation>
            <numerusform>Ein Entwurf an %n Person in BCC gespeichert in {folder}</numerusform>
            <numerusform>Ein Entwurf an %n Personen in BCC gespeichert in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="780"/>
        <source>%n Entwürfe „{label}“ sind noch nicht als verschickt vermerkt. Haben Sie die Entwürfe aus Outlook verschickt?</source>
        <translation>
            <numerusform>%n Entwurf „{label}“ ist noch nicht als verschickt vermerkt. Haben Sie den Entwurf aus Outlook verschickt?</numerusform>
            <numerusform>%n Entwürfe „{label}“ sind noch nicht als verschickt vermerkt. Haben Sie die Entwürfe aus Outlook verschickt?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="793"/>
        <source>%n Entwürfe als verschickt vermerkt.</source>
        <translation>
            <numerusform>%n Entwurf als verschickt vermerkt.</numerusform>
            <numerusform>%n Entwürfe als verschickt vermerkt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="172"/>
        <source>%n Kontakte würden anonymisiert.</source>
        <translation>
            <numerusform>%n Kontakt würde anonymisiert.</numerusform>
            <numerusform>%n Kontakte würden anonymisiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="178"/>
        <source>%n Kontakte</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="179"/>
        <source>%n Anmeldungen</source>
        <translation>
            <numerusform>%n Anmeldung</numerusform>
            <numerusform>%n Anmeldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="193"/>
        <source>%n Kontakte und ihre Anmeldungen endgültig anonymisieren? Die Teilnehmendenzahlen der Veranstaltungen bleiben erhalten; Namen und Adressen sind danach nicht wiederherstellbar.</source>
        <translation>
            <numerusform>%n Kontakt und seine Anmeldungen endgültig anonymisieren? Die Teilnehmendenzahlen der Veranstaltungen bleiben erhalten; Namen und Adressen sind danach nicht wiederherstellbar.</numerusform>
            <numerusform>%n Kontakte und ihre Anmeldungen endgültig anonymisieren? Die Teilnehmendenzahlen der Veranstaltungen bleiben erhalten; Namen und Adressen sind danach nicht wiederherstellbar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="249"/>
        <source>%n Personen sind nachgerückt. Jetzt benachrichtigen?</source>
        <translation>
            <numerusform>%n Person ist nachgerückt. Jetzt benachrichtigen?</numerusform>
            <numerusform>%n Personen sind nachgerückt. Jetzt benachrichtigen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomPlanModel</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="124"/>
        <source>%n Personen</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomPlanTab</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="272"/>
        <source>%n Personen</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="272"/>
        <source>in %n Räumen</source>
        <translation>
            <numerusform>in %n Raum</numerusform>
            <numerusform>in %n Räumen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="278"/>
        <source>%n Personen ohne Runde bleiben im Hauptraum</source>
        <translation>
            <numerusform>%n Person ohne Runde bleibt im Hauptraum</numerusform>
            <numerusform>%n Personen ohne Runde bleiben im Hauptraum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="280"/>
        <source>%n Referent:innen und Veranstaltende bleiben im Hauptraum</source>
        <translation>
            <numerusform>%n Referent:in oder Veranstaltende:r bleibt im Hauptraum</numerusform>
            <numerusform>%n Referent:innen und Veranstaltende bleiben im Hauptraum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="283"/>
        <source>in %n Räumen treffen sich Personen derselben Organisation oder Kommune (nicht vermeidbar)</source>
        <translation>
            <numerusform>in %n Raum treffen sich Personen derselben Organisation oder Kommune (nicht vermeidbar)</numerusform>
            <numerusform>in %n Räumen treffen sich Personen derselben Organisation oder Kommune (nicht vermeidbar)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="261"/>
        <source>%n Empfänger:innen</source>
        <translation>
            <numerusform>%n Empfänger:in</numerusform>
            <numerusform>%n Empfänger:innen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersPage</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="140"/>
        <source>{shown} von %n Referent:innen</source>
        <translation>
            <numerusform>{shown} von %n Referent:in</numerusform>
            <numerusform>{shown} von %n Referent:innen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="141"/>
        <source>%n Referent:innen</source>
        <translation>
            <numerusform>%n Referent:in</numerusform>
            <numerusform>%n Referent:innen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="91"/>
        <source>%n Änderungen wurden auf beiden Seiten verschieden vorgenommen. Jetzt entscheiden?</source>
        <translation>
            <numerusform>%n Änderung wurde auf beiden Seiten verschieden vorgenommen. Jetzt entscheiden?</numerusform>
            <numerusform>%n Änderungen wurden auf beiden Seiten verschieden vorgenommen. Jetzt entscheiden?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="103"/>
        <source>%n ungesendete Änderungen</source>
        <translation>
            <numerusform>%n ungesendete Änderung</numerusform>
            <numerusform>%n ungesendete Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="134"/>
        <source>%n Konflikte</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="387"/>
        <source>%n Änderungen an Personendaten wurden durch eine Löschung oder Anonymisierung (Datenschutz) ersetzt.</source>
        <translation>
            <numerusform>%n Änderung an Personendaten wurde durch eine Löschung oder Anonymisierung (Datenschutz) ersetzt.</numerusform>
            <numerusform>%n Änderungen an Personendaten wurden durch eine Löschung oder Anonymisierung (Datenschutz) ersetzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="586"/>
        <source>%n Konflikte entschieden; der nächste Abgleich überträgt das.</source>
        <translation>
            <numerusform>%n Konflikt entschieden; der nächste Abgleich überträgt das.</numerusform>
            <numerusform>%n Konflikte entschieden; der nächste Abgleich überträgt das.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WishesPage</name>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="403"/>
        <source>%n Themen</source>
        <translation>
            <numerusform>%n Thema</numerusform>
            <numerusform>%n Themen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="377"/>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="403"/>
        <source>%n Wünsche</source>
        <translation>
            <numerusform>%n Wunsch</numerusform>
            <numerusform>%n Wünsche</numerusform>
        </translation>
    </message>
</context>
</TS>
