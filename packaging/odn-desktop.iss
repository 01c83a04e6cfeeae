; Inno Setup 6 script for odn-desktop (needs Inno Setup 6.3 or newer; see packaging/README.md).
; Saved as UTF-8 with BOM, so the compiler reads the umlauts correctly.
;
;   iscc packaging\odn-desktop.iss            -> dist\odn-desktop-<version>-setup.exe
;
; Installs the PyInstaller folder dist\odn-desktop for the current user only (no administrator rights, no UAC
; prompt) into %LOCALAPPDATA%\Programs\odn-desktop, with a Start-menu entry and an uninstaller. The coordinator's
; data lives elsewhere (%LOCALAPPDATA%\odn\odn-desktop: database, backups, logs) and is never touched by the
; installer or the uninstaller. Relative paths are relative to this file.

#define AppName "odn-desktop"
#define AppExe "odn-desktop.exe"
#define BuiltFolder "..\dist\odn-desktop"
#ifndef AppVersion
  ; the version resource the spec wrote into the program (from odn_desktop.__version__), e.g. "0.1.0.0"
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + BuiltFolder + "\" + AppExe)
#endif

[Setup]
; The AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{6F2C9B1E-3D4A-4E7B-9C21-5A8D0E4F7B63}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Open-Data-Netzwerk
VersionInfoVersion={#AppVersion}
; per user: {autopf} is %LOCALAPPDATA%\Programs with the lowest privileges
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=build\odn-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an update closes a running odn-desktop first (Windows Restart Manager) instead of failing on locked files
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; German first: the default when Windows' language is neither German nor English
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
german.DataKept=Ihre Daten (Datenbank, Sicherungen, Protokolle) wurden nicht entfernt. Sie liegen in:
german.DataKeptHint=Wenn Sie sie nicht mehr brauchen, können Sie diesen Ordner selbst löschen.
english.DataKept=Your data (database, backups, logs) has not been removed. It is in:
english.DataKeptHint=If you no longer need it, you can delete this folder yourself.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an update replaces the program folder's bundled libraries completely (no stale modules of an older version)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuiltFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what was installed. The data folder below is left alone.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\odn\odn-desktop');
    if DirExists(DataDir) then
      MsgBox(CustomMessage('DataKept') + #13#10 + DataDir + #13#10#13#10 + CustomMessage('DataKeptHint'),
        mbInformation, MB_OK);
  end;
end;
