#!/usr/bin/env python3
"""Measures PDF and Word reading on texts other than the fixtures.

Each .txt article of a folder (default ../shared/corpus) is laid out as a word-processor
document (one paragraph per block between blank lines, hard-wrapped lines joined, as a
word processor holds them), printed to PDF and saved as .docx by LibreOffice in a temporary
folder (nothing is kept), then read back with
`demarche text` and `demarche extract`. For each file it reports the share of the original's
words found in order (recall) and of the read words found in the original (precision), and
the share of the .txt's statements found with the same words. Needs LibreOffice and a built
demarche (`cargo build`); run from the repository root:

    python3 scripts/format-roundtrip.py [FOLDER] [--bin target/debug/demarche]
"""

import argparse
import difflib
import json
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import importlib.util

_spec = importlib.util.spec_from_file_location(
    "make_format_fixtures", pathlib.Path(__file__).resolve().parent / "make-format-fixtures.py"
)
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)


def as_document(text):
    """The text's blocks as paragraphs, lines joined (without a space between CJK). YAML
    front matter, which a word processor does not have, becomes a title paragraph and a
    "Published:" line."""
    blocks = []
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if front:
        fields, key = {}, None
        for line in front.group(1).splitlines():
            if line[:1].isspace() and key:
                fields[key] = fields[key].rstrip("\\").rstrip() + " " + line.strip().lstrip("\\").strip()
            elif ":" in line:
                key, value = (part.strip() for part in line.split(":", 1))
                fields[key] = value
        def unquote(value):
            if value.startswith('"'):
                try:
                    return json.loads(value.replace("\\_", " "))
                except ValueError:
                    pass
            return value.strip("'\"").replace("\\_", " ")

        fields = {k: unquote(v) for k, v in fields.items()}
        if fields.get("title"):
            blocks.append(fields["title"])
        if fields.get("date"):
            blocks.append(f"Published: {fields['date']}")
        text = text[front.end():]
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            cjk = "\u3000" <= joined[-1] <= "\u9fff" and "\u3000" <= line[0] <= "\u9fff"
            joined += ("" if cjk else " ") + line
        blocks.append(joined)
    return blocks

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def match(original, read):
    a, b = words(original), words(read)
    same = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return same / max(len(a), 1), same / max(len(b), 1)


def statements(binary, path):
    out = subprocess.run([binary, "extract", str(path)], capture_output=True, text=True)
    keys = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        key = " ".join(words(" ".join(span["text"] for span in record["spans"])))
        keys[key] = keys.get(key, 0) + 1
    return keys


def kept(want, got):
    total = sum(want.values())
    if total == 0:
        return None
    return sum(min(n, got.get(k, 0)) for k, n in want.items()) / total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="../shared/corpus")
    parser.add_argument("--bin", default="target/debug/demarche")
    args = parser.parse_args()
    sources = sorted(pathlib.Path(args.folder).glob("*.txt"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        profile = f"file://{tmp / 'profile'}"
        documents = []
        for source in sources:
            blocks = as_document(source.read_text(encoding="utf-8", errors="replace"))
            body = "\n".join(
                f'<text:p text:style-name="Standard">{fixtures.html.escape(b)}</text:p>' for b in blocks
            )
            document = tmp / f"{source.stem}.fodt"
            document.write_text(fixtures.fodt(blocks[0] if blocks else source.stem, body), encoding="utf-8")
            documents.append(str(document))
        for target in ("pdf", "docx:MS Word 2007 XML"):
            subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless",
                 "--convert-to", target, "--outdir", str(tmp)] + documents,
                check=True, capture_output=True,
            )
        for source in sources:
            # The words put into the document (front matter became a title and a date line).
            original = "\n\n".join(as_document(source.read_text(encoding="utf-8", errors="replace")))
            want = statements(args.bin, source)
            for ext in ("pdf", "docx"):
                made = tmp / f"{source.stem}.{ext}"
                read = subprocess.run([args.bin, "text", str(made)], capture_output=True, text=True)
                if read.returncode != 0:
                    rows.append((source.name, ext, None, None, None, read.stderr.strip()))
                    continue
                recall, precision = match(original, read.stdout)
                rows.append((source.name, ext, recall, precision, kept(want, statements(args.bin, made)), ""))
    for ext in ("pdf", "docx"):
        mine = [r for r in rows if r[1] == ext and r[2] is not None]
        failed = [r for r in rows if r[1] == ext and r[2] is None]
        kept_values = [r[4] for r in mine if r[4] is not None]
        print(f"{ext}: {len(mine)} files read, {len(failed)} failed")
        if mine:
            print(f"  words recall    mean {statistics.mean(r[2] for r in mine):.3f}  min {min(r[2] for r in mine):.3f}")
            print(f"  words precision mean {statistics.mean(r[3] for r in mine):.3f}  min {min(r[3] for r in mine):.3f}")
        if kept_values:
            print(f"  statements kept mean {statistics.mean(kept_values):.3f}  min {min(kept_values):.3f}"
                  f"  (files with statements: {len(kept_values)})")
        for r in sorted(mine, key=lambda r: r[2])[:5]:
            print(f"  lowest: {r[0]} recall {r[2]:.3f} precision {r[3]:.3f} statements {r[4]}")
        for r in failed:
            print(f"  failed: {r[0]}: {r[5]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
