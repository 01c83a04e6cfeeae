# generated from resources/ui/speaker_form.ui by scripts/build_ui.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'speaker_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SpeakerForm(object):
    def setupUi(self, SpeakerForm):
        if not SpeakerForm.objectName():
            SpeakerForm.setObjectName(u"SpeakerForm")
        SpeakerForm.resize(460, 560)
        self.mainLayout = QVBoxLayout(SpeakerForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(SpeakerForm)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.salutationLabel = QLabel(SpeakerForm)
        self.salutationLabel.setObjectName(u"salutationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.salutationLabel)

        self.salutationCombo = QComboBox(SpeakerForm)
        self.salutationCombo.setObjectName(u"salutationCombo")
        self.salutationCombo.setEditable(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.salutationCombo)

        self.academicTitleLabel = QLabel(SpeakerForm)
        self.academicTitleLabel.setObjectName(u"academicTitleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.academicTitleLabel)

        self.academicTitleEdit = QLineEdit(SpeakerForm)
        self.academicTitleEdit.setObjectName(u"academicTitleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.academicTitleEdit)

        self.firstNameLabel = QLabel(SpeakerForm)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(SpeakerForm)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(SpeakerForm)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameBox = QVBoxLayout()
        self.lastNameBox.setSpacing(2)
        self.lastNameBox.setObjectName(u"lastNameBox")
        self.lastNameEdit = QLineEdit(SpeakerForm)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.lastNameBox.addWidget(self.lastNameEdit)

        self.lastNameError = QLabel(SpeakerForm)
        self.lastNameError.setObjectName(u"lastNameError")
        self.lastNameError.setWordWrap(True)

        self.lastNameBox.addWidget(self.lastNameError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.lastNameBox)

        self.roleLabel = QLabel(SpeakerForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleEdit = QPlainTextEdit(SpeakerForm)
        self.roleEdit.setObjectName(u"roleEdit")
        self.roleEdit.setTabChangesFocus(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.roleEdit.sizePolicy().hasHeightForWidth())
        self.roleEdit.setSizePolicy(sizePolicy)
        self.roleEdit.setMinimumSize(QSize(0, 52))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleEdit)

        self.organisationLabel = QLabel(SpeakerForm)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisationEdit = QLineEdit(SpeakerForm)
        self.organisationEdit.setObjectName(u"organisationEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.organisationEdit)

        self.bioLabel = QLabel(SpeakerForm)
        self.bioLabel.setObjectName(u"bioLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.bioLabel)

        self.bioEdit = QPlainTextEdit(SpeakerForm)
        self.bioEdit.setObjectName(u"bioEdit")
        self.bioEdit.setTabChangesFocus(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(3)
        sizePolicy1.setHeightForWidth(self.bioEdit.sizePolicy().hasHeightForWidth())
        self.bioEdit.setSizePolicy(sizePolicy1)
        self.bioEdit.setMinimumSize(QSize(0, 80))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.bioEdit)

        self.emailLabel = QLabel(SpeakerForm)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailBox = QVBoxLayout()
        self.emailBox.setSpacing(2)
        self.emailBox.setObjectName(u"emailBox")
        self.emailEdit = QLineEdit(SpeakerForm)
        self.emailEdit.setObjectName(u"emailEdit")

        self.emailBox.addWidget(self.emailEdit)

        self.emailError = QLabel(SpeakerForm)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)

        self.emailBox.addWidget(self.emailError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.emailBox)

        self.phoneLabel = QLabel(SpeakerForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(SpeakerForm)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QHBoxLayout()
        self.buttonBox.setObjectName(u"buttonBox")
        self.dirtyLabel = QLabel(SpeakerForm)
        self.dirtyLabel.setObjectName(u"dirtyLabel")

        self.buttonBox.addWidget(self.dirtyLabel)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonBox.addItem(self.buttonSpacer)

        self.revertButton = QPushButton(SpeakerForm)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonBox.addWidget(self.revertButton)

        self.saveButton = QPushButton(SpeakerForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonBox.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.salutationLabel.setBuddy(self.salutationCombo)
        self.academicTitleLabel.setBuddy(self.academicTitleEdit)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.roleLabel.setBuddy(self.roleEdit)
        self.organisationLabel.setBuddy(self.organisationEdit)
        self.bioLabel.setBuddy(self.bioEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.salutationCombo, self.academicTitleEdit)
        QWidget.setTabOrder(self.academicTitleEdit, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.roleEdit)
        QWidget.setTabOrder(self.roleEdit, self.organisationEdit)
        QWidget.setTabOrder(self.organisationEdit, self.bioEdit)
        QWidget.setTabOrder(self.bioEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.revertButton)
        QWidget.setTabOrder(self.revertButton, self.saveButton)

        self.retranslateUi(SpeakerForm)

        QMetaObject.connectSlotsByName(SpeakerForm)
    # setupUi

    def retranslateUi(self, SpeakerForm):
        SpeakerForm.setWindowTitle(QCoreApplication.translate("SpeakerForm", u"Referent:in", None))
        self.headingLabel.setText(QCoreApplication.translate("SpeakerForm", u"Referent:in", None))
        self.salutationLabel.setText(QCoreApplication.translate("SpeakerForm", u"An&rede:", None))
        self.academicTitleLabel.setText(QCoreApplication.translate("SpeakerForm", u"&Titel:", None))
        self.academicTitleEdit.setPlaceholderText(QCoreApplication.translate("SpeakerForm", u"z. B. Dr. oder Prof. Dr.", None))
        self.firstNameLabel.setText(QCoreApplication.translate("SpeakerForm", u"&Vorname:", None))
        self.lastNameLabel.setText(QCoreApplication.translate("SpeakerForm", u"Nachna&me:", None))
        self.lastNameEdit.setPlaceholderText(QCoreApplication.translate("SpeakerForm", u"Pflichtfeld", None))
        self.roleLabel.setText(QCoreApplication.translate("SpeakerForm", u"&Funktion / Rolle:", None))
        self.organisationLabel.setText(QCoreApplication.translate("SpeakerForm", u"&Organisation:", None))
        self.bioLabel.setText(QCoreApplication.translate("SpeakerForm", u"&Kurzbiografie:", None))
        self.emailLabel.setText(QCoreApplication.translate("SpeakerForm", u"&E-Mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("SpeakerForm", u"name@beispiel.de", None))
        self.phoneLabel.setText(QCoreApplication.translate("SpeakerForm", u"Te&lefon:", None))
        self.dirtyLabel.setText(QCoreApplication.translate("SpeakerForm", u"Ungespeicherte \u00c4nderungen", None))
        self.revertButton.setText(QCoreApplication.translate("SpeakerForm", u"Ver&werfen", None))
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(QCoreApplication.translate("SpeakerForm", u"Die \u00c4nderungen im Formular verwerfen", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("SpeakerForm", u"&Speichern", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("SpeakerForm", u"\u00c4nderungen speichern (Strg+S)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

