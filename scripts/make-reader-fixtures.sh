#!/usr/bin/env bash
# Regenerates the committed fixtures of test/fixtures/readers/ (decode, DOCX and PDF readers).
#
# Needs: iconv (glibc), pandoc, LibreOffice Writer (soffice) with the Finnish hyphenator, python3 (for the
# DOCX header/footer patch).
#   apt-get install -y pandoc libreoffice-writer-nogui libreoffice-voikko fonts-dejavu-core
# Run from the repository root:  bash scripts/make-reader-fixtures.sh
#
# Sources (hand-written, committed):
#   teksti.source.txt          Finnish/Swedish text with € – ” (UTF-8, LF)
#   teksti.latin1-source.txt   the same without characters outside ISO-8859-1
#   raportti.md                a small report: headings, lists, a table, a footnote, a long paragraph
#                              that runs over a page break
#   tavutus.md                 hard line breaks after hyphenated words, to check de-hyphenation
#   ylasavo-sahkoinen-asiointi.md  snapshot of reports/ylasavo-sahkoinen-asiointi.md (sample report)
# Outputs: teksti.<encoding>.txt, <name>.docx, <name>.pdf, ylasavo-tavutettu.pdf (hyphenated),
#   salattu.pdf (password), tyhja-sivu.pdf (no text)
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/readers"

# --- Text encodings ------------------------------------------------------------------------------
src=teksti.source.txt
lat=teksti.latin1-source.txt
cp "$src" teksti.utf8.txt
{ printf '\xef\xbb\xbf'; cat "$src"; } > teksti.utf8-bom.txt
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$src"; } > teksti.utf16le-bom.txt
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$src"; } > teksti.utf16be-bom.txt
iconv -f UTF-8 -t UTF-16LE "$src" > teksti.utf16le.txt
sed 's/$/\r/' "$src" | iconv -f UTF-8 -t WINDOWS-1252 > teksti.cp1252-crlf.txt
iconv -f UTF-8 -t ISO-8859-1 "$lat" > teksti.latin1.txt
sed 's/$/\r/' "$lat" | iconv -f UTF-8 -t CP850 > teksti.cp850-crlf.txt
# Classic Mac OS: Mac Roman with CR line ends.
tr '\n' '\r' < "$src" | iconv -f UTF-8 -t MACINTOSH > teksti.macroman-cr.txt

# --- DOCX and PDF --------------------------------------------------------------------------------
# A reference DOCX with a running header and a page-number footer, so the PDF has lines the PDF
# reader must drop.
make_reference() {
  local out=$1 hyphenate=${2:-no} tmp
  tmp=$(mktemp -d)
  pandoc -o "$tmp/ref.docx" --print-default-data-file reference.docx
  python3 - "$tmp/ref.docx" "$out" "$hyphenate" <<'PY'
import re, sys, zipfile
src, dst, hyphenate = sys.argv[1], sys.argv[2], sys.argv[3] == 'yes'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
header = f'<w:hdr {W} {R}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>Loppuraportti – Kuntien digitalisaatiohanke</w:t></w:r></w:p></w:hdr>'
footer = (f'<w:ftr {W} {R}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
          '</w:p></w:ftr>')
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == 'word/_rels/document.xml.rels':
        s = data.decode()
        s = s.replace('</Relationships>',
            '<Relationship Id="rIdHdr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rIdFtr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>')
        data = s.encode()
    elif item.filename == '[Content_Types].xml':
        s = data.decode()
        s = s.replace('</Types>',
            '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
            '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
            '</Types>')
        data = s.encode()
    elif item.filename == 'word/settings.xml' and hyphenate:
        data = re.sub(r'(<w:settings[^>]*>)', r'\1<w:autoHyphenation/>', data.decode(), count=1).encode()
    elif item.filename == 'word/document.xml':
        s = data.decode()
        refs = '<w:headerReference w:type="default" r:id="rIdHdr1"/><w:footerReference w:type="default" r:id="rIdFtr1"/>'
        # pandoc's reference.docx ends with an empty <w:sectPr />; give it the header and footer.
        s = re.sub(r'<w:sectPr\s*/>', '<w:sectPr>' + refs + '</w:sectPr>', s, count=1)
        s = re.sub(r'<w:sectPr([^/>]*)>(?!<w:headerReference)', r'<w:sectPr\1>' + refs, s, count=1)
        data = s.encode()
    zout.writestr(item, data)
zout.writestr('word/header1.xml', header)
zout.writestr('word/footer1.xml', footer)
zout.close()
PY
  rm -rf "$tmp"
}

ref=$(mktemp --suffix=.docx)
make_reference "$ref"
for name in raportti tavutus ylasavo-sahkoinen-asiointi; do
  # tavutus is one page: no running header there (one page cannot show what repeats).
  if [ "$name" = tavutus ]; then refopt=(); else refopt=(--reference-doc="$ref"); fi
  pandoc -f markdown-smart -t docx "${refopt[@]}" -o "$name.docx" "$name.md"
  soffice --headless --convert-to pdf --outdir . "$name.docx" > /dev/null
done
rm -f "$ref"

# The sample report again, hyphenated automatically in Finnish (as many Word reports are): needs the
# Finnish hyphenator for LibreOffice, apt-get install -y libreoffice-voikko.
ref=$(mktemp --suffix=.docx)
make_reference "$ref" yes
hy=$(mktemp -d)
pandoc -f markdown-smart -t docx -M lang=fi-FI --reference-doc="$ref" -o "$hy/ylasavo-tavutettu.docx" \
  ylasavo-sahkoinen-asiointi.md
soffice --headless --convert-to pdf --outdir . "$hy/ylasavo-tavutettu.docx" > /dev/null
rm -rf "$hy" "$ref"

# A password-protected PDF (password "salasana") and a PDF whose only page has no text, as a page scanned
# without OCR would be.
soffice --headless --convert-to \
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"salasana"}}' \
  --outdir "$(dirname "$ref")" tavutus.docx > /dev/null
mv "$(dirname "$ref")/tavutus.pdf" salattu.pdf
blank=$(mktemp -d)
printf -- '---\n' | pandoc -f markdown -t docx -o "$blank/tyhja-sivu.docx"
soffice --headless --convert-to pdf --outdir . "$blank/tyhja-sivu.docx" > /dev/null
rm -rf "$blank"
ls -l teksti.*.txt ./*.docx ./*.pdf
