<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de_DE">
<context>
    <name>AddRegistrantDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="84"/>
        <source>&lt;b&gt;{title}&lt;/b&gt; am {date}</source>
        <extracomment>wait this long after the last keystroke before asking the database</extracomment>
        <translation>&lt;b&gt;{title}&lt;/b&gt; on {date}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="93"/>
        <source>Die Anmeldefrist ist am {when} Uhr abgelaufen. Eine Nachmeldung ist nur möglich, wenn Sie sie ausdrücklich zulassen.</source>
        <translation>The registration deadline passed on {when}. A late registration is only possible if you explicitly allow it.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="96"/>
        <source>Eine Anmeldung ist nur möglich, wenn Sie sie ausdrücklich zulassen.</source>
        <translation>A registration is only possible if you explicitly allow it.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="100"/>
        <source>&amp;Anmelden</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="159"/>
        <source>{name} ist für diese Veranstaltung bereits {state}.</source>
        <translation>{name} is already {state} for this event.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="162"/>
        <source>Vorhandener Kontakt wird verwendet: {name} ({email}).</source>
        <translation>Using the existing contact: {name} ({email}).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="225"/>
        <source>bereits {state}</source>
        <translation>already {state}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="234"/>
        <source>Diese E-Mail-Adresse gehört zu {name}; der vorhandene Kontakt wird verwendet.</source>
        <translation>This email address belongs to {name}; the existing contact will be used.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="255"/>
        <source>ohne Runde</source>
        <translation>no round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="259"/>
        <source>unbegrenzt</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="261"/>
        <source>{free} von {limit} Plätzen frei</source>
        <translation>{free} of {limit} seats free</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="263"/>
        <source>ausgebucht – Warteliste ({waiting} warten)</source>
        <translation>fully booked – waiting list ({waiting} waiting)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="269"/>
        <source>angemeldet</source>
        <translation>registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="269"/>
        <source>auf der Warteliste</source>
        <translation>on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="281"/>
        <source>Bitte geben Sie eine E-Mail-Adresse an.</source>
        <translation>Please enter an email address.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="283"/>
        <source>Bitte geben Sie einen Vor- oder Nachnamen an.</source>
        <translation>Please enter a first or last name.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="285"/>
        <source>Diese Person ist bereits angemeldet; bitte eine andere wählen.</source>
        <translation>This person is already registered; please choose someone else.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="287"/>
        <source>Diese Veranstaltung hat parallele Runden: bitte eine Runde wählen.</source>
        <translation>This event has parallel rounds: please choose a round.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="290"/>
        <source>Die Anmeldefrist ist abgelaufen: bitte „Verspätet zulassen“ ankreuzen.</source>
        <translation>The registration deadline has passed: please tick “Allow late registration”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/add_registrant_dialog.py" line="292"/>
        <source>Außerhalb des Anmeldezeitraums: bitte „Verspätet zulassen“ ankreuzen.</source>
        <translation>Outside the registration period: please tick “Allow late registration”.</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="14"/>
        <source>Anmeldung hinzufügen</source>
        <translation>Add registration</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="30"/>
        <source>Tippen Sie E-Mail-Adresse oder Namen: vorhandene Kontakte werden vorgeschlagen, damit keine Dubletten entstehen.</source>
        <translation>Type an email address or a name: existing contacts are suggested so that no duplicates are created.</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="45"/>
        <source>&amp;E-Mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="55"/>
        <source>name@kommune.de</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="62"/>
        <source>&amp;Vorname:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="75"/>
        <source>&amp;Nachname:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="88"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="98"/>
        <source>z. B. Stadt Moers</source>
        <translation>e.g. Stadt Moers</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="105"/>
        <source>&amp;Runde:</source>
        <translation>&amp;Round:</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="115"/>
        <source>Bitte eine Runde wählen</source>
        <translation>Please choose a round</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="124"/>
        <source>Vorhandene &amp;Kontakte (Enter oder Doppelklick übernimmt):</source>
        <translation>Existing &amp;contacts (Enter or double-click selects):</translation>
    </message>
    <message>
        <location filename="../ui/add_registrant.ui" line="167"/>
        <source>Verspätet &amp;zulassen</source>
        <translation>Allow la&amp;te registration</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="78"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="79"/>
        <source>Dauer (min)</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="80"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="81"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="82"/>
        <source>Referent:in</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="206"/>
        <source>{start}–{end} Uhr: {title}</source>
        <translation>{start}–{end}: {title}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_model.py" line="209"/>
        <source>Endet nach dem Ende der Veranstaltung.</source>
        <translation>Ends after the end of the event.</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="106"/>
        <source>F2 oder Doppelklick bearbeitet eine Zelle; Ziehen oder Alt+↑/↓ verschiebt.</source>
        <translation>F2 or double-click edits a cell; drag or Alt+↑/↓ moves.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="120"/>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="311"/>
        <source>Programmpunkt hinzufügen</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="121"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="122"/>
        <source>Nach oben</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="123"/>
        <source>Nach unten</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="124"/>
        <source>Ausgewählten Programmpunkt nach oben schieben (Alt+↑)</source>
        <translation>Move the selected agenda item up (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="125"/>
        <source>Ausgewählten Programmpunkt nach unten schieben (Alt+↓)</source>
        <translation>Move the selected agenda item down (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="126"/>
        <source>Ausgewählten Programmpunkt entfernen (Entf)</source>
        <translation>Remove the selected agenda item (Del)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="203"/>
        <source>Zeitfenster {start}–{end} Uhr · Programm: {items}, {minutes}, Ende {agenda_end} Uhr</source>
        <translation>Time slot {start}–{end} · Agenda: {items}, {minutes}, ends {agenda_end}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="205"/>
        <source>%n Punkte</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="205"/>
        <source>%n Minuten</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="212"/>
        <source>– niemand –</source>
        <translation>– nobody –</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="255"/>
        <source>Programmpunkt ändern ({field})</source>
        <translation>Change agenda item ({field})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="271"/>
        <source>Programmpunkt verschieben</source>
        <translation>Move agenda item</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="299"/>
        <source>Neuer Programmpunkt</source>
        <translation>New agenda item</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="327"/>
        <source>Programmpunkt „{title}“ entfernen</source>
        <translation>Remove agenda item “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="153"/>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>AllRegistrationsPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="120"/>
        <source>Name, E-Mail oder Organisation …</source>
        <extracomment>a list (the first rows) or a ``RegistrationTable`` (every row, as columns) the titles of the rounds in the rows (the &quot;Runde&quot; filter&apos;s entries), found on the worker event id and editor tab, e.g. (uuid, &quot;registrations&quot;) &quot;Kontakt öffnen&quot;: the registrant&apos;s contact id, for the Kontakte page the complete list is shown</extracomment>
        <translation>Name, email or organisation …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="123"/>
        <source>&amp;Suche:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="130"/>
        <source>S&amp;tatus:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="137"/>
        <source>&amp;Runde:</source>
        <translation>&amp;Round:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="153"/>
        <source>Lade …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="317"/>
        <source>ohne Runde</source>
        <translation>no round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="339"/>
        <source>{total} Anmeldungen</source>
        <translation>{total} registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="341"/>
        <source>{shown} von {total} Anmeldungen</source>
        <translation>{shown} of {total} registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="344"/>
        <source>(wird aktualisiert …)</source>
        <translation>(updating …)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="344"/>
        <source>(weitere werden geladen …)</source>
        <translation>(loading more …)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="149"/>
        <source>Anmeldungen der Veranstaltung öffnen</source>
        <translation>Open the event&apos;s registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="151"/>
        <source>Kontakt öffnen</source>
        <translation>Open contact</translation>
    </message>
</context>
<context>
    <name>AnnouncementDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="70"/>
        <source>Ankündigung – {title}</source>
        <translation>Announcement – {title}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="97"/>
        <source>HTML (für die Website)</source>
        <translation>HTML (for the website)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="97"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="97"/>
        <source>Text</source>
        <translation>Plain text</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="99"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="101"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="114"/>
        <source>Vorschau der Ankündigung</source>
        <translation>Preview of the announcement</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="115"/>
        <source>&amp;Vorschau:</source>
        <translation>&amp;Preview:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="121"/>
        <source>Ohne Zugangslink. Stand jetzt: „{status}“ – vor dem Veröffentlichen neu erstellen, wenn sich die Anmeldungen ändern.</source>
        <translation>Without the access link. As of now: “{status}” – create it again before publishing if the registrations change.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="126"/>
        <source>Ungespeicherte Änderungen in den Details sind noch nicht enthalten.</source>
        <translation>Unsaved changes in the details are not included yet.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="137"/>
        <source>Als formatierten Text &amp;kopieren</source>
        <translation>&amp;Copy as formatted text</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="138"/>
        <source>HTML und reinen Text in die Zwischenablage, zum Einfügen in den Editor der Website</source>
        <translation>HTML and plain text to the clipboard, for pasting into the website’s editor</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="140"/>
        <source>&amp;Speichern …</source>
        <translation>&amp;Save …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="141"/>
        <source>Als HTML-, Markdown- oder Textdatei speichern</source>
        <translation>Save as an HTML, Markdown or text file</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="179"/>
        <source>Die Ankündigung ist in der Zwischenablage (formatiert und als Text).</source>
        <translation>The announcement is on the clipboard (formatted and as plain text).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="188"/>
        <source>HTML-Datei (*.html *.htm)</source>
        <translation>HTML file (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="188"/>
        <source>Markdown-Datei (*.md)</source>
        <translation>Markdown file (*.md)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="189"/>
        <source>Textdatei (*.txt)</source>
        <translation>Text file (*.txt)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="190"/>
        <source>Ankündigung speichern</source>
        <translation>Save announcement</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/announcement_dialog.py" line="202"/>
        <source>Gespeichert ({format}): {path}</source>
        <translation>Saved ({format}): {path}</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/context.py" line="39"/>
        <source>Hinweis</source>
        <extracomment>Kinds of data a change can touch; pages subscribe to the ones they show.</extracomment>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="95"/>
        <source>– nicht zuordnen –</source>
        <translation>– do not assign –</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="96"/>
        <source>Gastgeber:in – nicht mitzählen</source>
        <translation>Host – do not count</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="97"/>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="137"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="98"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="99"/>
        <source>von Hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="100"/>
        <source>Referent:in</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="101"/>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="254"/>
        <source>Gastgeber:in</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="137"/>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="252"/>
        <source>Name im Bericht</source>
        <translation>Name in the report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="138"/>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="253"/>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="138"/>
        <source>Zuordnen zu</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="210"/>
        <source>„{0}“ zuordnen zu</source>
        <translation>Assign “{0}” to</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="252"/>
        <source>Anmeldung</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="253"/>
        <source>erkannt über</source>
        <translation>matched by</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="271"/>
        <source>nicht mitzählen</source>
        <translation>not counted</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="277"/>
        <source>Als Gastgeber:in markieren: wird nicht als Gast gezählt</source>
        <translation>Mark as host: not counted as a guest</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="320"/>
        <source>Anwesenheit aus „{file}“</source>
        <translation>Attendance from “{file}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="346"/>
        <source>Anwesenheit übernehmen – {0}</source>
        <translation>Import attendance – {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="356"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}{2}) für &lt;b&gt;{3}&lt;/b&gt;</source>
        <extracomment>what &quot;Übernehmen&quot; will do with the current choices (matched again on every change)</extracomment>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1}{2}) for &lt;b&gt;{3}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="401"/>
        <source>Nicht zugeordnet – bitte zuordnen, als Gastgeber:in markieren oder frei lassen</source>
        <translation>Not matched – please assign, mark as host or leave empty</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="415"/>
        <source>Zugeordnet</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="421"/>
        <source>&amp;Übernehmen</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="425"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="446"/>
        <source>Teilgenommen: {0} (davon von Hand zugeordnet: {1}) · nicht zugeordnet: {2} · nicht gezählt als Referent:in: {3}, als Gastgeber:in: {4}</source>
        <translation>Attended: {0} (assigned by hand: {1}) · not matched: {2} · not counted as speaker: {3}, as host: {4}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="451"/>
        <source>Nicht als Gäste gezählt: {0}</source>
        <translation>Not counted as guests: {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="582"/>
        <source>Teilnehmerberichte (*.csv *.txt *.tsv);;Alle Dateien (*)</source>
        <translation>Participant reports (*.csv *.txt *.tsv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="583"/>
        <source>Anwesenheit übernehmen</source>
        <translation>Import attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="600"/>
        <source> – bereits zugeordnet</source>
        <translation> – already assigned</translation>
    </message>
</context>
<context>
    <name>AttendanceOptionsDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="83"/>
        <source>Teilnehmendenliste als PDF</source>
        <translation>Participant list as PDF</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="83"/>
        <source>Anwesenheitsliste</source>
        <translation>Attendance sheet</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="120"/>
        <source>&amp;Funktion</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="122"/>
        <source>&amp;E-Mail</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="124"/>
        <source>&amp;Runde</source>
        <translation>R&amp;ound</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="131"/>
        <source>Zusätzliche Spalten</source>
        <translation>Additional columns</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="88"/>
        <source>Immer dabei: Nr., Nachname, Vorname, Titel (wenn jemand einen hat), Organisation/Kommune.</source>
        <translation>Always included: No., last name, first name, title (if anyone has one), organisation/municipality.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="145"/>
        <source>Leerzeilen für Nachmeldungen</source>
        <translation>Empty rows for walk-ins</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="147"/>
        <source>Eine Liste &amp;je Runde (jede auf eigenen Seiten)</source>
        <translation>One list &amp;per round (each on pages of its own)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="152"/>
        <source>Die Veranstaltung hat {n} parallele Runden.</source>
        <translation>The event has {n} parallel rounds.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="154"/>
        <source>Die Veranstaltung hat keine parallelen Runden.</source>
        <translation>The event has no parallel rounds.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="160"/>
        <source>&amp;Leerzeilen für Nachmeldungen:</source>
        <translation>Empty rows for &amp;walk-ins:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="93"/>
        <source>Mit der Spalte „Anwesend / Unterschrift“ (Präsenz oder hybrid).</source>
        <translation>With the column “Present / signature” (in person or hybrid).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="94"/>
        <source>Ohne Unterschriftenspalte: Die Teilnahme eines Online-Treffens kommt aus dem Teilnehmerbericht des Videokonferenz-Programms.</source>
        <translation>Without a signature column: the attendance of an online meeting comes from the video conference program&apos;s participant report.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_options.py" line="102"/>
        <source>&amp;Weiter …</source>
        <translation>&amp;Next …</translation>
    </message>
</context>
<context>
    <name>AttendanceSummaryDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="507"/>
        <source>Anwesenheit übernommen</source>
        <translation>Attendance taken over</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="510"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}) für &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1}) for &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="516"/>
        <source>Teilgenommen:</source>
        <translation>Attended:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="517"/>
        <source>Nicht zugeordnet:</source>
        <translation>Not matched:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="518"/>
        <source>Nicht gezählt – Referent:innen:</source>
        <translation>Not counted – speakers:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="519"/>
        <source>Nicht gezählt – Gastgeber:innen:</source>
        <translation>Not counted – hosts:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="530"/>
        <source>Einzelheiten</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="531"/>
        <source>Rückgängig machen: Bearbeiten › Rückgängig (Strg+Z).</source>
        <translation>To undo: Edit › Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="532"/>
        <source>Es wurde nichts geändert: die Anwesenheit war schon so eingetragen.</source>
        <translation>Nothing was changed: the attendance was already recorded like this.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="536"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="537"/>
        <source>&amp;Speichern …</source>
        <translation>&amp;Save …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/attendance_dialog.py" line="555"/>
        <source>Der Bericht konnte nicht gespeichert werden: {0}</source>
        <translation>The report could not be saved: {0}</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="45"/>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="52"/>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="46"/>
        <source>Datenbank-Sicherungen (*.sqlite);;Alle Dateien (*)</source>
        <translation>Database backups (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="53"/>
        <source>Die Datenbank {database} wird durch die Sicherung {backup} ersetzt.

Der jetzige Stand wird vorher ebenfalls gesichert, es geht also nichts verloren. Ungespeicherte Änderungen in offenen Formularen werden verworfen.

Jetzt wiederherstellen?</source>
        <translation>The database {database} will be replaced by the backup {backup}.

The current state is backed up first, so nothing is lost. Unsaved changes in open forms are discarded.

Restore now?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="135"/>
        <source>Datenordner öffnen</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="158"/>
        <source>Der Ordner {folder} konnte nicht geöffnet werden.</source>
        <translation>The folder {folder} could not be opened.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="168"/>
        <source>Die Datenbank ist noch nicht geöffnet.</source>
        <translation>The database is not open yet.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="184"/>
        <source>Die Sicherung {backup} konnte nicht wiederhergestellt werden: {error}</source>
        <translation>The backup {backup} could not be restored: {error}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="192"/>
        <source>Bitte beenden Sie odn-desktop. Der Stand vor der Wiederherstellung liegt in {before}.</source>
        <translation>Please quit odn-desktop. The state before the restore is kept in {before}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="199"/>
        <source>Die Sicherung {backup} wurde wiederhergestellt. Der Stand davor liegt in {before}.</source>
        <translation>The backup {backup} has been restored. The state before is kept in {before}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="203"/>
        <source>Sicherung wiederhergestellt</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="221"/>
        <source>odn-desktop {version}</source>
        <translation>odn-desktop {version}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="222"/>
        <source>Koordination der Open-Data-Netzwerktreffen.</source>
        <translation>Coordination of the Open Data network meetings.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="224"/>
        <source>Python {python}, PySide6 {pyside}, Qt {qt}</source>
        <translation>Python {python}, PySide6 {pyside}, Qt {qt}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="226"/>
        <source>System: {system}</source>
        <translation>System: {system}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="227"/>
        <source>Programm: {path}</source>
        <translation>Program: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="232"/>
        <source>Datenbank: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="234"/>
        <source>Datenordner: {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="235"/>
        <source>Protokolle: {path}</source>
        <translation>Logs: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="236"/>
        <source>Sicherungen: {path}</source>
        <translation>Backups: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="239"/>
        <source>1 Sicherung: {name}</source>
        <translation>1 backup: {name}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="241"/>
        <source>{count} Sicherungen, die neueste: {name}</source>
        <translation>{count} backups, the newest: {name}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="244"/>
        <source>Noch keine Sicherungen.</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="249"/>
        <source>Über odn-desktop</source>
        <translation>About odn-desktop</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="273"/>
        <source>Sicherung &amp;wiederherstellen …</source>
        <translation>&amp;Restore backup …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="276"/>
        <source>&amp;Datenordner öffnen</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="78"/>
        <source>Datenbank beschädigt</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="79"/>
        <source>Die Datenbankdatei {name} ist beschädigt und kann nicht mehr sicher gelesen werden.</source>
        <translation>The database file {name} is damaged and can no longer be read safely.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="81"/>
        <source>Eine unveränderte Kopie der beschädigten Datei wurde aufbewahrt:
„{name}“
im Ordner {folder}</source>
        <translation>An unchanged copy of the damaged file was kept:
“{name}”
in the folder {folder}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="85"/>
        <source>Die neueste Sicherung ist vom {date} um {time} Uhr ({name}). Was danach eingegeben wurde, fehlt darin und muss neu erfasst werden.

Soll diese Sicherung jetzt zurückgespielt werden?</source>
        <translation>The newest backup is from {date} at {time} ({name}). Whatever was entered after that is missing from it and must be entered again.

Restore this backup now?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="90"/>
        <source>Im Ordner {folder} wurde keine lesbare Sicherung gefunden. Sie können eine Sicherungsdatei auswählen oder das Programm beenden.</source>
        <translation>No readable backup was found in the folder {folder}. You can choose a backup file or quit the program.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="95"/>
        <source>Sicherung &amp;zurückspielen</source>
        <translation>&amp;Restore backup</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="96"/>
        <source>&amp;Andere Sicherung wählen …</source>
        <translation>Choose &amp;another backup …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="98"/>
        <source>Sicherung &amp;wählen …</source>
        <translation>&amp;Choose backup …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/backup_ui.py" line="99"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="92"/>
        <source>PDF-Datei (*.pdf)</source>
        <extracomment>what drafting or sending certificates changes (the registrations show &quot;Teilnahmebescheinigung versendet am …&quot;)</extracomment>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="229"/>
        <source>Teilnahmebescheinigungen – {title} ({date})</source>
        <translation>Certificates of attendance – {title} ({date})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="261"/>
        <source>Mindestanteil der Dauer</source>
        <translation>Minimum share of the duration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="262"/>
        <source>&amp;Mindestanteil der Dauer:</source>
        <translation>&amp;Minimum share of the duration:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="290"/>
        <source>Wer eine Bescheinigung erhält</source>
        <translation>Who receives a certificate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="297"/>
        <source>erhält Bescheinigung</source>
        <translation>receives certificate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="303"/>
        <source>&amp;Einzeln speichern …</source>
        <translation>Save &amp;individually …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="305"/>
        <source>Eine PDF-Datei je Person in einen Ordner speichern</source>
        <translation>Save one PDF file per person into a folder</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="306"/>
        <source>Sammel-&amp;PDF zum Drucken …</source>
        <translation>Combined &amp;PDF for printing …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="308"/>
        <source>Alle Bescheinigungen in einer PDF-Datei, eine Seite je Person</source>
        <translation>All certificates in one PDF file, one page per person</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="309"/>
        <source>Als E-Mail-Ent&amp;würfe …</source>
        <translation>As e-mail &amp;drafts …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="311"/>
        <source>Eine .eml-Datei je Person mit ihrer Bescheinigung im Anhang, die Outlook als Entwurf öffnet (Vorlage „Teilnahmebescheinigung“)</source>
        <translation>One .eml file per person with their certificate attached, which Outlook opens as a draft (template “Certificate of attendance”)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="313"/>
        <source>Per E-Mail &amp;senden …</source>
        <translation>&amp;Send by e-mail …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="315"/>
        <source>Über den Mailserver senden; wer die Bescheinigung schon erhalten hat, wird übersprungen</source>
        <translation>Send through the mail server; anyone who already received the certificate is skipped</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="317"/>
        <source>Schl&amp;ießen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="361"/>
        <source>Eine Bescheinigung erhält, wer laut Teilnahmebericht mindestens {minutes} von {duration} Minuten anwesend war oder von Hand als anwesend markiert ist.</source>
        <translation>A certificate goes to everyone present for at least {minutes} of {duration} minutes according to the attendance report, or marked as attended by hand.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="368"/>
        <source>Für diese Veranstaltung ist noch keine Teilnahme erfasst. Importieren Sie den Teilnahmebericht (Zoom/Teams) oder markieren Sie die Anwesenheit in den Anmeldungen.</source>
        <translation>No attendance has been recorded for this event yet. Import the attendance report (Zoom/Teams) or mark attendance in the registrations.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="371"/>
        <source>%n erhalten eine Bescheinigung</source>
        <translation>
            <numerusform>%n receives a certificate</numerusform>
            <numerusform>%n receive a certificate</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="371"/>
        <source>{n} nicht</source>
        <translation>{n} do not</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="409"/>
        <source>Ordner für die Teilnahmebescheinigungen</source>
        <translation>Folder for the certificates of attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="419"/>
        <source>Teilnahmebescheinigungen gespeichert</source>
        <translation>Certificates of attendance saved</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="420"/>
        <source>%n Bescheinigungen gespeichert in {folder}</source>
        <translation>
            <numerusform>%n certificate saved in {folder}</numerusform>
            <numerusform>%n certificates saved in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="429"/>
        <source>Sammel-PDF speichern</source>
        <translation>Save combined PDF</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="438"/>
        <source>Sammel-PDF gespeichert</source>
        <translation>Combined PDF saved</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="439"/>
        <source>%n Bescheinigungen (eine Seite je Person) gespeichert: {path}</source>
        <translation>
            <numerusform>%n certificate (one page per person) saved: {path}</numerusform>
            <numerusform>%n certificates (one page per person) saved: {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="454"/>
        <source>Ordner für die E-Mail-Entwürfe</source>
        <translation>Folder for the e-mail drafts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="467"/>
        <source>%n Entwürfe mit Bescheinigung gespeichert in {folder}</source>
        <translation>
            <numerusform>%n draft with certificate saved in {folder}</numerusform>
            <numerusform>%n drafts with certificate saved in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="470"/>
        <source>(%n Personen übersprungen)</source>
        <translation>
            <numerusform>(%n person skipped)</numerusform>
            <numerusform>(%n people skipped)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="471"/>
        <source>Entwürfe gespeichert</source>
        <translation>Drafts saved</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="472"/>
        <source>Ein Doppelklick auf eine .eml-Datei öffnet sie in Outlook als Entwurf; prüfen und senden Sie sie von dort.</source>
        <translation>Double-clicking an .eml file opens it in Outlook as a draft; check it and send it from there.</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="118"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="118"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="118"/>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="118"/>
        <source>Anteil</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="119"/>
        <source>Bescheinigung</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="119"/>
        <source>Begründung</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="189"/>
        <source>{reason}; Nummer {number}</source>
        <translation>{reason}; number {number}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="207"/>
        <source>erhält Bescheinigung</source>
        <translation>receives certificate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/certificates_dialog.py" line="207"/>
        <source>keine</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ChartSection</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="209"/>
        <source>Tabelle: {title}</source>
        <translation>Table: {title}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="214"/>
        <source>Diagramm: {title}</source>
        <translation>Chart: {title}</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../ui/contact_form.ui" line="14"/>
        <location filename="../ui/contact_form.ui" line="20"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="38"/>
        <source>An&amp;rede:</source>
        <translation>Sal&amp;utation:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="55"/>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="65"/>
        <source>z. B. Dr. oder Prof. Dr.</source>
        <translation>e.g. Dr. or Prof. Dr.</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="72"/>
        <source>&amp;Vorname:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="85"/>
        <source>Nachna&amp;me:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="100"/>
        <source>Pflichtfeld</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="116"/>
        <source>&amp;E-Mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="131"/>
        <source>name@kommune.de (Pflichtfeld)</source>
        <translation>name@example.org (required)</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="147"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="160"/>
        <source>&amp;Kommune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="173"/>
        <source>Bu&amp;ndesland:</source>
        <translation>St&amp;ate:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="199"/>
        <source>Erfahrun&amp;g:</source>
        <translation>E&amp;xperience:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="233"/>
        <source>Not&amp;izen:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="186"/>
        <source>&amp;Funktion:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="216"/>
        <source>Einwilligung:</source>
        <translation>Consent:</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="223"/>
        <source>Kontaktaufnahme erla&amp;ubt</source>
        <translation>&amp;Contact permitted</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="226"/>
        <source>Die Person ist einverstanden, zu weiteren Treffen eingeladen zu werden.</source>
        <translation>The person agrees to be invited to further meetings.</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="266"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="286"/>
        <source>Ver&amp;werfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="289"/>
        <source>Die Änderungen im Formular verwerfen</source>
        <translation>Discard the changes in the form</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="296"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../ui/contact_form.ui" line="299"/>
        <source>Änderungen speichern (Strg+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="66"/>
        <source>Angemeldet</source>
        <extracomment>an edit changes names in registration lists; a merge moves registrations and may move up waiting people</extracomment>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="67"/>
        <source>Warteliste</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="68"/>
        <source>Storniert</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="178"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="180"/>
        <source>Veranstaltung</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="181"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="185"/>
        <source>Teilnahme</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="186"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="187"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="203"/>
        <source>Name</source>
        <extracomment>a registration in the contact&apos;s list was activated: (event id, tab name of the event editor)</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="204"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="205"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="206"/>
        <source>Anmeldungen</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="209"/>
        <source>Bundesland</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="214"/>
        <source>Name, E-Mail, Organisation oder Kommune …</source>
        <translation>Name, email, organisation or municipality …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="216"/>
        <source>Zwei Kontakte mit Strg+Klick auswählen, um sie zusammenzuführen.</source>
        <translation>Select two contacts with Ctrl+click to merge them.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="238"/>
        <source>&amp;Zusammenführen …</source>
        <translation>&amp;Merge …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="240"/>
        <source>Zwei ausgewählte Kontakte zu einem zusammenführen</source>
        <translation>Merge two selected contacts into one</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="269"/>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="331"/>
        <source>Anme&amp;ldungen zu Veranstaltungen</source>
        <translation>Event &amp;registrations</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="319"/>
        <source>{shown} von %n Kontakten</source>
        <translation>
            <numerusform>{shown} of %n contact</numerusform>
            <numerusform>{shown} of %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="320"/>
        <source>%n Kontakte</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="392"/>
        <source>Kontakte zusammengeführt: %n Anmeldungen übernommen, {dropped} doppelte entfernt.</source>
        <translation>
            <numerusform>Contacts merged: %n registration transferred, {dropped} duplicates removed.</numerusform>
            <numerusform>Contacts merged: %n registrations transferred, {dropped} duplicates removed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="323"/>
        <source>Kontakt ohne Namen</source>
        <translation>Unnamed contact</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="334"/>
        <source>Anme&amp;ldungen zu Veranstaltungen ({count})</source>
        <translation>Event &amp;registrations ({count})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="358"/>
        <source>Kontakt „{name}“ bearbeiten</source>
        <translation>Edit contact “{name}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="376"/>
        <source>Kontakte zusammenführen ({name})</source>
        <translation>Merge contacts ({name})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="265"/>
        <source>Veranstaltung öffnen</source>
        <translation>Open event</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="207"/>
        <source>{n} angemeldet (unbegrenzt)</source>
        <extracomment>(background, text) per deadline state; looked up when a row is drawn, so they follow the palette (theme)</extracomment>
        <translation>{n} registered (unlimited)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="214"/>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="235"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="217"/>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="238"/>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="264"/>
        <source>Veranstaltung</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="220"/>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="241"/>
        <source>Plätze</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="221"/>
        <source>{s}; {w} auf der Warteliste, {f} frei</source>
        <translation>{s}; {w} on the waiting list, {f} free</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="223"/>
        <source>Platzstatus</source>
        <translation>Seat status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="225"/>
        <source>Anmeldeschluss</source>
        <translation>Registration deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="240"/>
        <source>Runde</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="258"/>
        <source>Fällig</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="218"/>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="260"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="304"/>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="305"/>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="315"/>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="389"/>
        <source>&lt;b&gt;Anstehende Veranstaltungen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Upcoming events&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="318"/>
        <source>&lt;b&gt;Parallele Runden&lt;/b&gt;</source>
        <translation>&lt;b&gt;Parallel rounds&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="325"/>
        <source>Anstehende Veranstaltungen</source>
        <translation>Upcoming events</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="326"/>
        <source>Parallele Runden</source>
        <translation>Parallel rounds</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="327"/>
        <source>Offene Fristen</source>
        <translation>Open deadlines</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="328"/>
        <source>Offene Aufgaben</source>
        <translation>Open tasks</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="336"/>
        <source>&lt;b&gt;Offene Fristen&lt;/b&gt; (rot: überfällig, gelb: in den nächsten 3 Tagen)</source>
        <translation>&lt;b&gt;Open deadlines&lt;/b&gt; (red: overdue, yellow: within the next 3 days)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="338"/>
        <source>&lt;b&gt;Offene Aufgaben&lt;/b&gt;</source>
        <translation>&lt;b&gt;Open tasks&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="388"/>
        <source>&lt;b&gt;Keine anstehenden Veranstaltungen&lt;/b&gt; – die letzten Treffen:</source>
        <translation>&lt;b&gt;No upcoming events&lt;/b&gt; – the most recent meetings:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="456"/>
        <source>Die Plätze bleiben, bis Stornierungen oder mehr Plätze es ausgleichen.</source>
        <translation>The seats stay until cancellations or more seats even it out.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/dashboard_page.py" line="345"/>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="23"/>
        <source>Mo</source>
        <extracomment>Only for pyside6-lupdate: the abbreviations reach translate() through a variable.</extracomment>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="24"/>
        <source>Di</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="25"/>
        <source>Mi</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="26"/>
        <source>Do</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="27"/>
        <source>Fr</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="28"/>
        <source>Sa</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/dates.py" line="29"/>
        <source>So</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="71"/>
        <source>Beginn geändert</source>
        <extracomment>lupdate finds ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls by this name Which error label shows a message about which rule. From this width on the form shows two columns; narrower, the groups stack (the form scrolls).</extracomment>
        <translation>Start changed</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="72"/>
        <source>Ende, Anmeldeschluss, Versand des Zugangslinks und Aufgaben mit verschieben?</source>
        <translation>Move the end, registration deadline, access link dispatch and tasks along?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="75"/>
        <source>Sie behalten ihren Abstand zum Beginn (Uhrzeit in deutscher Zeit, auch über eine Zeitumstellung hinweg).</source>
        <translation>They keep their distance to the start (German clock time, also across a daylight saving change).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="77"/>
        <source>Mit verschieben</source>
        <translation>Move along</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="78"/>
        <source>Nicht verschieben</source>
        <translation>Do not move</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="88"/>
        <source>Bitte geben Sie einen Titel an.</source>
        <translation>Please enter a title.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="91"/>
        <source>Das Ende muss nach dem Beginn liegen.</source>
        <translation>The end must be after the start.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="96"/>
        <source>Bitte einen vollständigen https-Link angeben, z. B. https://zoom.us/j/123.</source>
        <translation>Please enter a complete https link, e.g. https://zoom.us/j/123.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="99"/>
        <source>Der Anmeldeschluss muss vor dem Beginn liegen.</source>
        <translation>The registration deadline must be before the start.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="102"/>
        <source>Der Zugangslink muss vor dem Beginn verschickt werden.</source>
        <translation>The access link must be sent before the start.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="159"/>
        <source>Beschreibung vom vorigen Treffen übernommen – bitte prüfen</source>
        <extracomment>True while the form holds changes that are not saved the event&apos;s title as typed (for the editor&apos;s heading)</extracomment>
        <translation>Description copied from the previous meeting – please check</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="163"/>
        <source>Geprüft</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="165"/>
        <source>Die Beschreibung passt so; der Hinweis verschwindet beim Speichern</source>
        <translation>The description is fine as it is; the note goes when you save</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="442"/>
        <source>• ungespeicherte Änderungen</source>
        <translation>• unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="483"/>
        <source>Veranstaltung „{title}“ bearbeiten</source>
        <translation>Edit event “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="501"/>
        <source>Von der Warteliste nachgerückt</source>
        <translation>Moved up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="502"/>
        <source>Durch die zusätzlichen Plätze sind nachgerückt: {names}.
Bitte informieren Sie die Nachgerückten.</source>
        <translation>Thanks to the additional seats, these people have moved up: {names}.
Please let them know.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/details_tab.py" line="203"/>
        <source>Beendet am {date} um {time} Uhr.</source>
        <translation>Ended on {date} at {time}.</translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="14"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="15"/>
        <source>Präsenz</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="16"/>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="17"/>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="18"/>
        <source>Anmeldung offen</source>
        <translation>Registration open</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="19"/>
        <source>Anmeldung geschlossen</source>
        <translation>Registration closed</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="20"/>
        <source>Durchgeführt</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="21"/>
        <source>Abgesagt</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="23"/>
        <source>anstehend</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="24"/>
        <source>bald fällig</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="25"/>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="26"/>
        <source>erledigt</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="27"/>
        <source>Vernetzung</source>
        <translation>Networking</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="28"/>
        <source>Vortrag</source>
        <translation>Talk</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="29"/>
        <source>Fragen und Diskussion</source>
        <translation>Questions, discussion</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="30"/>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="31"/>
        <source>Sonstiges</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="32"/>
        <source>Freie Plätze verfügbar</source>
        <translation>Seats available</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="33"/>
        <source>Nur noch wenige Plätze</source>
        <translation>Few seats left</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="34"/>
        <source>Ausgebucht – Warteliste</source>
        <translation>Fully booked – waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="39"/>
        <source>Anmeldeschluss</source>
        <extracomment>The labels of the fixed deadlines ``services.tasks.event_deadlines`` makes (own tasks keep their typed title).</extracomment>
        <translation>Registration deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="40"/>
        <source>Versand Zugangslink</source>
        <translation>Send access link</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/labels.py" line="22"/>
        <source>Beendet</source>
        <translation>Ended</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="78"/>
        <source>Als nächstes Treffen duplizieren</source>
        <translation>Duplicate as the next meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="83"/>
        <source>Kopie von „{title}“ vom {date}. Anmeldungen und der Zugangslink werden nicht übernommen.</source>
        <translation>Copy of “{title}” of {date}. Registrations and the access link are not copied.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="144"/>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="144"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="145"/>
        <source>&amp;Beginn:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="155"/>
        <source>Beginn in deutscher Zeit (Europe/Berlin)</source>
        <translation>Start in German time (Europe/Berlin)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="160"/>
        <source>Daraus folgt (gleicher Abstand zum Beginn)</source>
        <translation>Resulting times (same distance to the start)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="170"/>
        <source>Ende:</source>
        <translation>End:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="171"/>
        <source>Anmeldung ab:</source>
        <translation>Registration from:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="172"/>
        <source>Anmeldeschluss:</source>
        <translation>Registration deadline:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="173"/>
        <source>Versand des Zugangslinks:</source>
        <translation>Access link sent:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="174"/>
        <source>Aufgaben fällig:</source>
        <translation>Tasks due:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="187"/>
        <source>&amp;Programm (%n Programmpunkte)</source>
        <translation>
            <numerusform>&amp;Programme (%n item)</numerusform>
            <numerusform>&amp;Programme (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="188"/>
        <source>&amp;Referent:innen ({count})</source>
        <translation>Spea&amp;kers ({count})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="189"/>
        <source>R&amp;unden ({count})</source>
        <translation>&amp;Rounds ({count})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="190"/>
        <source>&amp;Aufgaben ({count})</source>
        <translation>T&amp;asks ({count})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="192"/>
        <source>Übernehmen</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="203"/>
        <source>Die Beschreibung wird übernommen und im neuen Treffen als „bitte prüfen“ markiert, bis sie geändert wird.</source>
        <translation>The description is copied and marked “please check” in the new meeting until it is edited.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="97"/>
        <source>Dupli&amp;zieren</source>
        <translation>Dupli&amp;cate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="98"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="239"/>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="241"/>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="243"/>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="248"/>
        <source>{when} Uhr</source>
        <translation>{when}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="242"/>
        <source>kein Anmeldeschluss</source>
        <translation>no registration deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="245"/>
        <source>{when} Uhr (Standard: am Vortag)</source>
        <translation>{when} (default: the day before)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="250"/>
        <source>keine Aufgaben</source>
        <translation>no tasks</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="252"/>
        <source>werden nicht übernommen</source>
        <translation>not copied</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="255"/>
        <source>{first} bis {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="259"/>
        <source>Der Beginn liegt in der Vergangenheit.</source>
        <translation>The start lies in the past.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/duplicate_dialog.py" line="261"/>
        <source>Der Anmeldeschluss ist dann schon vorbei; bitte im neuen Treffen anpassen.</source>
        <translation>The registration deadline would already be over then; please adjust it in the new meeting.</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../ui/event_details.ui" line="14"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="42"/>
        <source>Allgemein</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="51"/>
        <source>Titel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="66"/>
        <source>z. B. Open-Data-Netzwerktreffen</source>
        <translation>e.g. Open-Data-Netzwerktreffen</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="82"/>
        <source>Reihe:</source>
        <translation>Series:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="98"/>
        <source>Eine bestehende Veranstaltungsreihe wählen oder einen neuen Namen eingeben (legt die Reihe an).</source>
        <translation>Choose an existing event series or enter a new name (this creates the series).</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="111"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="124"/>
        <source>Beschreibung:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="143"/>
        <source>Ankündigungstext</source>
        <translation>Announcement text</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="150"/>
        <source>Veranstaltende:</source>
        <translation>Organisers:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="166"/>
        <source>Eine veranstaltende Organisation je Zeile.</source>
        <translation>One organising body per line.</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="172"/>
        <source>eine Organisation je Zeile</source>
        <translation>one organisation per line</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="184"/>
        <source>Termin und Ort</source>
        <translation>Date and location</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="193"/>
        <source>Beginn:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="203"/>
        <source>Beginn in deutscher Zeit (Europe/Berlin)</source>
        <translation>Start in German time (Europe/Berlin)</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="206"/>
        <location filename="../ui/event_details.ui" line="234"/>
        <location filename="../ui/event_details.ui" line="510"/>
        <source>dd.MM.yyyy HH:mm (ddd)</source>
        <translation>dd.MM.yyyy HH:mm (ddd)</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="216"/>
        <source>Ende:</source>
        <translation>End:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="231"/>
        <source>Ende in deutscher Zeit (Europe/Berlin)</source>
        <translation>End in German time (Europe/Berlin)</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="253"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="266"/>
        <source>Ort:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="276"/>
        <source>z. B. Online per Zoom oder Adresse</source>
        <translation>e.g. online via Zoom, or an address</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="283"/>
        <source>Zugangslink:</source>
        <translation>Access link:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="298"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="317"/>
        <source>Anmeldung</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="326"/>
        <source>Plätze:</source>
        <translation>Seats:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="345"/>
        <source>unbegrenzt</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="367"/>
        <source>Überbuchung:</source>
        <translation>Overbooking:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="379"/>
        <source>So viele Prozent mehr Plätze werden vergeben, weil erfahrungsgemäß nicht alle kommen.</source>
        <translation>This many per cent more seats are given out, because experience shows that not everyone comes.</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="382"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="407"/>
        <source>Anmeldeschluss:</source>
        <translation>Registration deadline:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="424"/>
        <source>Ohne Haken gibt es keinen Anmeldeschluss.</source>
        <translation>Without the tick there is no registration deadline.</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="427"/>
        <source>am</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="434"/>
        <source>Die Anmeldung ist bis zum Ende dieses Tages (23:59 Uhr) möglich.</source>
        <translation>Registration is possible until the end of this day (23:59).</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="437"/>
        <source>dd.MM.yyyy (ddd)</source>
        <translation>dd.MM.yyyy (ddd)</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="447"/>
        <source>bis 23:59 Uhr</source>
        <translation>until 23:59</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="478"/>
        <source>Nachmeldungen nach dem Anmeldeschluss erlauben</source>
        <translation>Allow late registrations after the deadline</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="485"/>
        <source>Versand Zugangslink:</source>
        <translation>Access link sent:</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="500"/>
        <source>Der Zugangslink geht am Vortag zur selben Uhrzeit hinaus wie die Veranstaltung beginnt.</source>
        <translation>The access link goes out the day before, at the time of day the event starts.</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="503"/>
        <source>am Vortag zur Beginnzeit (Standard)</source>
        <translation>the day before at the start time (default)</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="582"/>
        <source>Alle ungespeicherten Änderungen an den Details zurücksetzen</source>
        <translation>Reset all unsaved changes to the details</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="585"/>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="592"/>
        <source>Änderungen speichern (Strg+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../ui/event_details.ui" line="595"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="63"/>
        <source>Links eine Veranstaltung wählen oder mit „Neu“ eine anlegen.</source>
        <extracomment>which kinds of change each tab shows a tab needing more width than this scrolls horizontally (the editor shares the page with the event list)</extracomment>
        <translation>Choose an event on the left or create one with “New”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="64"/>
        <source>Ankündigung …</source>
        <translation>Announcement …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="67"/>
        <source>Öffentliche Ankündigung für Website oder Newsletter: Vorschau, kopieren, speichern (ohne Zugangslink)</source>
        <translation>Public announcement for the website or newsletter: preview, copy, save (without the access link)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="85"/>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="266"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="86"/>
        <location filename="../../src/odn_desktop/ui/editors/event/agenda_tab.py" line="81"/>
        <source>Programm</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="87"/>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="91"/>
        <source>Referent:innen</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="88"/>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="109"/>
        <source>Runden</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="89"/>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="300"/>
        <source>Anmeldungen</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="90"/>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="43"/>
        <source>Aufgaben</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="133"/>
        <source>Die Anmeldungen dieser Veranstaltung erscheinen hier.</source>
        <translation>The registrations for this event appear here.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="266"/>
        <source>Details •</source>
        <translation>Details •</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="276"/>
        <source>(ohne Titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="278"/>
        <source>(ungespeichert)</source>
        <translation>(unsaved)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="91"/>
        <source>Raumplan</source>
        <translation>Room plan</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="69"/>
        <source>Teilnahmebescheinigungen …</source>
        <translation>Certificates of attendance …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/__init__.py" line="72"/>
        <source>Wer eine Teilnahmebescheinigung erhält und warum; als PDF speichern, drucken oder per E-Mail senden</source>
        <translation>Who receives a certificate of attendance and why; save as PDF, print or send by e-mail</translation>
    </message>
</context>
<context>
    <name>EventSpeakersTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="48"/>
        <source>Name</source>
        <extracomment>lupdate finds ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls by this name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="49"/>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="134"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="51"/>
        <source>Funktion</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="53"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="105"/>
        <source>Von der Veranstaltung entfernen</source>
        <translation>Remove from the event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="106"/>
        <source>Die Person bleibt in der Liste aller Referent:innen (Entf)</source>
        <translation>The person stays in the list of all speakers (Del)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="117"/>
        <source>Name oder Organisation tippen …</source>
        <translation>Type a name or organisation …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="123"/>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="130"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="132"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="135"/>
        <source>Neu anlegen</source>
        <translation>Create new</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="143"/>
        <source>Referent:in hinzufügen</source>
        <translation>Add speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="145"/>
        <source>Bekannte Person:</source>
        <translation>Existing person:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="148"/>
        <source>Neue Person:</source>
        <translation>New person:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="224"/>
        <source>Referent:in {name} hinzufügen</source>
        <translation>Add speaker {name}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="255"/>
        <source>Referent:in {name} anlegen</source>
        <translation>Create speaker {name}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/event_speakers_tab.py" line="272"/>
        <source>Referent:in {name} entfernen</source>
        <translation>Remove speaker {name}</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="86"/>
        <source>Ungespeicherte Änderungen</source>
        <extracomment>lupdate finds ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls by this name kinds of change that alter a row of the list (seats, speakers in the search key, ...); the editor&apos;s tabs follow &quot;agenda&quot; and &quot;tasks&quot; themselves first split of the page: the editor gets the width first, up to this (its registrant table with name, status, organisation, round and e-mail); the list what is left – date and title at least (a 1366×768 laptop), every column at most (a large screen) a title shorter than this gets no further columns beside it (&quot;Open-Data-Netzwerktreffen&quot; whole) the columns besides date and title, shown while the list is wide enough for them, in this order shows or hides the event list (a visible button does it too: &quot;«&quot; above the list, &quot;»&quot; when it is hidden) looked up when a cell is drawn, so the colours follow the palette (light or dark, see theme)</extracomment>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="87"/>
        <source>Die Details dieser Veranstaltung wurden geändert. Änderungen speichern?</source>
        <translation>The details of this event have been changed. Save the changes?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="110"/>
        <source>{date}, {start}–{end} Uhr</source>
        <translation>{date}, {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="116"/>
        <source>unbegrenzt</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="121"/>
        <source>{registered} angemeldet, {waiting} auf der Warteliste, {cancelled} storniert</source>
        <translation>{registered} registered, {waiting} on the waiting list, {cancelled} cancelled</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="166"/>
        <source>{format} · Plätze: {seats} · {deadline}</source>
        <translation>{format} · Seats: {seats} · {deadline}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="293"/>
        <source>Veranstaltungsliste ein-/ausblenden</source>
        <translation>Show or hide the event list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="303"/>
        <source>Veranstaltungsliste ausblenden</source>
        <translation>Hide the event list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="304"/>
        <source>Liste ausblenden: mehr Platz für den Editor ({key})</source>
        <translation>Hide the list: more room for the editor ({key})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="310"/>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="312"/>
        <source>Veranstaltungsliste einblenden</source>
        <translation>Show the event list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="313"/>
        <source>Liste der Veranstaltungen einblenden ({key})</source>
        <translation>Show the list of events ({key})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="145"/>
        <source>Kein Anmeldeschluss</source>
        <translation>No registration deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="148"/>
        <source>Anmeldeschluss {when} Uhr</source>
        <translation>Registration deadline {when}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="163"/>
        <source>Reihe: {series}</source>
        <translation>Series: {series}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="165"/>
        <source>Referent:innen: {names}</source>
        <translation>Speakers: {names}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="173"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="175"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="178"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="181"/>
        <source>Plätze</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="184"/>
        <source>Anmeldeschluss</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="220"/>
        <source>Veranstaltungen suchen</source>
        <extracomment>the event shown in the editor changed (None: none) a registrant&apos;s &quot;Kontakt öffnen&quot; (double click in the Anmeldungen tab): the contact id, for Kontakte</extracomment>
        <translation>Search events</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="221"/>
        <source>Suchen: Titel, Referent:in, Teilnehmer:in … (Strg+F)</source>
        <translation>Search: title, speaker, participant … (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="258"/>
        <source>Neu</source>
        <extracomment>the optional columns&apos; widths (a hidden column&apos;s width reads 0)</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="259"/>
        <source>Neue Veranstaltung als Entwurf anlegen</source>
        <translation>Create a new event as a draft</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="260"/>
        <source>Duplizieren als nächstes Treffen</source>
        <translation>Duplicate as next meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="262"/>
        <source>Kopie mit Programm, Referent:innen, Runden, Aufgaben und Einstellungen, ohne Anmeldungen; Datum und Umfang wählen Sie im nächsten Schritt</source>
        <translation>Copy with programme, speakers, rounds, tasks and settings, without registrations; you choose the date and the parts in the next step</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="264"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="265"/>
        <source>Ausgewählte Veranstaltung löschen (Entf; rückgängig machbar)</source>
        <translation>Delete the selected event (Del; can be undone)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="476"/>
        <source>Neue Veranstaltung</source>
        <translation>New event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="507"/>
        <source>Als nächstes Treffen duplizieren</source>
        <translation>Duplicate as next meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="525"/>
        <source>Veranstaltung „{title}“ löschen</source>
        <translation>Delete event “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="273"/>
        <source>Anmeldungen anzeigen</source>
        <translation>Show registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="275"/>
        <source>Anmeldungen importieren …</source>
        <translation>Import registrations …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="222"/>
        <source>Findet Veranstaltungen nach Titel, Reihe, Ort, Referent:innen und Angemeldeten (Name, E-Mail, Organisation)</source>
        <translation>Finds events by title, series, location, speakers and registrants (name, e-mail, organisation)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="277"/>
        <source>Teilnahme importieren …</source>
        <translation>Import attendance …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="272"/>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="62"/>
        <source>Anwesenheitsliste</source>
        <extracomment>kind -&gt; what the file is, as the start of its name (German; the English window translates it)</extracomment>
        <translation>Attendance sheet</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="63"/>
        <source>Teilnehmendenliste</source>
        <translation>Participant list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="64"/>
        <source>Anmeldungen</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="65"/>
        <source>Kalenderdatei</source>
        <translation>Calendar file</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="66"/>
        <source>Einladungen</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="67"/>
        <source>Ankündigung</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="68"/>
        <source>Raumplan</source>
        <translation>Room plan</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="69"/>
        <source>Raumliste</source>
        <translation>Room list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="70"/>
        <source>Auswertung</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="71"/>
        <source>Teilnahmebescheinigungen</source>
        <translation>Certificates of attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="72"/>
        <source>E-Mail-Entwürfe</source>
        <translation>Email drafts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="73"/>
        <source>Importbericht</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="74"/>
        <source>Auskunft</source>
        <translation>Data access report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="75"/>
        <source>Teilnehmerbericht</source>
        <translation>Participant report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="154"/>
        <source>{what} speichern</source>
        <translation>Save {what}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="167"/>
        <source>{what} öffnen</source>
        <translation>Open {what}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="184"/>
        <source>Ordner für {what}</source>
        <translation>Folder for {what}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_dialogs.py" line="187"/>
        <source>{title} – darin wird der Ordner „{name}“ angelegt</source>
        <translation>{title} – the folder “{name}” is created in it</translation>
    </message>
</context>
<context>
    <name>FileDrops</name>
    <message>
        <location filename="../../src/odn_desktop/ui/infra/file_drops.py" line="111"/>
        <source>Bitte wählen Sie zuerst unter „Veranstaltungen“ die Veranstaltung aus, zu der die Datei „{name}“ gehört, oder ziehen Sie die Datei auf die Veranstaltung.</source>
        <translation>Please first choose, under “Events”, the event the file “{name}” belongs to, or drag the file onto the event.</translation>
    </message>
</context>
<context>
    <name>ImportMappingDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="115"/>
        <source>Import von „{file}“</source>
        <translation>Import of “{file}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="142"/>
        <source>Von der Warteliste nachgerückt</source>
        <translation>Moved up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="143"/>
        <source>Nach dem Rückgängigmachen des Imports von der Warteliste nachgerückt: {names}. Bitte informieren Sie die Nachgerückten.</source>
        <translation>Moved up from the waiting list after undoing the import: {names}. Please inform them.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="160"/>
        <source>Anmeldungen importieren – {0}</source>
        <translation>Import registrations – {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="182"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}) nach &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1}) into &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="220"/>
        <source>&amp;Tabellenblatt:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="259"/>
        <source>Zuordnung der Spalten</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="261"/>
        <source>Erkannt aus den Spaltennamen und Werten; bitte prüfen und bei Bedarf ändern.</source>
        <translation>Detected from the column names and values; please check and change if necessary.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="288"/>
        <source>&amp;Anzeigen:</source>
        <translation>Sho&amp;w:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="290"/>
        <source>Abgelehnte Zeilen lassen sich hier korrigieren: Zelle doppelklicken oder F2.</source>
        <translation>Rejected rows can be corrected here: double-click a cell or press F2.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="298"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="321"/>
        <source>&amp;Importieren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="325"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="338"/>
        <source>&amp;Verspätet zulassen</source>
        <translation>Allow &amp;late registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="340"/>
        <source>Verspätet zulassen</source>
        <translation>Allow late registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="341"/>
        <source>Zeilen außerhalb der Anmeldefrist werden übernommen und als verspätet markiert.</source>
        <translation>Rows outside the registration period are imported and marked as late.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="344"/>
        <source>Fehlende &amp;Runden anlegen (ohne Platzgrenze)</source>
        <translation>Create missing &amp;rounds (no seat limit)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="346"/>
        <source>Fehlende Runden anlegen (ohne Platzgrenze)</source>
        <translation>Create missing rounds (no seat limit)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="489"/>
        <source>Die Spalte „{0}“ wird nicht verwendet: die Veranstaltung hat keine parallelen Runden (Werte: {1}).</source>
        <translation>The column “{0}” is not used: the event has no parallel rounds (values: {1}).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="508"/>
        <source>Die Datei nennt Runden, die die Veranstaltung nicht hat: {0}. Sie werden beim Import ohne Platzgrenze angelegt.</source>
        <translation>The file names rounds the event does not have: {0}. They will be created without a seat limit.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="510"/>
        <source>Die Datei nennt Runden, die die Veranstaltung nicht hat: {0}. Ohne „Fehlende Runden anlegen“ wird nichts importiert.</source>
        <translation>The file names rounds the event does not have: {0}. Without “Create missing rounds” nothing is imported.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="520"/>
        <source>%n Zeilen in der Datei. Bitte zuerst die Zuordnung vervollständigen.</source>
        <translation>
            <numerusform>%n row in the file. Please complete the mapping first.</numerusform>
            <numerusform>%n rows in the file. Please complete the mapping first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="522"/>
        <source>%n Zeilen in der Datei</source>
        <translation>
            <numerusform>%n row in the file</numerusform>
            <numerusform>%n rows in the file</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="526"/>
        <source>Die Anmeldungen werden mit der Veranstaltung abgeglichen …</source>
        <translation>Checking the registrations against the event …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="528"/>
        <source>{0} neu</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="530"/>
        <source>{0} bereits angemeldet</source>
        <translation>{0} already registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="532"/>
        <source>{0} aktualisiert</source>
        <translation>{0} updated</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="534"/>
        <source>{0} verspätet</source>
        <translation>{0} late</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="536"/>
        <source>{0} auf der Warteliste</source>
        <translation>{0} on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="538"/>
        <source>{0} abgelehnt</source>
        <translation>{0} rejected</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="540"/>
        <source>%n doppelte Zeilen zusammengeführt</source>
        <translation>
            <numerusform>%n duplicate row merged</numerusform>
            <numerusform>%n duplicate rows merged</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="543"/>
        <source>Nichts wird importiert, solange die Datei Runden nennt, die es nicht gibt.</source>
        <translation>Nothing is imported while the file names rounds that do not exist.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="545"/>
        <source>%n Zeilen außerhalb der Anmeldefrist werden nur mit „Verspätet zulassen“ übernommen</source>
        <translation>
            <numerusform>%n row outside the registration period will only be imported with “Allow late registration”</numerusform>
            <numerusform>%n rows outside the registration period will only be imported with “Allow late registration”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="548"/>
        <source>Die Vorschau zeigt die ersten {0} Zeilen.</source>
        <translation>The preview shows the first {0} rows.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="645"/>
        <source>Anmeldungen (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle Dateien (*)</source>
        <translation>Registrations (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="647"/>
        <source>Anmeldungen importieren</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="654"/>
        <source>Textdateien (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="655"/>
        <source>Bericht speichern</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="72"/>
        <source>Anrede</source>
        <extracomment>Rows shown in the preview (all rows with problems are shown when filtered to them). Preview columns per mapped field: a &quot;Name&quot; column is shown as the names it is split into.</extracomment>
        <translation>Salutation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="73"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="74"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="75"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="76"/>
        <source>Name (Vor- und Nachname)</source>
        <translation>Name (first and last name)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="77"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="78"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="79"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="80"/>
        <source>Funktion</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="81"/>
        <source>Bundesland</source>
        <translation>Federal state</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="82"/>
        <source>Erfahrung</source>
        <translation>Experience</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="83"/>
        <source>Anmeldedatum</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="84"/>
        <source>Runde</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="85"/>
        <source>– nicht importieren –</source>
        <translation>– do not import –</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="135"/>
        <source>Spalte in der Datei</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="136"/>
        <source>Beispiel</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="137"/>
        <source>Übernehmen als</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="157"/>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="197"/>
        <source>Spalte „{0}“ übernehmen als</source>
        <translation>Import column “{0}” as</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="230"/>
        <source>Alle Zeilen</source>
        <extracomment>The preview&apos;s filters: every row, or the rows of one kind (a row can be new, late and on the waiting list).</extracomment>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="231"/>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="378"/>
        <source>neu</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="232"/>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="375"/>
        <source>bereits angemeldet</source>
        <translation>already registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="233"/>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="377"/>
        <source>aktualisiert</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="234"/>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="381"/>
        <source>verspätet</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="235"/>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="383"/>
        <source>Warteliste</source>
        <translation>waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="236"/>
        <source>abgelehnt</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="237"/>
        <source>doppelt</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="320"/>
        <source>Zeile</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="321"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="365"/>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="372"/>
        <source>abgelehnt: {0}</source>
        <translation>rejected: {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="367"/>
        <source>doppelt – zusammengeführt mit Zeile {0}</source>
        <translation>duplicate – merged into row {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="374"/>
        <source>storniert – bleibt unverändert</source>
        <translation>cancelled – stays unchanged</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="379"/>
        <source>aktualisiert (erneut angemeldet)</source>
        <translation>updated (registered again)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="391"/>
        <source>Leere Felder werden ergänzt: {0}</source>
        <translation>Empty fields are filled in: {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="393"/>
        <source>Außerhalb der Anmeldefrist: {0}</source>
        <translation>Outside the registration period: {0}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="396"/>
        <source>Zum Korrigieren eine Zelle doppelklicken (oder F2).</source>
        <translation>Double-click a cell (or press F2) to correct it.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/import_mapping_models.py" line="474"/>
        <source>Zum Korrigieren doppelklicken (oder F2).</source>
        <translation>Double-click (or press F2) to correct.</translation>
    </message>
</context>
<context>
    <name>KeepContactDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="81"/>
        <source>Kontakte zusammenführen</source>
        <translation>Merge contacts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="84"/>
        <source>Welcher Kontakt soll bleiben? Seine Angaben und seine E-Mail-Adresse werden behalten, leere Felder aus dem anderen Kontakt ergänzt. Die Anmeldungen des anderen Kontakts werden übernommen (je Veranstaltung bleibt eine), danach wird er entfernt. Rückgängig mit Strg+Z.</source>
        <translation>Which contact should remain? Its details and email address are kept; empty fields are filled in from the other contact. The other contact&apos;s registrations are transferred (one remains per event), and then it is removed. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="95"/>
        <source>&amp;{number}: diesen Kontakt behalten</source>
        <translation>&amp;{number}: keep this contact</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="101"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="102"/>
        <source>E-Mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="103"/>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="104"/>
        <source>Kommune:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="105"/>
        <source>Bundesland:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="106"/>
        <source>Funktion:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="107"/>
        <source>Anmeldungen:</source>
        <translation>Registrations:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="117"/>
        <source>Zusammenführen</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>LockWait</name>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/lock_wait.py" line="43"/>
        <source>Datenbank ist gesperrt – es wird gewartet … ({seconds} s)</source>
        <extracomment>how long one try waits inside SQLite (the longest the window goes without repainting) the event loop between two tries how long the window keeps trying before it reports the lock</extracomment>
        <translation>Database is locked – waiting … ({seconds} s)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/lock_wait.py" line="48"/>
        <source>Die Datenbank ist wieder frei.</source>
        <translation>The database is free again.</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="183"/>
        <source>Nachrichten – {title} ({date})</source>
        <translation>Messages – {title} ({date})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="231"/>
        <source>&amp;Vorlage:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="234"/>
        <source>Vorschau &amp;für:</source>
        <translation>Preview &amp;for:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="277"/>
        <source>Doppelklick oder Eingabetaste fügt den Platzhalter ein</source>
        <translation>Double-click or Enter inserts the placeholder</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="283"/>
        <source>Vorlage &amp;speichern</source>
        <translation>&amp;Save template</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="285"/>
        <source>Standard&amp;text</source>
        <translation>&amp;Default text</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="287"/>
        <source>Den mitgelieferten Text wiederherstellen</source>
        <translation>Restore the default text</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="290"/>
        <source>Vorlage bearbeiten</source>
        <translation>Edit template</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="292"/>
        <source>&amp;Betreff:</source>
        <translation>Su&amp;bject:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="296"/>
        <source>&amp;Platzhalter:</source>
        <translation>&amp;Placeholders:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="327"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="346"/>
        <source>&amp;Entwürfe für Outlook speichern …</source>
        <translation>Save drafts for &amp;Outlook …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="348"/>
        <source>Per E-&amp;Mail senden …</source>
        <translation>Send by e&amp;mail …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="350"/>
        <source>Schl&amp;ießen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="455"/>
        <source>Anhang: persönliche Kalendereinladung (invite.ics)</source>
        <translation>Attachment: personal calendar invitation (invite.ics)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="554"/>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="624"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="556"/>
        <source>Eigener Text</source>
        <translation>Custom text</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="558"/>
        <source>Mitgelieferter Text</source>
        <translation>Default text</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="595"/>
        <source>Empfänger: %n Personen</source>
        <translation>
            <numerusform>Recipients: %n person</numerusform>
            <numerusform>Recipients: %n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="597"/>
        <source> ({n} übersprungen)</source>
        <translation> ({n} skipped)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="655"/>
        <source>An: {name} &lt;{email}&gt;</source>
        <translation>To: {name} &lt;{email}&gt;</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="675"/>
        <source>Vorlage „{label}“ gespeichert</source>
        <translation>Template “{label}” saved</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="737"/>
        <source>Ordner für die Entwürfe</source>
        <translation>Folder for the drafts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="756"/>
        <source>%n Entwürfe gespeichert in {folder}</source>
        <translation>
            <numerusform>%n draft saved in {folder}</numerusform>
            <numerusform>%n drafts saved in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="759"/>
        <source>(%n Personen übersprungen)</source>
        <translation>
            <numerusform>(%n person skipped)</numerusform>
            <numerusform>(%n people skipped)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="767"/>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="770"/>
        <source>Entwürfe gespeichert</source>
        <translation>Drafts saved</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="760"/>
        <source>Ein Doppelklick auf eine .eml-Datei öffnet sie in Outlook als Entwurf; prüfen und senden Sie sie von dort.</source>
        <translation>Double-clicking an .eml file opens it in Outlook as a draft; check it and send it from there.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="824"/>
        <source>Vorlagen</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="825"/>
        <source>Die geänderten Vorlagen speichern?</source>
        <translation>Save the changed templates?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="457"/>
        <source>Anhang: persönliche Teilnahmebescheinigung (PDF), für alle mit mindestens {percent} % der Dauer</source>
        <translation>Attachment: personal certificate of attendance (PDF), for everyone present for at least {percent} % of the duration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="244"/>
        <source>Auswahl</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="248"/>
        <source>Eine Nachricht an alle in B&amp;CC</source>
        <translation>One message to e&amp;veryone in BCC</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="252"/>
        <source>Als versc&amp;hickt markieren …</source>
        <translation>Mark as s&amp;ent …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="254"/>
        <source>Erst wenn die Entwürfe aus Outlook verschickt sind, gelten sie als versendet (beim Zugangslink: die Frist ist dann erledigt).</source>
        <translation>Drafts count as sent only once they went out of Outlook (for the access link: the deadline is done then).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="257"/>
        <source>Empfän&amp;ger:</source>
        <translation>Rec&amp;ipients:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="341"/>
        <source>Testentwurf &amp;an mich</source>
        <translation>Test d&amp;raft to me</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="343"/>
        <source>Ein Entwurf an Ihre eigene Adresse mit den Angaben der Person in der Vorschau; er öffnet sich in Ihrem E-Mail-Programm und wird nirgends vermerkt.</source>
        <translation>A draft to your own address with the data of the person in the preview; it opens in your mail program and is recorded nowhere.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="453"/>
        <source>Anhang: Kalenderdatei der Veranstaltung ohne Namen (Absage für alle Kalender)</source>
        <translation>Attachment: the event&apos;s calendar file without names (cancellation for every calendar)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="476"/>
        <source>Ein einziger Entwurf: Sie selbst im An-Feld, alle Empfänger:innen in BCC, Anrede „Guten Tag,“ – für Informationen ohne persönlichen Inhalt. Der Versand per E-Mail schickt weiterhin jeder Person eine eigene Nachricht.</source>
        <translation>A single draft: you in the To field, all recipients in BCC, salutation “Guten Tag,” – for information without personal content. Sending by e-mail still sends each person a message of their own.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="482"/>
        <source>Nicht für diese Vorlage: Sie geht an jede Person einzeln, denn {reason}. Eine Nachricht an alle in BCC gibt es nur für Erinnerung, Dank und Absage.</source>
        <translation>Not for this template: it goes to each person individually, because {reason}. One message to everyone in BCC exists only for the reminder, the thanks and the cancellation.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="519"/>
        <source>„{label}“ geht nur an die Nachgerückten: über „Benachrichtigen …“ oder eine Auswahl in der Tabelle.</source>
        <translation>“{label}” goes only to the people who moved up: through “Notify …” or a selection in the table.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="522"/>
        <source>Niemand aus dieser Gruppe erhält „{label}“.</source>
        <translation>Nobody in this group gets “{label}”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="593"/>
        <source>Empfänger: %n Personen in BCC (ein Entwurf)</source>
        <translation>
            <numerusform>Recipients: %n person in BCC (one draft)</numerusform>
            <numerusform>Recipients: %n people in BCC (one draft)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="601"/>
        <source>Übersprungen:</source>
        <translation>Skipped:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="616"/>
        <source>%n Entwürfe noch nicht als verschickt vermerkt</source>
        <translation>
            <numerusform>%n draft not yet marked as sent</numerusform>
            <numerusform>%n drafts not yet marked as sent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="651"/>
        <source>Sie selbst</source>
        <translation>You</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="652"/>
        <source>An: {to} · BCC: %n Personen</source>
        <translation>
            <numerusform>To: {to} · BCC: %n person</numerusform>
            <numerusform>To: {to} · BCC: %n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="723"/>
        <source>Testentwurf an {email} gespeichert: {path}</source>
        <translation>Test draft to {email} saved: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="726"/>
        <source>Testentwurf</source>
        <translation>Test draft</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="727"/>
        <source>Der Testentwurf an {email} ist gespeichert:
{path}

Ein Doppelklick auf die Datei öffnet sie in Outlook.</source>
        <translation>The test draft to {email} is saved:
{path}

Double-clicking the file opens it in Outlook.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="753"/>
        <source>Ein Entwurf an %n Personen in BCC gespeichert in {folder}</source>
        <translation>
            <numerusform>One draft to %n person in BCC saved in {folder}</numerusform>
            <numerusform>One draft to %n people in BCC saved in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="764"/>
        <source>Haben Sie die Entwürfe aus Outlook verschickt? Erst dann gilt der Zugangslink als versendet und die Frist „Zugangslink verschicken“ als erledigt. Sie können das auch später mit „Als verschickt markieren …“ nachholen.</source>
        <translation>Have you sent the drafts from Outlook? Only then does the access link count as sent and the deadline “Send access link” as done. You can also do this later with “Mark as sent …”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="779"/>
        <source>Als verschickt markieren</source>
        <translation>Mark as sent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="780"/>
        <source>%n Entwürfe „{label}“ sind noch nicht als verschickt vermerkt. Haben Sie die Entwürfe aus Outlook verschickt?</source>
        <translation>
            <numerusform>%n draft “{label}” is not yet marked as sent. Have you sent the drafts from Outlook?</numerusform>
            <numerusform>%n drafts “{label}” are not yet marked as sent. Have you sent the drafts from Outlook?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="793"/>
        <source>%n Entwürfe als verschickt vermerkt.</source>
        <translation>
            <numerusform>%n draft marked as sent.</numerusform>
            <numerusform>%n drafts marked as sent.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="795"/>
        <source>Die Frist „Zugangslink verschicken“ ist erledigt.</source>
        <translation>The deadline “Send access link” is done.</translation>
    </message>
</context>
<context>
    <name>MailUi</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="75"/>
        <source>Anmeldebestätigung</source>
        <translation>Registration confirmation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="76"/>
        <source>Wartelisten-Hinweis</source>
        <translation>Waiting list notice</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="77"/>
        <source>Nachgerückt von der Warteliste</source>
        <translation>Moved up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="78"/>
        <source>Zugangslink mit Einladung</source>
        <translation>Access link with invitation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="79"/>
        <source>Erinnerung</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="80"/>
        <source>Absage der Veranstaltung</source>
        <translation>Event cancellation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="81"/>
        <source>Dank nach der Veranstaltung</source>
        <translation>Thank-you after the event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="117"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="82"/>
        <source>Teilnahmebescheinigung</source>
        <translation>Certificate of attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="84"/>
        <source>sie bestätigt die persönliche Anmeldung</source>
        <translation>it confirms the personal registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="85"/>
        <source>sie nennt den persönlichen Platz auf der Warteliste</source>
        <translation>it names the personal place on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="86"/>
        <source>sie teilt der Person persönlich mit, dass sie nachgerückt ist</source>
        <translation>it tells the person personally that they moved up</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="87"/>
        <source>sie enthält den Zugangslink und eine persönliche Kalendereinladung</source>
        <translation>it contains the access link and a personal calendar invitation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="88"/>
        <source>sie trägt die persönliche Teilnahmebescheinigung im Anhang</source>
        <translation>it carries the personal certificate of attendance as an attachment</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="92"/>
        <source>Wie in der Vorlage vorgesehen</source>
        <extracomment>the recipient choices besides a given selection: (key, label); the status groups are services.mailing&apos;s</extracomment>
        <translation>As the template intends</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="93"/>
        <source>Alle Angemeldeten</source>
        <translation>Everyone registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="94"/>
        <source>Alle auf der Warteliste</source>
        <translation>Everyone on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="95"/>
        <source>Alle Stornierten</source>
        <translation>Everyone cancelled</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="96"/>
        <source>Alle, die teilgenommen haben</source>
        <translation>Everyone who attended</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="860"/>
        <source>Auswahl aus der Tabelle</source>
        <translation>Selection from the table</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="898"/>
        <source>Nachgerückte</source>
        <translation>Moved up</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/manual_dialog.py" line="100"/>
        <source>Handbuch – odn-desktop</source>
        <translation>Manual (in German) – odn-desktop</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/manual_dialog.py" line="110"/>
        <source>Inhalt des Handbuchs</source>
        <translation>Contents of the manual</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/manual_dialog.py" line="123"/>
        <source>Text des Handbuchs</source>
        <translation>Text of the manual</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/manual_dialog.py" line="330"/>
        <source>Das Handbuch fehlt in dieser Installation. Bitte installieren Sie odn-desktop neu.</source>
        <translation>The manual is missing from this installation. Please reinstall odn-desktop.</translation>
    </message>
</context>
<context>
    <name>PersonForms</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="55"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="56"/>
        <source>Die Änderungen an dieser Person sind noch nicht gespeichert.</source>
        <translation>The changes to this person have not been saved yet.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="57"/>
        <source>Möchten Sie die Änderungen speichern?</source>
        <translation>Do you want to save the changes?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="75"/>
        <source>Bitte geben Sie eine E-Mail-Adresse an.</source>
        <translation>Please enter an email address.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="81"/>
        <source>Diese E-Mail-Adresse ist ungültig (Beispiel: name@kommune.de).</source>
        <translation>This email address is invalid (example: name@kommune.de).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="202"/>
        <source>Niemand ausgewählt</source>
        <translation>Nobody selected</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/person_forms.py" line="249"/>
        <source>Bitte geben Sie einen Nachnamen an.</source>
        <translation>Please enter a last name.</translation>
    </message>
</context>
<context>
    <name>PersonListPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/person_list_page.py" line="79"/>
        <source>Su&amp;chen:</source>
        <extracomment>kinds of ``AppContext.changed`` that make this page reload</extracomment>
        <translation>Sear&amp;ch:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/person_list_page.py" line="130"/>
        <source>Bearbeiten</source>
        <extracomment>the page&apos;s own row actions (buttons or QActions) for the list&apos;s right-click menu; double click edits</extracomment>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="48"/>
        <source>Für Treffen einplanen</source>
        <translation>Plan for a meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="51"/>
        <source>„{topic}“ wird als Programmpunkt ans Ende des Programms des gewählten Treffens gesetzt; die Gruppe gilt dann als eingeplant.</source>
        <translation>“{topic}” is added as an item at the end of the chosen meeting&apos;s programme; the group then counts as planned.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="62"/>
        <source>Fragen und Diskussion</source>
        <translation>Questions and discussion</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="63"/>
        <source>Vortrag</source>
        <translation>Talk</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="69"/>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="72"/>
        <source>&amp;Treffen:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="74"/>
        <source>&amp;Art:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="76"/>
        <source>&amp;Dauer:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="83"/>
        <source>&amp;Einplanen</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/wish_plan_dialog.py" line="84"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="48"/>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="76"/>
        <source> Monate</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="83"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="83"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="83"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="83"/>
        <source>Zuletzt am</source>
        <translation>Last date</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="84"/>
        <source>Letzte Veranstaltung</source>
        <translation>Last event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="91"/>
        <source>&amp;Anonymisieren …</source>
        <translation>&amp;Anonymise …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="99"/>
        <source>Kontakte anonymisieren, deren letzte Veranstaltung mehr als</source>
        <translation>Anonymise contacts whose last event was more than</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="102"/>
        <source>zurückliegt.</source>
        <translation>ago.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="110"/>
        <source>Protokoll (nur Anzahlen, keine Namen):</source>
        <translation>Log (counts only, no names):</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="119"/>
        <source>Auskunft e&amp;xportieren (Art. 15) …</source>
        <translation>E&amp;xport access report (Art. 15) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="121"/>
        <source>Person &amp;löschen (Art. 17) …</source>
        <translation>&amp;Delete person (Art. 17) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="124"/>
        <source>Die Auskunft enthält alles, was zu der Person gespeichert ist: Kontaktdaten, Einwilligung, alle Anmeldungen mit Veranstaltung und die versendeten Nachrichten – als Excel- und JSON-Datei.

Beim Löschen werden Kontakt, Anmeldungen und Nachrichten entfernt und unkenntlich gemacht; mit dem nächsten Abgleich auch in der gemeinsamen Datenbank. Freie Plätze künftiger Veranstaltungen gehen an die Warteliste. Das Löschen kann nicht rückgängig gemacht werden.</source>
        <translation>The access report contains everything stored about the person: contact details, consent, all registrations with their events and the messages sent – as an Excel and a JSON file.

Deleting removes the contact, registrations and messages and makes them unrecognisable; with the next synchronisation, in the shared database as well. Seats freed at future events go to the waiting list. Deletion cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="133"/>
        <source>&amp;E-Mail-Adresse:</source>
        <translation>&amp;Email address:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="55"/>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="81"/>
        <source>Aufbewahrung</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="56"/>
        <source>Auskunft und Löschung</source>
        <translation>Access and erasure</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="145"/>
        <source>Schl&amp;ießen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="167"/>
        <source>(keine Anmeldung)</source>
        <translation>(no registration)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="172"/>
        <source>%n Kontakte würden anonymisiert.</source>
        <translation>
            <numerusform>%n contact would be anonymised.</numerusform>
            <numerusform>%n contacts would be anonymised.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="177"/>
        <source>{when}: {contacts}, {registrations} {what}</source>
        <translation>{when}: {contacts}, {registrations} {what}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="178"/>
        <source>%n Kontakte</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="179"/>
        <source>%n Anmeldungen</source>
        <translation>
            <numerusform>%n registration</numerusform>
            <numerusform>%n registrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="193"/>
        <source>%n Kontakte und ihre Anmeldungen endgültig anonymisieren? Die Teilnehmendenzahlen der Veranstaltungen bleiben erhalten; Namen und Adressen sind danach nicht wiederherstellbar.</source>
        <translation>
            <numerusform>Permanently anonymise %n contact and their registrations? The events&apos; participant numbers are kept; names and addresses cannot be recovered afterwards.</numerusform>
            <numerusform>Permanently anonymise %n contacts and their registrations? The events&apos; participant numbers are kept; names and addresses cannot be recovered afterwards.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="249"/>
        <source>%n Personen sind nachgerückt. Jetzt benachrichtigen?</source>
        <translation>
            <numerusform>%n person moved up. Notify now?</numerusform>
            <numerusform>%n people moved up. Notify now?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="174"/>
        <source>anonymisiert</source>
        <translation>anonymised</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="174"/>
        <source>gelöscht (Art. 17)</source>
        <translation>deleted (Art. 17)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="192"/>
        <source>Anonymisieren</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="200"/>
        <source>Anonymisiert</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="205"/>
        <source>Bitte geben Sie die E-Mail-Adresse der Person an.</source>
        <translation>Please enter the person&apos;s email address.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="216"/>
        <source>Auskunft speichern</source>
        <translation>Save access report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="226"/>
        <source>Auskunft gespeichert</source>
        <translation>Access report saved</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="232"/>
        <source>Person löschen</source>
        <translation>Delete person</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="233"/>
        <source>Alle Daten von {email} endgültig löschen (Art. 17 DSGVO)? Dies kann nicht rückgängig gemacht werden.</source>
        <translation>Permanently delete all data of {email} (Art. 17 GDPR)? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="243"/>
        <source>Person gelöscht</source>
        <translation>Person deleted</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/privacy_dialog.py" line="248"/>
        <source>Nachgerückte benachrichtigen</source>
        <translation>Notify people who moved up</translation>
    </message>
</context>
<context>
    <name>PromotedNotice</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="871"/>
        <source>&amp;Benachrichtigen …</source>
        <translation>&amp;Notify …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_ui.py" line="873"/>
        <source>Die Nachricht „Nachgerückt von der Warteliste“ an genau diese Personen schreiben</source>
        <translation>Write the message “Moved up from the waiting list” to exactly these people</translation>
    </message>
</context>
<context>
    <name>RegistrationColumns</name>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="96"/>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="234"/>
        <source>Angemeldet</source>
        <extracomment>status -&gt; (background, text); light backgrounds with dark text stay readable in dark themes too (background, text) per status; called when a cell is drawn, so they follow the palette (see theme)
----------
the status pill (``StatusDelegate``): padding around its text, and its distance to the cell&apos;s edges initial widths: the width of a typical long value (plus padding); the last column takes what is left</extracomment>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="99"/>
        <source>Warteliste</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="100"/>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="235"/>
        <source>Warteliste #{position}</source>
        <translation>Waiting list #{position}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="102"/>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="234"/>
        <source>Storniert</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="116"/>
        <source>Teilgenommen</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="117"/>
        <source>Teilgenommen ({minutes} Minuten)</source>
        <translation>Attended ({minutes} minutes)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="132"/>
        <source>Platz {position} auf der Warteliste</source>
        <translation>Position {position} on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="138"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="142"/>
        <source>Nach dem Anmeldeschluss angemeldet</source>
        <translation>Registered after the deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="147"/>
        <source>{when} Uhr (Berlin)</source>
        <translation>{when} (Berlin)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="163"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="165"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="176"/>
        <source>Runde</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="178"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="174"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="168"/>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="236"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="180"/>
        <source>Angemeldet am</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="185"/>
        <source>verspätet</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="189"/>
        <source>Teilnahme (Minuten)</source>
        <translation>Attendance (minutes)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="196"/>
        <source>Veranstaltung</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/registrations_columns.py" line="345"/>
        <source>Kopieren</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>RegistrationsTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="81"/>
        <source>Alle</source>
        <extracomment>kinds of ``AppContext.changed`` the tab shows (a contact&apos;s name, the event&apos;s capacity, the registrations)</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="82"/>
        <source>Angemeldet</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="83"/>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="181"/>
        <source>Warteliste</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="84"/>
        <source>Storniert</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="85"/>
        <source>Teilgenommen</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="169"/>
        <source>Alle Runden</source>
        <extracomment>the round filter&apos;s key for &quot;registered without a round&quot;</extracomment>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="179"/>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="705"/>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="816"/>
        <source>ohne Runde</source>
        <translation>no round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="180"/>
        <source>angemeldet</source>
        <translation>registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="242"/>
        <source>Name, E-Mail oder Organisation …</source>
        <extracomment>the seat figures after every reload (``SeatCounts``, or None without an event) &quot;Kontakt öffnen&quot; (double click on a registrant): the contact&apos;s id, for the Kontakte page</extracomment>
        <translation>Name, email or organisation …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="245"/>
        <source>&amp;Suche:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="256"/>
        <source>S&amp;tatus:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="267"/>
        <source>&amp;Runde:</source>
        <translation>&amp;Round:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="290"/>
        <source>Anmeldung hin&amp;zufügen …</source>
        <translation>&amp;Add registration …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="307"/>
        <source>St&amp;ornieren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="308"/>
        <source>Auf die &amp;Warteliste</source>
        <translation>Move to &amp;waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="310"/>
        <source>Von der Warteliste &amp;nachrücken</source>
        <translation>Move u&amp;p from waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="312"/>
        <source>Ans &amp;Ende der Warteliste</source>
        <translation>To the &amp;end of the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="314"/>
        <source>Wartelisten&amp;platz ändern …</source>
        <translation>Change waiting-list p&amp;lace …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="316"/>
        <source>Teilnahme &amp;markieren</source>
        <translation>&amp;Mark attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="318"/>
        <source>Teilnahme ent&amp;fernen</source>
        <translation>&amp;Remove attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="320"/>
        <source>In R&amp;unde verschieben …</source>
        <translation>Move to ro&amp;und …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="325"/>
        <source>E-Mai&amp;l an Auswahl …</source>
        <translation>E-mail to selec&amp;tion …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="338"/>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="876"/>
        <source>{n} ausgewählt:</source>
        <translation>{n} selected:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="511"/>
        <source>Anmeldung hinzufügen</source>
        <translation>Add registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="520"/>
        <source>{name} steht auf der Warteliste für Runde „{round}“ (Platz {position}).</source>
        <translation>{name} is on the waiting list for round “{round}” (place {position}).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="523"/>
        <source>{name} steht auf der Warteliste (Platz {position}).</source>
        <translation>{name} is on the waiting list (position {position}).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="526"/>
        <source>{name} ist in Runde „{round}“ angemeldet.</source>
        <translation>{name} is registered in round “{round}”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="529"/>
        <source>{name} ist angemeldet.</source>
        <translation>{name} is registered.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="531"/>
        <source>(verspätet zugelassen)</source>
        <translation>(admitted late)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="549"/>
        <source>Anmeldung stornieren</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="549"/>
        <source>{n} Anmeldungen stornieren</source>
        <translation>Cancel {n} registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="554"/>
        <source>Storniert: {names}.</source>
        <translation>Cancelled: {names}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="559"/>
        <source>Nachgerückt: {names}.</source>
        <translation>Moved up: {names}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="654"/>
        <source>Von der Warteliste nachgerückt</source>
        <translation>Moved up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="568"/>
        <source>Auf die Warteliste setzen</source>
        <translation>Move to the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="569"/>
        <source>{n} Anmeldungen auf die Warteliste setzen</source>
        <translation>Move {n} registrations to the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="573"/>
        <source>Auf die Warteliste gesetzt: {names}.</source>
        <translation>Moved to the waiting list: {names}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="613"/>
        <source>Ans Ende der Warteliste setzen</source>
        <translation>Move to the end of the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="614"/>
        <source>{n} Personen ans Ende der Warteliste setzen</source>
        <translation>Move {n} people to the end of the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="618"/>
        <source>Ans Ende der Warteliste gesetzt: {names}.</source>
        <translation>Moved to the end of the waiting list: {names}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="122"/>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="636"/>
        <source>Wartelistenplatz ändern</source>
        <extracomment>the seat summary&apos;s colour per seat status (a style sheet built at use time: it follows the palette)</extracomment>
        <translation>Change waiting-list place</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="123"/>
        <source>Neuer Wartelistenplatz für {name} (1 bis {maximum}):</source>
        <translation>New waiting-list place for {name} (1 to {maximum}):</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="642"/>
        <source>{name} steht jetzt auf Platz {position} der Warteliste.</source>
        <translation>{name} is now number {position} on the waiting list.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="588"/>
        <source>Es ist kein Platz mehr frei. Sollen {n} Personen trotzdem nachrücken (Überbuchung)?</source>
        <translation>There are no seats left. Move {n} people up anyway (overbooking)?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="591"/>
        <source>Es sind nur noch {free} Plätze frei, ausgewählt sind {n} Personen. Sollen trotzdem alle nachrücken (Überbuchung)?</source>
        <translation>Only {free} seats are left, but {n} people are selected. Move them all up anyway (overbooking)?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="596"/>
        <source>Überbuchen?</source>
        <translation>Overbook?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="599"/>
        <source>Von der Warteliste nachrücken</source>
        <translation>Move up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="600"/>
        <source>{n} Personen von der Warteliste nachrücken</source>
        <translation>Move {n} people up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="604"/>
        <source>Nachgerückt: {names}. Bitte informieren Sie die Nachgerückten.</source>
        <translation>Moved up: {names}. Please let them know.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="674"/>
        <source>In der Runde „{round}“ sind noch {free} Plätze frei, ausgewählt sind {n} Personen. Sollen trotzdem alle nachrücken (Überbuchung)?</source>
        <translation>Round “{round}” has {free} seats left, {n} people are selected. Move all of them up anyway (overbooking)?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="685"/>
        <source>In andere Runde verschieben</source>
        <translation>Move to another round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="686"/>
        <source>{n} Anmeldungen in eine andere Runde verschieben</source>
        <translation>Move {n} registrations to another round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="691"/>
        <source>Verschoben: {names}.</source>
        <translation>Moved: {names}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="719"/>
        <source>Teilnahme markieren</source>
        <translation>Mark attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="719"/>
        <source>Teilnahme von {n} Personen markieren</source>
        <translation>Mark attendance for {n} people</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="721"/>
        <source>Teilnahme entfernen</source>
        <translation>Remove attendance</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="721"/>
        <source>Teilnahme von {n} Personen entfernen</source>
        <translation>Remove attendance for {n} people</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="726"/>
        <source>{text}: {names}.</source>
        <translation>{text}: {names}.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="771"/>
        <source>Keine Veranstaltung ausgewählt.</source>
        <translation>No event selected.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="830"/>
        <source>Keine Platzbegrenzung.</source>
        <translation>No seat limit.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="832"/>
        <source>{capacity} Plätze + Überbuchung = {limit} Plätze.</source>
        <translation>{capacity} seats + overbooking = {limit} seats.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="835"/>
        <source>{limit} Plätze.</source>
        <translation>{limit} seats.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="836"/>
        <source>{n} storniert.</source>
        <translation>{n} cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="842"/>
        <source>Kein Anmeldeschluss</source>
        <translation>No registration deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="845"/>
        <source>Anmeldeschluss {when} (abgelaufen)</source>
        <translation>Registration deadline {when} (passed)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="846"/>
        <source>Anmeldeschluss {when}</source>
        <translation>Registration deadline {when}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="852"/>
        <source>{total} Anmeldungen</source>
        <translation>{total} registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="854"/>
        <source>{shown} von {total} Anmeldungen</source>
        <translation>{shown} of {total} registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="877"/>
        <source>Auswahl:</source>
        <translation>Selection:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="333"/>
        <source>&amp;Kontakt öffnen</source>
        <translation>&amp;Open contact</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="668"/>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="673"/>
        <source>Importbericht</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="675"/>
        <source>&amp;Speichern …</source>
        <translation>&amp;Save …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/import_mapping_dialog.py" line="690"/>
        <source>Der Bericht konnte nicht gespeichert werden: {0}</source>
        <translation>The report could not be saved: {0}</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="126"/>
        <source>PDF (*.pdf)</source>
        <extracomment>data whose change alters the figures the table under a chart shows at most this many rows before it scrolls itself the columns&apos; widths are measured on the header and this many rows (not on 300 meetings: one frame) the narrowest column of a table under a chart (pixels) charts are drawn at least this wide (pixels), also in a narrow window after a resize the charts are drawn again at the new width when it changed by more than this (inches) (key, German label, term of ``report_figures.DEFINITIONS`` for the tooltip) a data series against the chart&apos;s background (WCAG 2.1 SC 1.4.11, graphics)</extracomment>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="127"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="129"/>
        <source>Auswertung speichern</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="284"/>
        <source>Veranstaltungsreihe</source>
        <extracomment>the key figures and tables of the current selection are shown (the charts follow) the charts are drawn (after the figures, and again after the palette or the width changed) the report was saved (its path) milliseconds from the last selection to its figures on the page (shown in tests and the benchmark)</extracomment>
        <translation>Event series</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="288"/>
        <source>&amp;Reihe:</source>
        <translation>&amp;Series:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="292"/>
        <source>Treffen</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="296"/>
        <source>&amp;Treffen:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="298"/>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="500"/>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="521"/>
        <source>Wird berechnet …</source>
        <translation>Calculating …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="302"/>
        <source>&amp;Exportieren …</source>
        <translation>&amp;Export …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="304"/>
        <source>Die Auswertung der Reihe als PDF oder Excel-Arbeitsmappe speichern (Kennzahlen, Diagramme mit Tabellen, Erläuterungen)</source>
        <translation>Save the series&apos; report as PDF or Excel workbook (key figures, charts with tables, definitions)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="369"/>
        <source>angemeldet</source>
        <translation>registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="369"/>
        <source>teilgenommen</source>
        <translation>attended</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="370"/>
        <source>Quote</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="370"/>
        <source>nicht erschienen</source>
        <translation>no-shows</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="371"/>
        <source>Warteliste</source>
        <translation>waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="371"/>
        <source>verspätet</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="372"/>
        <source>Organisationen</source>
        <translation>organisations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="372"/>
        <source>wiederkehrend</source>
        <translation>returning</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="392"/>
        <source>Noch keine Veranstaltungsreihe. Die Auswertung zeigt die Treffen einer Reihe; Reihen entstehen unter „Veranstaltungen“.</source>
        <translation>No event series yet. The report shows the meetings of a series; series are created under “Events”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="459"/>
        <source>Alle Treffen der Reihe</source>
        <translation>All meetings of the series</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="500"/>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="528"/>
        <source>Diagramme werden gezeichnet …</source>
        <translation>Drawing charts …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="610"/>
        <source>Für dieses Treffen gibt es noch keine Teilnahmedaten: Quote und „nicht erschienen“ folgen, wenn es stattgefunden hat.</source>
        <translation>There is no attendance data for this meeting yet: the rate and “no-shows” follow once it has taken place.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="612"/>
        <source>„wiederkehrend“: Anmeldungen von Personen, die schon für ein früheres Treffen der Reihe angemeldet waren.</source>
        <translation>“returning”: registrations of people who were already registered for an earlier meeting of the series.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="614"/>
        <source>Treffen gezählt: {meetings}, davon mit Teilnahmedaten: {rated} (nur diese zählen für Quote und „nicht erschienen“). „wiederkehrend“: Personen, die nach einem früheren Treffen der Reihe wiederkamen.</source>
        <translation>Meetings counted: {meetings}, with attendance data: {rated} (only these count for the rate and “no-shows”). “returning”: people who came back after an earlier meeting of the series.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="683"/>
        <source>Auswertung wird gespeichert …</source>
        <translation>Saving report …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/report_page.py" line="700"/>
        <source>Die Auswertung konnte nicht gespeichert werden: {reason}</source>
        <translation>The report could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>RoomPlan</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="31"/>
        <source>Referent:in</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="33"/>
        <source>Veranstaltende</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="41"/>
        <source>gleiche Organisation/Kommune im Raum</source>
        <translation>same organisation/municipality in the room</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="46"/>
        <source>Hauptraum (nicht zugeteilt)</source>
        <translation>Main room (not assigned)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="60"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="60"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="60"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="61"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="87"/>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="64"/>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="110"/>
        <source>Raumplan – {title}</source>
        <translation>Room plan – {title}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/room_plan_print.py" line="65"/>
        <source>(niemand)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="89"/>
        <source>Raumliste drucken</source>
        <translation>Print room list</translation>
    </message>
</context>
<context>
    <name>RoomPlanModel</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="71"/>
        <source>Raum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="72"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="73"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="74"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="75"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_model.py" line="124"/>
        <source>%n Personen</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomPlanTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="67"/>
        <source>Breakout-Räume für Zoom. Für die Vernetzung werden die Angemeldeten in kleine Räume gemischt; Personen derselben Organisation oder Kommune kommen möglichst in verschiedene Räume. Die Datei lädt man in Zoom beim Planen des Meetings unter „Breakout Room pre-assign“ › „Import from CSV“ hoch.</source>
        <translation>Breakout rooms for Zoom. For networking, the registered people are mixed into small rooms; people of the same organisation or municipality go into different rooms where possible. Upload the file in Zoom when scheduling the meeting under “Breakout Room pre-assign” › “Import from CSV”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="92"/>
        <source>Personen je &amp;Raum:</source>
        <translation>People per &amp;room:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="96"/>
        <source>je Raum eine Person</source>
        <translation>one per room</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="97"/>
        <source>nicht zuteilen (bleiben im Hauptraum)</source>
        <translation>not assigned (stay in the main room)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="98"/>
        <source>Referent:innen und &amp;Veranstaltende:</source>
        <translation>Speakers and &amp;hosts:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="100"/>
        <source>Nach R&amp;unden (ein Raum je Runde)</source>
        <translation>By ro&amp;und (one room per round)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="102"/>
        <source>Neu &amp;mischen</source>
        <translation>New &amp;mix</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="104"/>
        <source>Eine andere Mischung derselben Personen</source>
        <translation>Another mix of the same people</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="137"/>
        <source>Raumplan</source>
        <translation>Room plan</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="141"/>
        <source>Für &amp;Zoom exportieren …</source>
        <translation>Export for &amp;Zoom …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="143"/>
        <source>Datei zur Vorab-Zuteilung der Breakout-Räume (CSV) speichern</source>
        <translation>Save the breakout room pre-assignment file (CSV)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="144"/>
        <source>Raumliste als &amp;PDF …</source>
        <translation>Room list as &amp;PDF …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="146"/>
        <source>Raumliste dru&amp;cken …</source>
        <translation>&amp;Print room list …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="249"/>
        <source>Ein Raum je paralleler Runde, benannt wie die Runde</source>
        <translation>One room per parallel round, named like the round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="250"/>
        <source>Diese Veranstaltung hat keine parallelen Runden.</source>
        <translation>This event has no parallel rounds.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="254"/>
        <source>Mischung Nr. {seed}</source>
        <translation>Mix no. {seed}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="256"/>
        <source>(niemand)</source>
        <translation>(nobody)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="272"/>
        <source>%n Personen</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="272"/>
        <source>in %n Räumen</source>
        <translation>
            <numerusform>in %n room</numerusform>
            <numerusform>in %n rooms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="274"/>
        <source>zu höchstens {size}</source>
        <translation>of at most {size}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="278"/>
        <source>%n Personen ohne Runde bleiben im Hauptraum</source>
        <translation>
            <numerusform>%n person without a round stays in the main room</numerusform>
            <numerusform>%n people without a round stay in the main room</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="280"/>
        <source>%n Referent:innen und Veranstaltende bleiben im Hauptraum</source>
        <translation>
            <numerusform>%n speaker or host stays in the main room</numerusform>
            <numerusform>%n speakers and hosts stay in the main room</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="283"/>
        <source>in %n Räumen treffen sich Personen derselben Organisation oder Kommune (nicht vermeidbar)</source>
        <translation>
            <numerusform>in %n room people of the same organisation or municipality meet (unavoidable)</numerusform>
            <numerusform>in %n rooms people of the same organisation or municipality meet (unavoidable)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="295"/>
        <source>Raum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="296"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="297"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="299"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="317"/>
        <source>Raumplan für Zoom speichern</source>
        <translation>Save room plan for Zoom</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="318"/>
        <source>CSV für Zoom (*.csv)</source>
        <translation>CSV for Zoom (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="328"/>
        <source>Raumplan gespeichert</source>
        <translation>Room plan saved</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="337"/>
        <source>Raumliste als PDF speichern</source>
        <translation>Save room list as PDF</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="338"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/room_plan_tab.py" line="346"/>
        <source>Raumliste gespeichert: {path}</source>
        <translation>Room list saved: {path}</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="38"/>
        <source>Runde bearbeiten</source>
        <translation>Edit round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="38"/>
        <source>Runde hinzufügen</source>
        <translation>Add round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="41"/>
        <source>z. B. Runde A: Offene Haushaltsdaten</source>
        <translation>e.g. Round A: open budget data</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="50"/>
        <source>&amp;unbegrenzt</source>
        <translation>&amp;unlimited</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="59"/>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="61"/>
        <source>&amp;Beschreibung:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="63"/>
        <source>&amp;Plätze:</source>
        <translation>&amp;Seats:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="73"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="73"/>
        <source>&amp;Hinzufügen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="74"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/round_dialog.py" line="115"/>
        <source>Bitte einen Titel für die Runde angeben.</source>
        <translation>Please enter a title for the round.</translation>
    </message>
</context>
<context>
    <name>RoundsModel</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="54"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="55"/>
        <source>Runde</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="56"/>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="57"/>
        <source>Plätze</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="58"/>
        <source>Belegung</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="86"/>
        <source>unbegrenzt</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="132"/>
        <source>{registered} angemeldet, {waiting} auf der Warteliste</source>
        <translation>{registered} registered, {waiting} on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_model.py" line="135"/>
        <source>Mehr Plätze vergeben als verfügbar: bitte Plätze erhöhen oder Personen in eine andere Runde verschieben.</source>
        <translation>More seats given than available: please add seats or move people to another round.</translation>
    </message>
</context>
<context>
    <name>RoundsTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="92"/>
        <source>Parallele Runden teilen das Treffen in Gruppen mit eigenen Plätzen (z. B. zwei Themen zur selben Zeit). Wer sich anmeldet, wählt eine Runde; die Plätze der Veranstaltung gelten zusätzlich.</source>
        <extracomment>what a round change touches: the event&apos;s seats and every registrant list</extracomment>
        <translation>Parallel rounds split the meeting into groups with seats of their own (e.g. two topics at the same time). Whoever registers chooses a round; the event’s seats apply as well.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="96"/>
        <source>Anmeldung &amp;ohne Runde erlaubt</source>
        <translation>Registration with&amp;out a round allowed</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="98"/>
        <source>Wer keine Runde wählt, zählt nur gegen die Plätze der Veranstaltung.</source>
        <translation>Whoever chooses no round counts only against the event’s seats.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="122"/>
        <source>Enter oder Doppelklick: Runde bearbeiten · Entf: entfernen</source>
        <translation>Enter or double click: edit round · Del: remove</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="127"/>
        <source>Runde hin&amp;zufügen …</source>
        <translation>Add &amp;round …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="129"/>
        <source>Bearbei&amp;ten …</source>
        <translation>Ed&amp;it …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="131"/>
        <source>&amp;Entfernen</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="133"/>
        <source>Ausgewählte Runde entfernen (Entf); nur ohne Anmeldungen möglich</source>
        <translation>Remove the selected round (Del); only possible without registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="134"/>
        <source>&amp;Nach oben</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="136"/>
        <source>Nach &amp;unten</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="269"/>
        <source>Runde „{title}“ hinzufügen</source>
        <translation>Add round “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="289"/>
        <source>Runde „{title}“ ändern</source>
        <translation>Change round “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="298"/>
        <source>Von der Warteliste nachgerückt</source>
        <translation>Moved up from the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="299"/>
        <source>Durch die zusätzlichen Plätze sind nachgerückt: {names}.
Bitte informieren Sie die Nachgerückten.</source>
        <translation>The additional seats moved up: {names}.
Please inform them.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="313"/>
        <source>Runde „{title}“ entfernen</source>
        <translation>Remove round “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="324"/>
        <source>Runde „{title}“ nach oben</source>
        <translation>Move round “{title}” up</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="324"/>
        <source>Runde „{title}“ nach unten</source>
        <translation>Move round “{title}” down</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="338"/>
        <source>Anmeldung ohne Runde erlauben</source>
        <translation>Allow registration without a round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/rounds_tab.py" line="338"/>
        <source>Runde bei der Anmeldung verlangen</source>
        <translation>Require a round when registering</translation>
    </message>
</context>
<context>
    <name>SeatGauge</name>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="51"/>
        <source>{registered} (unbegrenzt)</source>
        <translation>{registered} (unlimited)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="53"/>
        <source>{registered}/{limit}</source>
        <translation>{registered}/{limit}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="55"/>
        <source>überbucht</source>
        <translation>overbooked</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="57"/>
        <source>voll</source>
        <translation>full</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="59"/>
        <source> · {waiting} warten</source>
        <translation> · {waiting} waiting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="151"/>
        <source>„{event}“, Runde „{round}“</source>
        <translation>“{event}”, round “{round}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="152"/>
        <source>„{event}“</source>
        <translation>“{event}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="160"/>
        <source>Runde „{round}“</source>
        <translation>Round “{round}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="162"/>
        <source>Die Veranstaltung</source>
        <translation>The event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/widgets/seat_gauge.py" line="163"/>
        <source>{where}: überbucht – {seats} von {limit} Plätzen vergeben</source>
        <translation>{where}: overbooked – {seats} of {limit} seats given</translation>
    </message>
</context>
<context>
    <name>SeatSummary</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="187"/>
        <source>{n} auf der Warteliste</source>
        <translation>{n} on the waiting list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="189"/>
        <source>{n} angemeldet</source>
        <translation>{n} registered</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="190"/>
        <source>keine Platzbegrenzung</source>
        <translation>no seat limit</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="191"/>
        <source>{registered} von {limit} Plätzen belegt</source>
        <translation>{registered} of {limit} seats taken</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="194"/>
        <source>Ausgebucht</source>
        <translation>Fully booked</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/registrations_tab.py" line="195"/>
        <source>{n} frei</source>
        <translation>{n} free</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="72"/>
        <source>Senden: {label}</source>
        <extracomment>what a sent or drafted message changes in the window</extracomment>
        <translation>Send: {label}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="117"/>
        <source>Verschlüsselt (STARTTLS)</source>
        <translation>Encrypted (STARTTLS)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="125"/>
        <source>aus dem Schlüsselbund</source>
        <translation>from the keyring</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="126"/>
        <source>Passwort im Schlüsselbund des Systems speichern</source>
        <translation>Store the password in the system keyring</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="145"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="147"/>
        <source>auch an Personen, die diese Nachricht schon erhalten haben</source>
        <translation>also to people who have already received this message</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="156"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="164"/>
        <source>Absender (&amp;Name):</source>
        <translation>Sender (&amp;name):</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="165"/>
        <source>Absender (&amp;E-Mail):</source>
        <translation>Sender (&amp;email):</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="166"/>
        <source>P&amp;ause zwischen Nachrichten:</source>
        <translation>P&amp;ause between messages:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="176"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="176"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="175"/>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="176"/>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="160"/>
        <source>Se&amp;rver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="161"/>
        <source>Ben&amp;utzer:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="162"/>
        <source>Pass&amp;wort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="192"/>
        <source>&amp;Senden</source>
        <translation>Sen&amp;d</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="195"/>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="443"/>
        <source>&amp;Pause</source>
        <translation>Pa&amp;use</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="197"/>
        <source>A&amp;bbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="199"/>
        <source>&amp;Fehlgeschlagene erneut senden</source>
        <translation>&amp;Retry failed</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="206"/>
        <source>Schl&amp;ießen</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="258"/>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="426"/>
        <source>wartet</source>
        <translation>waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="261"/>
        <source>%n Empfänger:innen</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="263"/>
        <source>, {n} übersprungen (haben die Nachricht schon oder keine Adresse)</source>
        <translation>, {n} skipped (already have the message or no address)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="303"/>
        <source>Bitte geben Sie den SMTP-Server an.</source>
        <translation>Please enter the SMTP server.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="406"/>
        <source>versendet</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="407"/>
        <source>fehlgeschlagen: {detail}</source>
        <translation>failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="427"/>
        <source>nicht versendet (abgebrochen)</source>
        <translation>not sent (cancelled)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="446"/>
        <source>&amp;Fortsetzen</source>
        <translation>Resu&amp;me</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="447"/>
        <source>Angehalten – „Fortsetzen“ sendet weiter.</source>
        <translation>Paused – “Resume” continues sending.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="452"/>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="201"/>
        <source>Test&amp;mail an mich</source>
        <translation>&amp;Test mail to me</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="203"/>
        <source>Eine Nachricht an die Absenderadresse mit den Angaben der ersten Person – so, wie sie die Empfänger:innen erhalten; wird nirgends vermerkt.</source>
        <translation>One message to the sender address with the first person&apos;s data – as the recipients get it; recorded nowhere.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="331"/>
        <source>Testmail an {email} wird gesendet …</source>
        <translation>Sending test mail to {email} …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="343"/>
        <source>Testmail an {email} versendet. Prüfen Sie sie in Ihrem Postfach, dann „Senden“.</source>
        <translation>Test mail to {email} sent. Check it in your mailbox, then “Send”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/mail_send_dialog.py" line="346"/>
        <source>Testmail an {email} fehlgeschlagen: {detail}</source>
        <translation>Test mail to {email} failed: {detail}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="44"/>
        <source>z. B. Koordination Open-Data-Netzwerktreffen</source>
        <translation>e.g. Open Data network meetings coordination</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="54"/>
        <source>&amp;Sprache (nach dem Neustart):</source>
        <translation>&amp;Language (after a restart):</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="55"/>
        <source>Ihr &amp;Name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="56"/>
        <source>Ihre &amp;E-Mail-Adresse:</source>
        <translation>Your &amp;email address:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="58"/>
        <source>Name und Adresse stehen als Organisator in Einladungen und Kalenderdateien (dorthin gehen Zu- und Absagen aus Outlook) und als Absender in E-Mails.</source>
        <translation>Name and address appear as the organizer in invitations and calendar files (acceptances and declines from Outlook go there) and as the sender of emails.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="66"/>
        <source>Bevor Kalenderdateien, Einladungen oder E-Mail-Entwürfe entstehen: Bitte geben Sie Ihren Namen und Ihre E-Mail-Adresse an. Sie werden für später gespeichert.</source>
        <translation>Before calendar files, invitations or email drafts are created: please enter your name and your email address. They are saved for later.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/settings_dialog.py" line="84"/>
        <source>Bitte geben Sie Ihren Namen an.</source>
        <translation>Please enter your name.</translation>
    </message>
</context>
<context>
    <name>SpeakerForm</name>
    <message>
        <location filename="../ui/speaker_form.ui" line="14"/>
        <location filename="../ui/speaker_form.ui" line="20"/>
        <source>Referent:in</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="55"/>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="65"/>
        <source>z. B. Dr. oder Prof. Dr.</source>
        <translation>e.g. Dr. or Prof. Dr.</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="72"/>
        <source>&amp;Vorname:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="85"/>
        <source>Nachna&amp;me:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="100"/>
        <source>Pflichtfeld</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="116"/>
        <source>&amp;Funktion / Rolle:</source>
        <translation>&amp;Position / role:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="145"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="38"/>
        <source>An&amp;rede:</source>
        <translation>Sal&amp;utation:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="158"/>
        <source>&amp;Kurzbiografie:</source>
        <translation>Short &amp;biography:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="187"/>
        <source>&amp;E-Mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="202"/>
        <source>name@beispiel.de</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="218"/>
        <source>Te&amp;lefon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="235"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="255"/>
        <source>Ver&amp;werfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="258"/>
        <source>Die Änderungen im Formular verwerfen</source>
        <translation>Discard the changes in the form</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="265"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../ui/speaker_form.ui" line="268"/>
        <source>Änderungen speichern (Strg+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>SpeakersPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="73"/>
        <source>Name</source>
        <extracomment>data a speaker edit touches: names appear in event rows and agenda items too</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="74"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="76"/>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="80"/>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="151"/>
        <source>Noch bei keiner Veranstaltung eingetragen.</source>
        <translation>Not yet assigned to any event.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="82"/>
        <source>Funktion / Rolle</source>
        <translation>Position / role</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="83"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="88"/>
        <source>Name, Organisation, Funktion oder Veranstaltung …</source>
        <translation>Name, organisation, role or event …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="90"/>
        <source>&amp;Neu</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="92"/>
        <source>Neue Referentin oder neuen Referenten anlegen</source>
        <translation>Create a new speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="94"/>
        <source>L&amp;öschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="96"/>
        <source>Ausgewählte Person löschen (Entf; rückgängig mit Strg+Z)</source>
        <translation>Delete the selected person (Del; undo with Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="140"/>
        <source>{shown} von %n Referent:innen</source>
        <translation>
            <numerusform>{shown} of %n speaker</numerusform>
            <numerusform>{shown} of %n speakers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="141"/>
        <source>%n Referent:innen</source>
        <translation>
            <numerusform>%n speaker</numerusform>
            <numerusform>%n speakers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="149"/>
        <source>Veranstaltungen: {events}</source>
        <translation>Events: {events}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="172"/>
        <source>Referent:in „{name}“ bearbeiten</source>
        <translation>Edit speaker “{name}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="192"/>
        <source>Referent:in „{name}“ anlegen</source>
        <translation>Create speaker “{name}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="200"/>
        <source>Neue:r Referent:in</source>
        <translation>New speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="214"/>
        <source>ohne Namen</source>
        <translation>unnamed</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="215"/>
        <source>Referent:in „{name}“ löschen</source>
        <translation>Delete speaker “{name}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="227"/>
        <source>„{name}“ gelöscht – rückgängig mit Strg+Z.</source>
        <translation>“{name}” deleted – undo with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="238"/>
        <source>Referent:in ohne Namen</source>
        <translation>Unnamed speaker</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="397"/>
        <source>Titel</source>
        <extracomment>Only for pyside6-lupdate: the field names of sync.conflicts.FIELD_LABELS (no Qt there) reach translate() through a variable; a test keeps this list in step with that dict.</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="398"/>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="399"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="400"/>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="401"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="402"/>
        <source>Ort</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="403"/>
        <source>Zugangslink</source>
        <translation>Access link</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="404"/>
        <source>Plätze</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="405"/>
        <source>Überbuchung</source>
        <translation>Overbooking</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="406"/>
        <source>Anmeldeschluss</source>
        <translation>Registration deadline</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="407"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="408"/>
        <source>Gastgeber</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="409"/>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="410"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="411"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="412"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="413"/>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="414"/>
        <source>Funktion</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="415"/>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="416"/>
        <source>Reihenfolge</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="417"/>
        <source>Dauer (Minuten)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="418"/>
        <source>Teilgenommen</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="419"/>
        <source>Anwesenheit (Minuten)</source>
        <translation>Attendance (minutes)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="420"/>
        <source>Gelöscht</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="421"/>
        <source>Thema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="422"/>
        <source>Fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="423"/>
        <source>Erledigt am</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="424"/>
        <source>Kurzbiografie</source>
        <translation>Short biography</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="425"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="426"/>
        <source>Anrede</source>
        <translation>Salutation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="427"/>
        <source>Titel (akad.)</source>
        <translation>Title (academic)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="428"/>
        <source>Bundesland</source>
        <translation>Federal state</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="429"/>
        <source>Erfahrung</source>
        <translation>Experience</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="430"/>
        <source>Runde</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="431"/>
        <source>Storniert am</source>
        <translation>Cancelled on</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="432"/>
        <source>Verspätet</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="433"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="434"/>
        <source>Gruppe</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="435"/>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="436"/>
        <source>Eingeplant für</source>
        <translation>Planned for</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="447"/>
        <source>Reihe</source>
        <extracomment>Only for pyside6-lupdate: the record kinds of sync.conflicts.TABLE_LABELS, kept in step by a test.</extracomment>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="448"/>
        <source>Veranstaltung</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="449"/>
        <source>Runde</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="450"/>
        <source>Referent:in</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="451"/>
        <source>Referent:in einer Veranstaltung</source>
        <translation>Speaker of an event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="452"/>
        <source>Programmpunkt</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="453"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="454"/>
        <source>Anmeldung</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="455"/>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="456"/>
        <source>Themengruppe</source>
        <translation>Topic group</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="457"/>
        <source>Themenwunsch</source>
        <translation>Topic wish</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="90"/>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="507"/>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="569"/>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="588"/>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="115"/>
        <source>keine sichere Verbindung möglich</source>
        <translation>no secure connection possible</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="118"/>
        <source>unverschlüsselt (nur lokal)</source>
        <translation>unencrypted (local only)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="119"/>
        <source>verschlüsselt (TLS)</source>
        <translation>encrypted (TLS)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="120"/>
        <source>verschlüsselt (TLS, Zertifikat geprüft)</source>
        <translation>encrypted (TLS, certificate verified)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="127"/>
        <source>Zuletzt synchronisiert: {when}</source>
        <translation>Last synchronised: {when}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="128"/>
        <source>Noch nicht synchronisiert</source>
        <translation>Not synchronised yet</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="131"/>
        <source>Verbindung: {how}</source>
        <translation>Connection: {how}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="177"/>
        <source>Server für den Abgleich</source>
        <translation>Synchronisation server</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="186"/>
        <source>unverändert lassen</source>
        <translation>leave unchanged</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="200"/>
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="201"/>
        <source>&amp;Benutzer:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="202"/>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="203"/>
        <source>Verbindung:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="204"/>
        <source>Das Passwort wird im Schlüsselbund des Betriebssystems gespeichert, nie in der Datenbank. Eine SQLite-Datei auf einem Netzlaufwerk braucht weder Benutzer noch Passwort. Ein PostgreSQL-Server auf einem anderen Rechner wird nur verschlüsselt (TLS) erreicht.</source>
        <translation>The password is stored in the operating system&apos;s keyring, never in the database. An SQLite file on a network drive needs neither a user nor a password. A PostgreSQL server on another computer is only reached encrypted (TLS).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="230"/>
        <source>gemeinsame Datei (die Verschlüsselung hängt vom Netzlaufwerk ab)</source>
        <translation>shared file (encryption depends on the network drive)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="265"/>
        <source>Server für den Abgleich gespeichert: {url}</source>
        <translation>Synchronisation server saved: {url}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="276"/>
        <source>Synchronisiert: {pushed} gesendet, {pulled} empfangen.</source>
        <translation>Synchronised: {pushed} sent, {pulled} received.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="347"/>
        <source>Synchronisieren …</source>
        <translation>Synchronising …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="347"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="349"/>
        <source>Synchronisieren</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="377"/>
        <source>Zwei Kontakte mit der E-Mail-Adresse {email} wurden zusammengeführt.</source>
        <translation>Two contacts with the email address {email} were merged.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="380"/>
        <source>Geänderte Platzvergabe – bitte die Betroffenen informieren:</source>
        <translation>Seat allocation changed – please inform the people affected:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="383"/>
        <source>Nach dem Abgleich sind mehr Plätze vergeben als verfügbar – die Plätze bleiben, bis Stornierungen es ausgleichen:</source>
        <translation>After the sync more seats are taken than available – the seats stay until cancellations make up for it:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="91"/>
        <source>%n Änderungen wurden auf beiden Seiten verschieden vorgenommen. Jetzt entscheiden?</source>
        <translation>
            <numerusform>%n change was made differently on both sides. Decide now?</numerusform>
            <numerusform>%n changes were made differently on both sides. Decide now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="103"/>
        <source>%n ungesendete Änderungen</source>
        <translation>
            <numerusform>%n unsent change</numerusform>
            <numerusform>%n unsent changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="134"/>
        <source>%n Konflikte</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="387"/>
        <source>%n Änderungen an Personendaten wurden durch eine Löschung oder Anonymisierung (Datenschutz) ersetzt.</source>
        <translation>
            <numerusform>%n change to personal data was replaced by a deletion or anonymisation (data protection).</numerusform>
            <numerusform>%n changes to personal data were replaced by a deletion or anonymisation (data protection).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="370"/>
        <source>Synchronisiert</source>
        <translation>Synchronised</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="474"/>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="474"/>
        <source>vorhanden</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="476"/>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="478"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="478"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="492"/>
        <source>Datensatz</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="492"/>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="493"/>
        <source>Meine Fassung</source>
        <translation>My version</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="493"/>
        <source>Fassung des Servers</source>
        <translation>Server&apos;s version</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="494"/>
        <source>Entscheidung</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="499"/>
        <source>Konflikte entscheiden</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="501"/>
        <source>Diese Felder wurden hier und auf dem Server verschieden geändert. Bis Sie entscheiden, gilt hier Ihre Fassung und auf dem Server die andere.</source>
        <translation>These fields were changed differently here and on the server. Until you decide, your version applies here and the other one on the server.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="522"/>
        <source>Entscheidung: {record}, {field}</source>
        <translation>Decision: {record}, {field}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="524"/>
        <source>später entscheiden</source>
        <translation>decide later</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="525"/>
        <source>meine Fassung behalten</source>
        <translation>keep my version</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="526"/>
        <source>Fassung des Servers übernehmen</source>
        <translation>take the server&apos;s version</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="529"/>
        <source>Überall &amp;meine Fassung</source>
        <translation>&amp;My version everywhere</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="530"/>
        <source>Überall Fassung des &amp;Servers</source>
        <translation>&amp;Server&apos;s version everywhere</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="569"/>
        <source>Es gibt keine offenen Konflikte.</source>
        <translation>There are no open conflicts.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="586"/>
        <source>%n Konflikte entschieden; der nächste Abgleich überträgt das.</source>
        <translation>
            <numerusform>%n conflict decided; the next sync transfers it.</numerusform>
            <numerusform>%n conflicts decided; the next sync transfers them.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="589"/>
        <source>Nach den Entscheidungen sind mehr Plätze vergeben als verfügbar – die Plätze bleiben, bis Stornierungen es ausgleichen:</source>
        <translation>After the decisions more seats are taken than available – the seats stay until cancellations make up for it:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="600"/>
        <source>&amp;Synchronisieren</source>
        <translation>&amp;Synchronise</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="602"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="603"/>
        <source>Änderungen mit der gemeinsamen Datenbank des Teams abgleichen</source>
        <translation>Synchronise changes with the team&apos;s shared database</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="605"/>
        <source>Server für den &amp;Abgleich …</source>
        <translation>Synchronisation &amp;server …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/sync_ui.py" line="608"/>
        <source>&amp;Konflikte entscheiden …</source>
        <translation>Resolve &amp;conflicts …</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_model.py" line="60"/>
        <source>Erledigt</source>
        <extracomment>text and background colour per state; called in data(), so they follow the palette (light or dark, see theme)</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_model.py" line="61"/>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_model.py" line="62"/>
        <source>Fällig</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_model.py" line="63"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_model.py" line="159"/>
        <source>Leertaste hakt die Aufgabe ab</source>
        <translation>Space ticks off the task</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="59"/>
        <source>Leertaste: erledigt an/aus · F2: bearbeiten</source>
        <translation>Space: done on/off · F2: edit</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="61"/>
        <source>Fristen der Veranstaltung (Anmeldeschluss, Versand des Zugangslinks) stehen in den Details; hier stehen Ihre eigenen Aufgaben.</source>
        <translation>The event&apos;s deadlines (registration deadline, sending the access link) are in the details; your own tasks are listed here.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="64"/>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="173"/>
        <source>Aufgabe hinzufügen</source>
        <translation>Add task</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="65"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="66"/>
        <source>Ausgewählte Aufgabe entfernen (Entf)</source>
        <translation>Remove the selected task (Del)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="141"/>
        <source>Aufgabe erledigt</source>
        <translation>Task done</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="141"/>
        <source>Aufgabe wieder offen</source>
        <translation>Task reopened</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="147"/>
        <source>Aufgabe ändern</source>
        <translation>Change task</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="161"/>
        <source>Neue Aufgabe</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="189"/>
        <source>Aufgabe „{title}“ entfernen</source>
        <translation>Remove task “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/editors/event/tasks_tab.py" line="82"/>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>WishTreeModel</name>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="35"/>
        <source>eingeplant: „{title}“ ({day})</source>
        <translation>planned: “{title}” ({day})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="39"/>
        <source>behandelt: „{title}“ ({day})</source>
        <translation>treated: “{title}” ({day})</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="41"/>
        <source>behandelt</source>
        <translation>treated</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="42"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="46"/>
        <source>(Text gelöscht – Datenschutz)</source>
        <translation>(text deleted – data protection)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="55"/>
        <source>Thema / Wunsch</source>
        <translation>Topic / wish</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="55"/>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="56"/>
        <source>Wer (Organisation)</source>
        <translation>Who (organisation)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="56"/>
        <source>Stand / Treffen</source>
        <translation>State / meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="185"/>
        <source>ohne Angabe</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/models/wish_tree_model.py" line="191"/>
        <source>geäußert bei „{title}“ am {day}</source>
        <translation>given at “{title}” on {day}</translation>
    </message>
</context>
<context>
    <name>WishesPage</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="47"/>
        <source>Gruppe umbenennen</source>
        <extracomment>data a change of wishes touches: planning adds an agenda item to an event</extracomment>
        <translation>Rename group</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="48"/>
        <source>Neuer &amp;Titel:</source>
        <translation>New &amp;title:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="86"/>
        <source>&amp;Reihe:</source>
        <translation>&amp;Series:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="91"/>
        <source>Thema, Wunsch oder Organisation …</source>
        <translation>Topic, wish or organisation …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="93"/>
        <source>Su&amp;chen:</source>
        <translation>Sear&amp;ch:</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="105"/>
        <source>&amp;Zusammenführen</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="106"/>
        <source>Die markierten Gruppen zu einer zusammenführen (sie behält den Titel der größten); rückgängig mit Strg+Z</source>
        <translation>Merge the selected groups into one (it keeps the title of the largest); undo with Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="109"/>
        <source>Den markierten Wunsch in eine eigene Gruppe lösen</source>
        <translation>Move the selected wish into a group of its own</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="111"/>
        <source>&amp;Umbenennen …</source>
        <translation>&amp;Rename …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="112"/>
        <source>Der markierten Gruppe einen neuen Titel geben</source>
        <translation>Give the selected group a new title</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="114"/>
        <source>Für Treffen &amp;einplanen …</source>
        <translation>&amp;Plan for a meeting …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="115"/>
        <source>Die markierte Gruppe als Programmpunkt in ein Treffen der Reihe aufnehmen</source>
        <translation>Add the selected group as a programme item to a meeting of the series</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="118"/>
        <source>Das Thema wurde behandelt (auch ohne Einplanung)</source>
        <translation>The topic has been treated (also without planning)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="120"/>
        <source>&amp;Neu gruppieren</source>
        <translation>Re&amp;group</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="121"/>
        <source>Alle Wünsche, die nicht von Hand zugeordnet wurden, neu nach Ähnlichkeit ordnen; Zusammengeführtes, Herausgelöstes und Eingeplantes bleibt</source>
        <translation>Group all wishes not placed by hand again by similarity; merged, split out and planned groups stay</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="143"/>
        <source>Themenwünsche nach Gruppen</source>
        <translation>Topic wishes by group</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="288"/>
        <source>Themen zu „{title}“ zusammenführen</source>
        <translation>Merge topics into “{title}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="291"/>
        <source>Zusammengeführt – rückgängig mit Strg+Z.</source>
        <translation>Merged – undo with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="300"/>
        <source>Wunsch „{text}“ herauslösen</source>
        <translation>Split out wish “{text}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="321"/>
        <source>Gruppe „{old}“ umbenennen</source>
        <translation>Rename group “{old}”</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="338"/>
        <source>Die Reihe hat kein kommendes Treffen. Bitte zuerst eines anlegen (z. B. „Duplizieren als nächstes Treffen“).</source>
        <translation>The series has no upcoming meeting. Please create one first (e.g. “Duplicate as next meeting”).</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="344"/>
        <source>„{title}“ für ein Treffen einplanen</source>
        <translation>Plan “{title}” for a meeting</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="349"/>
        <source>„{title}“ steht jetzt im Programm von „{meeting}“.</source>
        <translation>“{title}” is now on the programme of “{meeting}”.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="359"/>
        <source>„{title}“ als behandelt markieren</source>
        <translation>Mark “{title}” as treated</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="366"/>
        <source>Themenwünsche neu gruppieren</source>
        <translation>Regroup topic wishes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="376"/>
        <source>Treffen ohne Reihe</source>
        <translation>Meetings without a series</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="403"/>
        <source>%n Themen</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="377"/>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="403"/>
        <source>%n Wünsche</source>
        <translation>
            <numerusform>%n wish</numerusform>
            <numerusform>%n wishes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="108"/>
        <source>Heraus&amp;lösen</source>
        <translation>&amp;Split out</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="117"/>
        <source>Als behandelt &amp;markieren</source>
        <translation>Mark as t&amp;reated</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/wishes_page.py" line="405"/>
        <source>Noch keine Themenwünsche in dieser Reihe. Sie kommen aus dem Import einer Umfrage (Spalte „Themenwünsche“) oder mit „odn-desktop wishes add“.</source>
        <translation>No topic wishes in this series yet. They come from importing a survey (column “Themenwünsche”) or with “odn-desktop wishes add”.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="74"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="75"/>
        <source>Es gibt ungespeicherte Änderungen. Vor dem Beenden speichern?</source>
        <translation>There are unsaved changes. Save before exiting?</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="106"/>
        <source>Kalenderdatei</source>
        <translation>Calendar file</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="107"/>
        <source>Soll der Zugangslink in die Kalenderdatei?

Die Datei ist für Website und Newsletter gedacht; der Link geht sonst nur mit den persönlichen Einladungen an die Angemeldeten.</source>
        <translation>Include the access link in the calendar file?

The file is meant for the website and the newsletter; otherwise the link only goes out with the personal invitations to registered people.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="148"/>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/events_page.py" line="234"/>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="149"/>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/speakers_page.py" line="87"/>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="150"/>
        <source>Referent:innen</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/contacts_page.py" line="213"/>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="151"/>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pages/all_registrations_page.py" line="145"/>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="152"/>
        <source>Alle Anmeldungen</source>
        <translation>All registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="153"/>
        <source>Themenwünsche</source>
        <translation>Topic wishes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="154"/>
        <source>Auswertung</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="155"/>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="156"/>
        <source>Veranstaltungen</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="157"/>
        <source>Referent:innen</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="158"/>
        <source>Kontakte</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="159"/>
        <source>Alle Anmeldungen</source>
        <translation>All registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="160"/>
        <source>Themenwünsche</source>
        <translation>Topic wishes</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="162"/>
        <source>&amp;Neue Veranstaltung</source>
        <translation>&amp;New event</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="163"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="164"/>
        <source>&amp;Beenden</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="165"/>
        <source>&amp;Suchen</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="166"/>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="167"/>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="168"/>
        <source>Über &amp;odn-desktop</source>
        <translation>&amp;About odn-desktop</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="169"/>
        <source>&amp;Handbuch</source>
        <translation>&amp;Manual</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="170"/>
        <source>Anwesenheitsliste (Excel) …</source>
        <translation>Attendance list (Excel) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="171"/>
        <source>Anmeldungen (Excel) …</source>
        <translation>Registrations (Excel) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="172"/>
        <source>Kalenderdatei (ICS) …</source>
        <translation>Calendar file (ICS) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="173"/>
        <source>Persönliche Einladungen (ICS) …</source>
        <translation>Personal invitations (ICS) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="174"/>
        <source>Teilnehmendenliste als PDF …</source>
        <translation>Participant list as PDF …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="175"/>
        <source>Teilnehmendenliste &amp;drucken …</source>
        <translation>&amp;Print participant list …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="176"/>
        <source>Anmeldungen importieren (CSV/Excel) …</source>
        <translation>Import registrations (CSV/Excel) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="177"/>
        <source>Teilnahme importieren (Zoom/Teams) …</source>
        <translation>Import attendance (Zoom/Teams) …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="178"/>
        <source>E-Mails an Angemeldete …</source>
        <translation>Emails to registrants …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="179"/>
        <source>Datenschutz …</source>
        <translation>Data protection …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="200"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="227"/>
        <source>Lade …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="315"/>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="318"/>
        <source>&amp;Wiederherstellen</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="352"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="356"/>
        <source>&amp;Importieren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="359"/>
        <source>&amp;Exportieren</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="366"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="372"/>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="375"/>
        <source>E&amp;xtras</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="381"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="388"/>
        <source>Werkzeuge</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="400"/>
        <source>Datenbank wird geöffnet …</source>
        <translation>Opening database …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="427"/>
        <source>odn-desktop – {name}</source>
        <translation>odn-desktop – {name}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="534"/>
        <source>Datenbank: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="568"/>
        <source>Bitte wählen Sie zuerst unter „Veranstaltungen“ eine Veranstaltung aus.</source>
        <translation>Please select an event under “Events” first.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="589"/>
        <source>Export läuft …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="598"/>
        <source>Anwesenheitsliste speichern</source>
        <translation>Save attendance list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="599"/>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="629"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="627"/>
        <source>Anmeldungen speichern</source>
        <translation>Save registrations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="638"/>
        <source>Kalenderdatei speichern</source>
        <translation>Save calendar file</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="640"/>
        <source>Kalenderdatei (*.ics)</source>
        <translation>Calendar file (*.ics)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="658"/>
        <source>Ordner für die Einladungen</source>
        <translation>Folder for the invitations</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="670"/>
        <source>Teilnehmendenliste als PDF</source>
        <translation>Participant list as PDF</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="671"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="678"/>
        <source>PDF gespeichert ({pages} Seiten): {path}</source>
        <translation>PDF saved ({pages} pages): {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="732"/>
        <source>Die Sprache wird beim nächsten Start umgestellt.</source>
        <translation>The language will change the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="734"/>
        <source>Einstellungen gespeichert.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/workspace_window.py" line="161"/>
        <source>Auswertung</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="201"/>
        <source>Datenbank kann nicht geöffnet werden</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="219"/>
        <source>Die Datenbank {path} konnte nicht geöffnet werden: {error}

Details stehen in der Protokolldatei: {log}</source>
        <translation>The database {path} could not be opened: {error}

Details are in the log file: {log}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="236"/>
        <source>Demodaten</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="405"/>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="410"/>
        <source>odn-desktop</source>
        <translation>odn-desktop</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="405"/>
        <source>Die Sperrdatei {path} konnte nicht angelegt werden. Bitte prüfen Sie, ob der Ordner der Datenbank beschreibbar ist.</source>
        <translation>The lock file {path} could not be created. Please check that the database folder is writable.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="410"/>
        <source>odn-desktop ist bereits geöffnet (mit dieser Datenbank: {path}). Bitte wechseln Sie zum vorhandenen Fenster.</source>
        <translation>odn-desktop is already open (with this database: {path}). Please switch to the existing window.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="326"/>
        <source>Datenbank beschädigt</source>
        <extracomment>what opening the database needs and takes long to import (SQLAlchemy, the ORM, the models, migrations), and what the window needs right after it (the status bar&apos;s sync note reads the sync state)</extracomment>
        <translation>Database damaged</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="333"/>
        <source>Die Datenbankdatei {path} ist beschädigt. Von ihr konnte keine Kopie angelegt werden, deshalb wurde sie nicht ersetzt.

{reason}</source>
        <translation>The database file {path} is damaged. No copy of it could be made, so it was not replaced.

{reason}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/app.py" line="212"/>
        <source>Datenbankdatei: {path}</source>
        <translation>Database file: {path}</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/crash.py" line="38"/>
        <source>Ein unerwarteter Fehler ist aufgetreten. Das Programm läuft weiter; bitte prüfen Sie, ob Ihre letzte Änderung gespeichert wurde.</source>
        <translation>An unexpected error occurred. The program keeps running; please check whether your last change was saved.</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/crash.py" line="41"/>
        <source>Details stehen in der Protokolldatei: {path}</source>
        <translation>Details are in the log file: {path}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/crash.py" line="52"/>
        <source>odn-desktop – unerwarteter Fehler</source>
        <translation>odn-desktop – unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/crash.py" line="55"/>
        <source>Weiterarbeiten</source>
        <translation>Continue working</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/crash.py" line="56"/>
        <source>Programm beenden</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/shell/crash.py" line="63"/>
        <source>odn-desktop</source>
        <translation>odn-desktop</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/participant_list.py" line="332"/>
        <source>Stand: {when}</source>
        <translation>As of: {when}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/pdf/participant_list.py" line="354"/>
        <source>Seite {page} von {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="52"/>
        <location filename="../../src/odn_desktop/ui/pdf/participant_list.py" line="369"/>
        <source>Teilnehmendenliste – {title}</source>
        <translation>Participant list – {title}</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="38"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="41"/>
        <source>Seite</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="43"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="54"/>
        <source>Teilnehmendenliste drucken</source>
        <translation>Print participant list</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="66"/>
        <source>Teilnehmendenliste &amp;drucken …</source>
        <translation>&amp;Print participant list …</translation>
    </message>
    <message>
        <location filename="../../src/odn_desktop/ui/dialogs/print_preview.py" line="68"/>
        <source>Die Teilnehmendenliste der Veranstaltung in der Druckvorschau öffnen</source>
        <translation>Open the event&apos;s participant list in the print preview</translation>
    </message>
</context>
</TS>
