# generated from resources/ui/contact_form.ui by scripts/build_ui.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ContactForm(object):
    def setupUi(self, ContactForm):
        if not ContactForm.objectName():
            ContactForm.setObjectName(u"ContactForm")
        ContactForm.resize(460, 520)
        self.mainLayout = QVBoxLayout(ContactForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(ContactForm)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.salutationLabel = QLabel(ContactForm)
        self.salutationLabel.setObjectName(u"salutationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.salutationLabel)

        self.salutationCombo = QComboBox(ContactForm)
        self.salutationCombo.setObjectName(u"salutationCombo")
        self.salutationCombo.setEditable(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.salutationCombo)

        self.academicTitleLabel = QLabel(ContactForm)
        self.academicTitleLabel.setObjectName(u"academicTitleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.academicTitleLabel)

        self.academicTitleEdit = QLineEdit(ContactForm)
        self.academicTitleEdit.setObjectName(u"academicTitleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.academicTitleEdit)

        self.firstNameLabel = QLabel(ContactForm)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(ContactForm)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(ContactForm)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameBox = QVBoxLayout()
        self.lastNameBox.setSpacing(2)
        self.lastNameBox.setObjectName(u"lastNameBox")
        self.lastNameEdit = QLineEdit(ContactForm)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.lastNameBox.addWidget(self.lastNameEdit)

        self.lastNameError = QLabel(ContactForm)
        self.lastNameError.setObjectName(u"lastNameError")
        self.lastNameError.setWordWrap(True)

        self.lastNameBox.addWidget(self.lastNameError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.lastNameBox)

        self.emailLabel = QLabel(ContactForm)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailBox = QVBoxLayout()
        self.emailBox.setSpacing(2)
        self.emailBox.setObjectName(u"emailBox")
        self.emailEdit = QLineEdit(ContactForm)
        self.emailEdit.setObjectName(u"emailEdit")

        self.emailBox.addWidget(self.emailEdit)

        self.emailError = QLabel(ContactForm)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)

        self.emailBox.addWidget(self.emailError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.emailBox)

        self.organisationLabel = QLabel(ContactForm)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisationEdit = QLineEdit(ContactForm)
        self.organisationEdit.setObjectName(u"organisationEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.organisationEdit)

        self.municipalityLabel = QLabel(ContactForm)
        self.municipalityLabel.setObjectName(u"municipalityLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.municipalityLabel)

        self.municipalityEdit = QLineEdit(ContactForm)
        self.municipalityEdit.setObjectName(u"municipalityEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.municipalityEdit)

        self.federalStateLabel = QLabel(ContactForm)
        self.federalStateLabel.setObjectName(u"federalStateLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.federalStateLabel)

        self.federalStateCombo = QComboBox(ContactForm)
        self.federalStateCombo.setObjectName(u"federalStateCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.federalStateCombo)

        self.roleLabel = QLabel(ContactForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleEdit = QLineEdit(ContactForm)
        self.roleEdit.setObjectName(u"roleEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.roleEdit)

        self.experienceLabel = QLabel(ContactForm)
        self.experienceLabel.setObjectName(u"experienceLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.experienceLabel)

        self.experienceCombo = QComboBox(ContactForm)
        self.experienceCombo.setObjectName(u"experienceCombo")
        self.experienceCombo.setEditable(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.experienceCombo)

        self.consentLabel = QLabel(ContactForm)
        self.consentLabel.setObjectName(u"consentLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.consentLabel)

        self.consentCheck = QCheckBox(ContactForm)
        self.consentCheck.setObjectName(u"consentCheck")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.consentCheck)

        self.notesLabel = QLabel(ContactForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(ContactForm)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.notesEdit.sizePolicy().hasHeightForWidth())
        self.notesEdit.setSizePolicy(sizePolicy)
        self.notesEdit.setMinimumSize(QSize(0, 56))

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QHBoxLayout()
        self.buttonBox.setObjectName(u"buttonBox")
        self.dirtyLabel = QLabel(ContactForm)
        self.dirtyLabel.setObjectName(u"dirtyLabel")

        self.buttonBox.addWidget(self.dirtyLabel)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonBox.addItem(self.buttonSpacer)

        self.revertButton = QPushButton(ContactForm)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonBox.addWidget(self.revertButton)

        self.saveButton = QPushButton(ContactForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonBox.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.salutationLabel.setBuddy(self.salutationCombo)
        self.academicTitleLabel.setBuddy(self.academicTitleEdit)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.organisationLabel.setBuddy(self.organisationEdit)
        self.municipalityLabel.setBuddy(self.municipalityEdit)
        self.federalStateLabel.setBuddy(self.federalStateCombo)
        self.roleLabel.setBuddy(self.roleEdit)
        self.experienceLabel.setBuddy(self.experienceCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.salutationCombo, self.academicTitleEdit)
        QWidget.setTabOrder(self.academicTitleEdit, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.organisationEdit)
        QWidget.setTabOrder(self.organisationEdit, self.municipalityEdit)
        QWidget.setTabOrder(self.municipalityEdit, self.federalStateCombo)
        QWidget.setTabOrder(self.federalStateCombo, self.roleEdit)
        QWidget.setTabOrder(self.roleEdit, self.experienceCombo)
        QWidget.setTabOrder(self.experienceCombo, self.consentCheck)
        QWidget.setTabOrder(self.consentCheck, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.revertButton)
        QWidget.setTabOrder(self.revertButton, self.saveButton)

        self.retranslateUi(ContactForm)

        QMetaObject.connectSlotsByName(ContactForm)
    # setupUi

    def retranslateUi(self, ContactForm):
        ContactForm.setWindowTitle(QCoreApplication.translate("ContactForm", u"Kontakt", None))
        self.headingLabel.setText(QCoreApplication.translate("ContactForm", u"Kontakt", None))
        self.salutationLabel.setText(QCoreApplication.translate("ContactForm", u"An&rede:", None))
        self.academicTitleLabel.setText(QCoreApplication.translate("ContactForm", u"&Titel:", None))
        self.academicTitleEdit.setPlaceholderText(QCoreApplication.translate("ContactForm", u"z. B. Dr. oder Prof. Dr.", None))
        self.firstNameLabel.setText(QCoreApplication.translate("ContactForm", u"&Vorname:", None))
        self.lastNameLabel.setText(QCoreApplication.translate("ContactForm", u"Nachna&me:", None))
        self.lastNameEdit.setPlaceholderText(QCoreApplication.translate("ContactForm", u"Pflichtfeld", None))
        self.emailLabel.setText(QCoreApplication.translate("ContactForm", u"&E-Mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ContactForm", u"name@kommune.de (Pflichtfeld)", None))
        self.organisationLabel.setText(QCoreApplication.translate("ContactForm", u"&Organisation:", None))
        self.municipalityLabel.setText(QCoreApplication.translate("ContactForm", u"&Kommune:", None))
        self.federalStateLabel.setText(QCoreApplication.translate("ContactForm", u"Bu&ndesland:", None))
        self.roleLabel.setText(QCoreApplication.translate("ContactForm", u"&Funktion:", None))
        self.experienceLabel.setText(QCoreApplication.translate("ContactForm", u"Erfahrun&g:", None))
        self.consentLabel.setText(QCoreApplication.translate("ContactForm", u"Einwilligung:", None))
        self.consentCheck.setText(QCoreApplication.translate("ContactForm", u"Kontaktaufnahme erla&ubt", None))
#if QT_CONFIG(tooltip)
        self.consentCheck.setToolTip(QCoreApplication.translate("ContactForm", u"Die Person ist einverstanden, zu weiteren Treffen eingeladen zu werden.", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("ContactForm", u"Not&izen:", None))
        self.dirtyLabel.setText(QCoreApplication.translate("ContactForm", u"Ungespeicherte \u00c4nderungen", None))
        self.revertButton.setText(QCoreApplication.translate("ContactForm", u"Ver&werfen", None))
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(QCoreApplication.translate("ContactForm", u"Die \u00c4nderungen im Formular verwerfen", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("ContactForm", u"&Speichern", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("ContactForm", u"\u00c4nderungen speichern (Strg+S)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

