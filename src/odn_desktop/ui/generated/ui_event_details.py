# generated from resources/ui/event_details.ui by scripts/build_ui.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_details.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDateTimeEdit, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_EventDetails(object):
    def setupUi(self, EventDetails):
        if not EventDetails.objectName():
            EventDetails.setObjectName(u"EventDetails")
        EventDetails.resize(900, 620)
        self.mainLayout = QVBoxLayout(EventDetails)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(EventDetails)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.columnsLayout = QHBoxLayout(self.scrollContents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.generalGroup = QGroupBox(self.scrollContents)
        self.generalGroup.setObjectName(u"generalGroup")
        self.generalForm = QFormLayout(self.generalGroup)
        self.generalForm.setObjectName(u"generalForm")
        self.generalForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.titleLabel = QLabel(self.generalGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleBox = QVBoxLayout()
        self.titleBox.setSpacing(2)
        self.titleBox.setObjectName(u"titleBox")
        self.titleEdit = QLineEdit(self.generalGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.titleBox.addWidget(self.titleEdit)

        self.titleError = QLabel(self.generalGroup)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleBox.addWidget(self.titleError)


        self.generalForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.titleBox)

        self.seriesLabel = QLabel(self.generalGroup)
        self.seriesLabel.setObjectName(u"seriesLabel")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.seriesLabel)

        self.seriesCombo = QComboBox(self.generalGroup)
        self.seriesCombo.setObjectName(u"seriesCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.seriesCombo.sizePolicy().hasHeightForWidth())
        self.seriesCombo.setSizePolicy(sizePolicy)
        self.seriesCombo.setEditable(True)
        self.seriesCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.seriesCombo)

        self.statusLabel = QLabel(self.generalGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.generalGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.descriptionLabel = QLabel(self.generalGroup)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.generalForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.generalGroup)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMinimumSize(QSize(0, 120))
        self.descriptionEdit.setTabChangesFocus(True)

        self.generalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.hostsLabel = QLabel(self.generalGroup)
        self.hostsLabel.setObjectName(u"hostsLabel")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.hostsLabel)

        self.hostsEdit = QPlainTextEdit(self.generalGroup)
        self.hostsEdit.setObjectName(u"hostsEdit")
        self.hostsEdit.setMaximumSize(QSize(16777215, 72))
        self.hostsEdit.setTabChangesFocus(True)

        self.generalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hostsEdit)


        self.columnsLayout.addWidget(self.generalGroup)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.scheduleGroup = QGroupBox(self.scrollContents)
        self.scheduleGroup.setObjectName(u"scheduleGroup")
        self.scheduleForm = QFormLayout(self.scheduleGroup)
        self.scheduleForm.setObjectName(u"scheduleForm")
        self.scheduleForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.startLabel = QLabel(self.scheduleGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.scheduleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateTimeEdit(self.scheduleGroup)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.scheduleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(self.scheduleGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.scheduleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endBox = QVBoxLayout()
        self.endBox.setSpacing(2)
        self.endBox.setObjectName(u"endBox")
        self.endEdit = QDateTimeEdit(self.scheduleGroup)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.endBox.addWidget(self.endEdit)

        self.timeError = QLabel(self.scheduleGroup)
        self.timeError.setObjectName(u"timeError")
        self.timeError.setWordWrap(True)

        self.endBox.addWidget(self.timeError)


        self.scheduleForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.endBox)

        self.formatLabel = QLabel(self.scheduleGroup)
        self.formatLabel.setObjectName(u"formatLabel")

        self.scheduleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(self.scheduleGroup)
        self.formatCombo.setObjectName(u"formatCombo")

        self.scheduleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.venueLabel = QLabel(self.scheduleGroup)
        self.venueLabel.setObjectName(u"venueLabel")

        self.scheduleForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(self.scheduleGroup)
        self.venueEdit.setObjectName(u"venueEdit")

        self.scheduleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        self.onlineUrlLabel = QLabel(self.scheduleGroup)
        self.onlineUrlLabel.setObjectName(u"onlineUrlLabel")

        self.scheduleForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.onlineUrlLabel)

        self.onlineUrlBox = QVBoxLayout()
        self.onlineUrlBox.setSpacing(2)
        self.onlineUrlBox.setObjectName(u"onlineUrlBox")
        self.onlineUrlEdit = QLineEdit(self.scheduleGroup)
        self.onlineUrlEdit.setObjectName(u"onlineUrlEdit")

        self.onlineUrlBox.addWidget(self.onlineUrlEdit)

        self.urlError = QLabel(self.scheduleGroup)
        self.urlError.setObjectName(u"urlError")
        self.urlError.setWordWrap(True)

        self.onlineUrlBox.addWidget(self.urlError)


        self.scheduleForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.onlineUrlBox)


        self.rightColumn.addWidget(self.scheduleGroup)

        self.registrationGroup = QGroupBox(self.scrollContents)
        self.registrationGroup.setObjectName(u"registrationGroup")
        self.registrationForm = QFormLayout(self.registrationGroup)
        self.registrationForm.setObjectName(u"registrationForm")
        self.registrationForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.capacityLabel = QLabel(self.registrationGroup)
        self.capacityLabel.setObjectName(u"capacityLabel")

        self.registrationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.capacityLabel)

        self.capacityBox = QHBoxLayout()
        self.capacityBox.setObjectName(u"capacityBox")
        self.capacitySpin = QSpinBox(self.registrationGroup)
        self.capacitySpin.setObjectName(u"capacitySpin")
        self.capacitySpin.setMaximum(100000)

        self.capacityBox.addWidget(self.capacitySpin)

        self.unlimitedCheck = QCheckBox(self.registrationGroup)
        self.unlimitedCheck.setObjectName(u"unlimitedCheck")

        self.capacityBox.addWidget(self.unlimitedCheck)

        self.capacitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.capacityBox.addItem(self.capacitySpacer)


        self.registrationForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.capacityBox)

        self.overbookingLabel = QLabel(self.registrationGroup)
        self.overbookingLabel.setObjectName(u"overbookingLabel")

        self.registrationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.overbookingLabel)

        self.overbookingBox = QHBoxLayout()
        self.overbookingBox.setObjectName(u"overbookingBox")
        self.overbookingSpin = QSpinBox(self.registrationGroup)
        self.overbookingSpin.setObjectName(u"overbookingSpin")
        self.overbookingSpin.setMaximum(100)

        self.overbookingBox.addWidget(self.overbookingSpin)

        self.overbookingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.overbookingBox.addItem(self.overbookingSpacer)


        self.registrationForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.overbookingBox)

        self.deadlineLabel = QLabel(self.registrationGroup)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.registrationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineBox = QVBoxLayout()
        self.deadlineBox.setSpacing(2)
        self.deadlineBox.setObjectName(u"deadlineBox")
        self.deadlineRow = QHBoxLayout()
        self.deadlineRow.setObjectName(u"deadlineRow")
        self.deadlineCheck = QCheckBox(self.registrationGroup)
        self.deadlineCheck.setObjectName(u"deadlineCheck")

        self.deadlineRow.addWidget(self.deadlineCheck)

        self.deadlineEdit = QDateEdit(self.registrationGroup)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)

        self.deadlineRow.addWidget(self.deadlineEdit)

        self.deadlineHint = QLabel(self.registrationGroup)
        self.deadlineHint.setObjectName(u"deadlineHint")

        self.deadlineRow.addWidget(self.deadlineHint)

        self.deadlineSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadlineRow.addItem(self.deadlineSpacer)


        self.deadlineBox.addLayout(self.deadlineRow)

        self.deadlineError = QLabel(self.registrationGroup)
        self.deadlineError.setObjectName(u"deadlineError")
        self.deadlineError.setWordWrap(True)

        self.deadlineBox.addWidget(self.deadlineError)


        self.registrationForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.deadlineBox)

        self.lateCheck = QCheckBox(self.registrationGroup)
        self.lateCheck.setObjectName(u"lateCheck")

        self.registrationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.lateCheck)

        self.dispatchLabel = QLabel(self.registrationGroup)
        self.dispatchLabel.setObjectName(u"dispatchLabel")

        self.registrationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dispatchLabel)

        self.dispatchBox = QVBoxLayout()
        self.dispatchBox.setSpacing(2)
        self.dispatchBox.setObjectName(u"dispatchBox")
        self.dispatchDefaultCheck = QCheckBox(self.registrationGroup)
        self.dispatchDefaultCheck.setObjectName(u"dispatchDefaultCheck")

        self.dispatchBox.addWidget(self.dispatchDefaultCheck)

        self.dispatchEdit = QDateTimeEdit(self.registrationGroup)
        self.dispatchEdit.setObjectName(u"dispatchEdit")
        self.dispatchEdit.setCalendarPopup(True)

        self.dispatchBox.addWidget(self.dispatchEdit)

        self.dispatchError = QLabel(self.registrationGroup)
        self.dispatchError.setObjectName(u"dispatchError")
        self.dispatchError.setWordWrap(True)

        self.dispatchBox.addWidget(self.dispatchError)


        self.registrationForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dispatchBox)


        self.rightColumn.addWidget(self.registrationGroup)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columnsLayout.addLayout(self.rightColumn)

        self.columnsLayout.setStretch(0, 1)
        self.columnsLayout.setStretch(1, 1)
        self.scrollArea.setWidget(self.scrollContents)

        self.mainLayout.addWidget(self.scrollArea)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(6, -1, 6, 6)
        self.dirtyLabel = QLabel(EventDetails)
        self.dirtyLabel.setObjectName(u"dirtyLabel")

        self.buttonRow.addWidget(self.dirtyLabel)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.discardButton = QPushButton(EventDetails)
        self.discardButton.setObjectName(u"discardButton")

        self.buttonRow.addWidget(self.discardButton)

        self.saveButton = QPushButton(EventDetails)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.seriesLabel.setBuddy(self.seriesCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.hostsLabel.setBuddy(self.hostsEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.formatLabel.setBuddy(self.formatCombo)
        self.venueLabel.setBuddy(self.venueEdit)
        self.onlineUrlLabel.setBuddy(self.onlineUrlEdit)
        self.capacityLabel.setBuddy(self.capacitySpin)
        self.overbookingLabel.setBuddy(self.overbookingSpin)
        self.deadlineLabel.setBuddy(self.deadlineCheck)
        self.dispatchLabel.setBuddy(self.dispatchDefaultCheck)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.seriesCombo)
        QWidget.setTabOrder(self.seriesCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.hostsEdit)
        QWidget.setTabOrder(self.hostsEdit, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.formatCombo)
        QWidget.setTabOrder(self.formatCombo, self.venueEdit)
        QWidget.setTabOrder(self.venueEdit, self.onlineUrlEdit)
        QWidget.setTabOrder(self.onlineUrlEdit, self.capacitySpin)
        QWidget.setTabOrder(self.capacitySpin, self.unlimitedCheck)
        QWidget.setTabOrder(self.unlimitedCheck, self.overbookingSpin)
        QWidget.setTabOrder(self.overbookingSpin, self.deadlineCheck)
        QWidget.setTabOrder(self.deadlineCheck, self.deadlineEdit)
        QWidget.setTabOrder(self.deadlineEdit, self.lateCheck)
        QWidget.setTabOrder(self.lateCheck, self.dispatchDefaultCheck)
        QWidget.setTabOrder(self.dispatchDefaultCheck, self.dispatchEdit)
        QWidget.setTabOrder(self.dispatchEdit, self.discardButton)
        QWidget.setTabOrder(self.discardButton, self.saveButton)

        self.retranslateUi(EventDetails)

        QMetaObject.connectSlotsByName(EventDetails)
    # setupUi

    def retranslateUi(self, EventDetails):
        EventDetails.setWindowTitle(QCoreApplication.translate("EventDetails", u"Details", None))
        self.generalGroup.setTitle(QCoreApplication.translate("EventDetails", u"Allgemein", None))
        self.titleLabel.setText(QCoreApplication.translate("EventDetails", u"Titel:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("EventDetails", u"z. B. Open-Data-Netzwerktreffen", None))
        self.seriesLabel.setText(QCoreApplication.translate("EventDetails", u"Reihe:", None))
#if QT_CONFIG(tooltip)
        self.seriesCombo.setToolTip(QCoreApplication.translate("EventDetails", u"Eine bestehende Veranstaltungsreihe w\u00e4hlen oder einen neuen Namen eingeben (legt die Reihe an).", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(QCoreApplication.translate("EventDetails", u"Status:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("EventDetails", u"Beschreibung:", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("EventDetails", u"Ank\u00fcndigungstext", None))
        self.hostsLabel.setText(QCoreApplication.translate("EventDetails", u"Veranstaltende:", None))
#if QT_CONFIG(tooltip)
        self.hostsEdit.setToolTip(QCoreApplication.translate("EventDetails", u"Eine veranstaltende Organisation je Zeile.", None))
#endif // QT_CONFIG(tooltip)
        self.hostsEdit.setPlaceholderText(QCoreApplication.translate("EventDetails", u"eine Organisation je Zeile", None))
        self.scheduleGroup.setTitle(QCoreApplication.translate("EventDetails", u"Termin und Ort", None))
        self.startLabel.setText(QCoreApplication.translate("EventDetails", u"Beginn:", None))
#if QT_CONFIG(tooltip)
        self.startEdit.setToolTip(QCoreApplication.translate("EventDetails", u"Beginn in deutscher Zeit (Europe/Berlin)", None))
#endif // QT_CONFIG(tooltip)
        self.startEdit.setDisplayFormat(QCoreApplication.translate("EventDetails", u"dd.MM.yyyy HH:mm (ddd)", None))
        self.endLabel.setText(QCoreApplication.translate("EventDetails", u"Ende:", None))
#if QT_CONFIG(tooltip)
        self.endEdit.setToolTip(QCoreApplication.translate("EventDetails", u"Ende in deutscher Zeit (Europe/Berlin)", None))
#endif // QT_CONFIG(tooltip)
        self.endEdit.setDisplayFormat(QCoreApplication.translate("EventDetails", u"dd.MM.yyyy HH:mm (ddd)", None))
        self.formatLabel.setText(QCoreApplication.translate("EventDetails", u"Format:", None))
        self.venueLabel.setText(QCoreApplication.translate("EventDetails", u"Ort:", None))
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("EventDetails", u"z. B. Online per Zoom oder Adresse", None))
        self.onlineUrlLabel.setText(QCoreApplication.translate("EventDetails", u"Zugangslink:", None))
        self.onlineUrlEdit.setPlaceholderText(QCoreApplication.translate("EventDetails", u"https://\u2026", None))
        self.registrationGroup.setTitle(QCoreApplication.translate("EventDetails", u"Anmeldung", None))
        self.capacityLabel.setText(QCoreApplication.translate("EventDetails", u"Pl\u00e4tze:", None))
        self.unlimitedCheck.setText(QCoreApplication.translate("EventDetails", u"unbegrenzt", None))
        self.overbookingLabel.setText(QCoreApplication.translate("EventDetails", u"\u00dcberbuchung:", None))
#if QT_CONFIG(tooltip)
        self.overbookingSpin.setToolTip(QCoreApplication.translate("EventDetails", u"So viele Prozent mehr Pl\u00e4tze werden vergeben, weil erfahrungsgem\u00e4\u00df nicht alle kommen.", None))
#endif // QT_CONFIG(tooltip)
        self.overbookingSpin.setSuffix(QCoreApplication.translate("EventDetails", u" %", None))
        self.deadlineLabel.setText(QCoreApplication.translate("EventDetails", u"Anmeldeschluss:", None))
#if QT_CONFIG(tooltip)
        self.deadlineCheck.setToolTip(QCoreApplication.translate("EventDetails", u"Ohne Haken gibt es keinen Anmeldeschluss.", None))
#endif // QT_CONFIG(tooltip)
        self.deadlineCheck.setText(QCoreApplication.translate("EventDetails", u"am", None))
#if QT_CONFIG(tooltip)
        self.deadlineEdit.setToolTip(QCoreApplication.translate("EventDetails", u"Die Anmeldung ist bis zum Ende dieses Tages (23:59 Uhr) m\u00f6glich.", None))
#endif // QT_CONFIG(tooltip)
        self.deadlineEdit.setDisplayFormat(QCoreApplication.translate("EventDetails", u"dd.MM.yyyy (ddd)", None))
        self.deadlineHint.setText(QCoreApplication.translate("EventDetails", u"bis 23:59 Uhr", None))
        self.lateCheck.setText(QCoreApplication.translate("EventDetails", u"Nachmeldungen nach dem Anmeldeschluss erlauben", None))
        self.dispatchLabel.setText(QCoreApplication.translate("EventDetails", u"Versand Zugangslink:", None))
#if QT_CONFIG(tooltip)
        self.dispatchDefaultCheck.setToolTip(QCoreApplication.translate("EventDetails", u"Der Zugangslink geht am Vortag zur selben Uhrzeit hinaus wie die Veranstaltung beginnt.", None))
#endif // QT_CONFIG(tooltip)
        self.dispatchDefaultCheck.setText(QCoreApplication.translate("EventDetails", u"am Vortag zur Beginnzeit (Standard)", None))
        self.dispatchEdit.setDisplayFormat(QCoreApplication.translate("EventDetails", u"dd.MM.yyyy HH:mm (ddd)", None))
        self.dirtyLabel.setText("")
#if QT_CONFIG(tooltip)
        self.discardButton.setToolTip(QCoreApplication.translate("EventDetails", u"Alle ungespeicherten \u00c4nderungen an den Details zur\u00fccksetzen", None))
#endif // QT_CONFIG(tooltip)
        self.discardButton.setText(QCoreApplication.translate("EventDetails", u"Verwerfen", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("EventDetails", u"\u00c4nderungen speichern (Strg+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("EventDetails", u"Speichern", None))
    # retranslateUi

