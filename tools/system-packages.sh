#!/usr/bin/env bash
# System packages the toolkit uses beside Python: Chromium (browser tests of briefs and
# JupyterLab), tesseract with its Vietnamese model (scanned PDFs), LibreOffice Writer (.doc files
# and PDF fixtures), poppler-utils (pdftoppm). Installs what is missing when run as root with
# apt-get; otherwise names what to install and goes on (those features then say so at run time).
set -u
want=(chromium tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils fonts-dejavu-core)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    && exit 0
  echo "warning: could not install ${missing[*]}" >&2
else
  echo "warning: missing system packages (install them as root): ${missing[*]}" >&2
fi
exit 0
