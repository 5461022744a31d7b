#!/usr/bin/env bash
# Builds the RedPair macOS package (.dmg by default, or .pkg) with jpackage.
#   installer/macos/build.sh [--type dmg|pkg] [--sign "Developer ID Application: Name (TEAMID)"]
# Runs the same Maven profile as Linux (./mvnw -Pinstaller package). On macOS the profile
# installer-os-macos switches to installer/macos/*.txt, the mac (or mac-aarch64) JavaFX jars and type dmg.
# Output: target/installer/RedPair.app and target/installer/RedPair-<version>.dmg|.pkg
# Needs: a full JDK 17+ (jpackage) built for the Mac's CPU (the runtime is linked from it: an arm64 JDK
# makes an arm64 app); Xcode command line tools (codesign, hdiutil, pkgbuild).
# Not run by the project's CI (Linux only); see docs/installers.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

type=dmg sign=""
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type=$2; shift 2 ;;
    --sign) sign=$2; shift 2 ;;
    *) echo "usage: $0 [--type dmg|pkg] [--sign IDENTITY]" >&2; exit 2 ;;
  esac
done
case "$type" in dmg|pkg) ;; *) echo "build.sh: --type must be dmg or pkg" >&2; exit 2 ;; esac
[ "$(uname -s)" = Darwin ] || { echo "build.sh: run this on macOS (jpackage builds only for the OS it runs on)" >&2; exit 1; }

if [ -n "$sign" ]; then
  # Signing must happen when the .app is made, so package the app-image ourselves after Maven.
  ./mvnw -B -Pinstaller package -Dinstaller.type="$type" -Dinstaller.skipPackage=true
  rm -rf target/installer/RedPair.app
  jpackage @target/jpackage/app-image.txt --mac-sign --mac-signing-key-user-name "$sign"
  jpackage @target/jpackage/package.txt --mac-sign --mac-signing-key-user-name "$sign"
else
  ./mvnw -B -Pinstaller package -Dinstaller.type="$type"
fi

target/installer/RedPair.app/Contents/MacOS/RedPair --version
ls -l target/installer/*."$type"
