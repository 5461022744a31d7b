<#
.SYNOPSIS
  Builds the RedPair Windows installer (.msi by default, or .exe) with jpackage.
.DESCRIPTION
  Runs the same Maven profile as Linux: ./mvnw -Pinstaller package. On Windows the profile
  installer-os-windows switches to installer/windows/*.txt (Maven-filtered into target\jpackage\),
  the "win" JavaFX jars, and the package type. Output: target\installer\RedPair-<version>.msi|.exe
  and the app-image target\installer\RedPair\ (RedPair.exe = console, redpair-cli.exe = command line).
  Needs: a full JDK 17+ (JAVA_HOME; jpackage), WiX Toolset 3.x on PATH (candle.exe, light.exe).
  This script has not been run by the project's CI (Linux only); see docs/installers.md.
.PARAMETER Type
  msi (default) or exe.
#>
param([ValidateSet('msi', 'exe')][string]$Type = 'msi')
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw 'WiX Toolset 3.x is not on PATH (candle.exe, light.exe). Install it from https://wixtoolset.org/ (v3.14).'
}
if (-not $env:JAVA_HOME -or -not (Test-Path "$env:JAVA_HOME\bin\jpackage.exe")) {
    throw 'JAVA_HOME must point to a full JDK 17+ that has bin\jpackage.exe.'
}

& .\mvnw.cmd -B -Pinstaller package "-Dinstaller.type=$Type"
if ($LASTEXITCODE -ne 0) { throw "Maven failed with exit code $LASTEXITCODE" }

& .\target\installer\RedPair\redpair-cli.exe --version
if ($LASTEXITCODE -ne 0) { throw 'The app-image does not start (redpair-cli.exe --version failed).' }
Get-ChildItem .\target\installer\*.$Type | ForEach-Object { Write-Output "built $($_.FullName)" }
