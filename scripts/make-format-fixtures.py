#!/usr/bin/env python3
"""Regenerates the format fixtures in tests/fixtures/formats/ from the invented source texts.

Needs LibreOffice (libreoffice-writer-nogui), Chromium, pdflatex (texlive-latex-base) and qpdf.
CI never runs this: the produced files are committed. Run it from the repository root:

    python3 scripts/make-format-fixtures.py
"""

import html
import os
import pathlib
import shutil
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "formats"
SOURCE = OUT / "source"

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def paragraphs(path):
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def fodt(title, body_xml, header=None, footer_page_numbers=False, extra_styles=""):
    header_xml = f"<style:header><text:p>{html.escape(header)}</text:p></style:header>" if header else ""
    footer_xml = (
        '<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current"/></text:p></style:footer>'
        if footer_page_numbers
        else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{html.escape(title)}</dc:title></office:meta>
 <office:font-face-decls/>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.25cm"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-family="'Liberation Serif'" fo:font-size="11pt" fo:language="en" fo:country="GB"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
   <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  {extra_styles}
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">{header_xml}{footer_xml}</style:master-page>
 </office:master-styles>
 <office:body><office:text>
{body_xml}
 </office:text></office:body>
</office:document>
"""


def article_body(paras):
    out = [f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{html.escape(paras[0])}</text:h>']
    for p in paras[1:]:
        lines = "<text:line-break/>".join(html.escape(line) for line in p.split("\n"))
        out.append(f'<text:p text:style-name="Standard">{lines}</text:p>')
    return "\n".join(out)


def features_body():
    """Headings, a footnote, tracked changes (an insertion kept, a deletion dropped), a table."""
    return """<text:tracked-changes text:track-changes="true">
  <text:changed-region xml:id="ct1" text:id="ct1"><text:insertion><office:change-info><dc:creator>Desk editor</dc:creator><dc:date>2027-04-02T09:15:00</dc:date></office:change-info></text:insertion></text:changed-region>
  <text:changed-region xml:id="ct2" text:id="ct2"><text:deletion><office:change-info><dc:creator>Desk editor</dc:creator><dc:date>2027-04-02T09:16:00</dc:date></office:change-info><text:p>reluctantly </text:p></text:deletion></text:changed-region>
 </text:tracked-changes>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Embassy of Norway: statement on the harbour agreement</text:h>
<text:p text:style-name="Standard">Invented sample text written for the Demarche format tests.</text:p>
<text:h text:style-name="Heading_20_2" text:outline-level="2">Background</text:h>
<text:p text:style-name="Standard">The harbour agreement was signed in Bergen<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Standard">Signed on 14 February 2027 by both delegations.</text:p></text:note-body></text:note> after two years of talks.</text:p>
<text:p text:style-name="Standard">"We have <text:change text:change-id="ct2"/>accepted the final text <text:change-start text:change-id="ct1"/>with confidence <text:change-end text:change-id="ct1"/>and we will ratify it this spring," Ambassador Sigrid Holmvik said on Friday.</text:p>
<text:h text:style-name="Heading_20_2" text:outline-level="2">Next steps</text:h>
<table:table table:name="Schedule"><table:table-column table:number-columns-repeated="2"/>
 <table:table-row><table:table-cell office:value-type="string"><text:p>April</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Ratification debate</text:p></table:table-cell></table:table-row>
</table:table>
<text:p text:style-name="Standard">The embassy said the first joint inspection would take place in May.</text:p>"""


def run(*args, cwd=None):
    print("+", " ".join(str(a) for a in args))
    subprocess.run([str(a) for a in args], check=True, cwd=cwd)


def soffice(src, target, outdir, out_name, profile):
    with tempfile.TemporaryDirectory() as tmp:
        run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", tmp, src)
        produced = next(pathlib.Path(tmp).iterdir())
        shutil.move(str(produced), str(outdir / out_name))


def latex_escape(text):
    text = text.replace("\\", "\\textbackslash{}")
    for ch in "&%$#_{}":
        text = text.replace(ch, "\\" + ch)
    out, open_quote = [], True
    for ch in text:
        if ch == '"':
            out.append("``" if open_quote else "''")
            open_quote = not open_quote
        else:
            out.append(ch)
    return "".join(out)


def latex(paras):
    body = "\n\n".join(latex_escape(p).replace("\n", "\\\\\n") for p in paras[1:])
    return f"""\\documentclass[twocolumn,10pt,a4paper]{{article}}
\\usepackage[T1]{{fontenc}}
\\usepackage[utf8]{{inputenc}}
\\usepackage{{times}}
\\pdfgentounicode=1
\\input{{glyphtounicode}}
\\pagestyle{{myheadings}}
\\markright{{Meridian Dispatch --- Foreign desk}}
\\title{{{latex_escape(paras[0])}}}
\\date{{}}
\\begin{{document}}
\\maketitle
\\thispagestyle{{myheadings}}
{body}
\\end{{document}}
"""


def chromium_html(paras):
    body = "\n".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paras[1:])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(paras[0])}</title>
<style>body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 12pt; column-count: 2; column-gap: 1.2cm; }}
h1 {{ column-span: all; }}</style></head>
<body><h1>{html.escape(paras[0])}</h1>
{body}
</body></html>
"""


def scanned_pdf(path):
    """A one-page PDF holding only an image (a grey box standing in for a scan): no text layer."""
    width, height = 60, 80
    pixels = bytes([200]) * (width * height)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n"
        % (width, height, len(pixels))
        + pixels
        + b"\nendstream",
    ]
    content = b"q 500 0 0 700 47 71 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    glacier = paragraphs(SOURCE / "glacier.txt")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        profile = tmp / "lo-profile"
        src = tmp / "glacier.fodt"
        src.write_text(
            fodt(glacier[0], article_body(glacier), header="Meridian Dispatch \u00b7 Foreign desk", footer_page_numbers=True),
            encoding="utf-8",
        )
        soffice(src, "odt", OUT, "glacier.odt", profile)
        soffice(src, "docx:MS Word 2007 XML", OUT, "glacier.docx", profile)
        soffice(src, "rtf", OUT, "glacier.rtf", profile)
        soffice(src, "pdf", OUT, "glacier-libreoffice.pdf", profile)
        # "Word-style": the .docx as Word writes it, printed to PDF.
        soffice(OUT / "glacier.docx", "pdf", OUT, "glacier-word.pdf", profile)
        encrypted_opts = (
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"sample"}}'
        )
        try:
            soffice(src, encrypted_opts, OUT, "encrypted.pdf", profile)
        except subprocess.CalledProcessError:
            run("qpdf", "--encrypt", "sample", "sample", "256", "--", OUT / "glacier-libreoffice.pdf", OUT / "encrypted.pdf")

        feats = tmp / "features.fodt"
        feats.write_text(fodt("Embassy of Norway statement", features_body()), encoding="utf-8")
        soffice(feats, "odt", OUT, "features.odt", profile)
        soffice(feats, "docx:MS Word 2007 XML", OUT, "features.docx", profile)

        tex = tmp / "glacier.tex"
        tex.write_text(latex(glacier), encoding="utf-8")
        if shutil.which("pdflatex"):
            run("pdflatex", "-interaction=nonstopmode", "glacier.tex", cwd=tmp)
            shutil.copy(tmp / "glacier.pdf", OUT / "glacier-latex.pdf")

        page = tmp / "glacier.html"
        page.write_text(chromium_html(glacier), encoding="utf-8")
        run(
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp / 'chromium'}", f"--print-to-pdf={OUT / 'glacier-chromium.pdf'}",
            page.as_uri(),
        )
    scanned_pdf(OUT / "scanned.pdf")


if __name__ == "__main__":
    os.umask(0o022)
    main()
