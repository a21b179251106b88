#!/bin/sh
# Render a .docx to PDF and one PNG per page, to look at the layout:
#   scripts/render_docx_preview.sh minutes.docx [outdir]
# Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
set -eu
docx="$1"
out="${2:-$(dirname "$docx")}"
mkdir -p "$out"
soffice --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdf="$out/$(basename "${docx%.*}").pdf"
pdftoppm -r "${DPI:-80}" -png "$pdf" "$out/$(basename "${docx%.*}")-page"
ls "$out"/"$(basename "${docx%.*}")"-page*.png
