# generated from resources/ui/add_registrant.ui by scripts/build_ui.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'add_registrant.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_AddRegistrantDialog(object):
    def setupUi(self, AddRegistrantDialog):
        if not AddRegistrantDialog.objectName():
            AddRegistrantDialog.setObjectName(u"AddRegistrantDialog")
        AddRegistrantDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(AddRegistrantDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.eventLabel = QLabel(AddRegistrantDialog)
        self.eventLabel.setObjectName(u"eventLabel")
        self.eventLabel.setText(u"Veranstaltung")
        self.eventLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.eventLabel)

        self.introLabel = QLabel(AddRegistrantDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.emailLabel = QLabel(AddRegistrantDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(AddRegistrantDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.firstNameLabel = QLabel(AddRegistrantDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(AddRegistrantDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(AddRegistrantDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(AddRegistrantDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.organisationLabel = QLabel(AddRegistrantDialog)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisationEdit = QLineEdit(AddRegistrantDialog)
        self.organisationEdit.setObjectName(u"organisationEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisationEdit)

        self.roundLabel = QLabel(AddRegistrantDialog)
        self.roundLabel.setObjectName(u"roundLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roundLabel)

        self.roundCombo = QComboBox(AddRegistrantDialog)
        self.roundCombo.setObjectName(u"roundCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roundCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.suggestionsLabel = QLabel(AddRegistrantDialog)
        self.suggestionsLabel.setObjectName(u"suggestionsLabel")

        self.mainLayout.addWidget(self.suggestionsLabel)

        self.suggestionList = QListWidget(AddRegistrantDialog)
        self.suggestionList.setObjectName(u"suggestionList")
        self.suggestionList.setMinimumSize(QSize(0, 90))
        self.suggestionList.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.suggestionList)

        self.contactHintLabel = QLabel(AddRegistrantDialog)
        self.contactHintLabel.setObjectName(u"contactHintLabel")
        self.contactHintLabel.setText(u"")
        self.contactHintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.contactHintLabel)

        self.lateLabel = QLabel(AddRegistrantDialog)
        self.lateLabel.setObjectName(u"lateLabel")
        self.lateLabel.setText(u"")
        self.lateLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.lateLabel)

        self.allowLateCheck = QCheckBox(AddRegistrantDialog)
        self.allowLateCheck.setObjectName(u"allowLateCheck")

        self.mainLayout.addWidget(self.allowLateCheck)

        self.errorLabel = QLabel(AddRegistrantDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AddRegistrantDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.emailLabel.setBuddy(self.emailEdit)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.organisationLabel.setBuddy(self.organisationEdit)
        self.roundLabel.setBuddy(self.roundCombo)
        self.suggestionsLabel.setBuddy(self.suggestionList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.emailEdit, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.organisationEdit)
        QWidget.setTabOrder(self.organisationEdit, self.roundCombo)
        QWidget.setTabOrder(self.roundCombo, self.suggestionList)
        QWidget.setTabOrder(self.suggestionList, self.allowLateCheck)

        self.retranslateUi(AddRegistrantDialog)

        QMetaObject.connectSlotsByName(AddRegistrantDialog)
    # setupUi

    def retranslateUi(self, AddRegistrantDialog):
        AddRegistrantDialog.setWindowTitle(QCoreApplication.translate("AddRegistrantDialog", u"Anmeldung hinzuf\u00fcgen", None))
        self.introLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"Tippen Sie E-Mail-Adresse oder Namen: vorhandene Kontakte werden vorgeschlagen, damit keine Dubletten entstehen.", None))
        self.emailLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"&E-Mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("AddRegistrantDialog", u"name@kommune.de", None))
        self.firstNameLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"&Vorname:", None))
        self.lastNameLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"&Nachname:", None))
        self.organisationLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"&Organisation:", None))
        self.organisationEdit.setPlaceholderText(QCoreApplication.translate("AddRegistrantDialog", u"z. B. Stadt Moers", None))
        self.roundLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"&Runde:", None))
        self.roundCombo.setPlaceholderText(QCoreApplication.translate("AddRegistrantDialog", u"Bitte eine Runde w\u00e4hlen", None))
        self.suggestionsLabel.setText(QCoreApplication.translate("AddRegistrantDialog", u"Vorhandene &Kontakte (Enter oder Doppelklick \u00fcbernimmt):", None))
        self.allowLateCheck.setText(QCoreApplication.translate("AddRegistrantDialog", u"Versp\u00e4tet &zulassen", None))
    # retranslateUi

