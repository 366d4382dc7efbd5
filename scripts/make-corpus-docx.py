#!/usr/bin/env python3
"""Typesets the corpus documents (Corpus/*.txt) as Word documents: Corpus/docx/*.docx.

The documents are committed, so CI does not need this script; run it again after a change
to a corpus text or to the mapping below. Python's standard library only:

    python3 scripts/make-corpus-docx.py                 # Corpus/docx/001…003.docx
    python3 scripts/make-corpus-docx.py --repeat 40 OUT # document 002's body 40 times, for BENCHMARKS.md

Each document is real WordprocessingML, as Word writes it, not text dressed up as Word:
body paragraphs are numbered by Word list numbering (word/numbering.xml: "1." is level 0,
"(a)" level 1, "(i)" level 2), never by literal "1." text; a list that has to jump or start
again gets a new w:num with w:lvlOverride/w:startOverride, as Word's "Restart at" does.
Lines marked as headings in the corpus text ("##") are Heading paragraphs (styles.xml),
bold-only lines are bold runs, footnotes are w:footnoteReference runs with their bodies in
word/footnotes.xml (notes marked "*" in the masthead use w:customMarkFollows), the "Notes"
of document 003 are endnotes (word/endnotes.xml), and the contents, the officers and the
lists of documents are tables (w:tbl). Text that the corpus conversion split at a page
break is joined back into its paragraph; page-break rules are dropped.

Tests/UNDocIngestTests/DOCXParityTests.swift checks that each document gives the model of
its text. LibreOffice opens the documents too, and its text export (`soffice --headless
--convert-to txt`) prints the same label as undoc's reader for every numbered paragraph and
clause. The zip entries carry a fixed date, so the output is the same on every run.
"""
import argparse
import copy
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

from corpus_text import (ANNEX, DECISION, LABELLED, NOTE_HTML, NOTE_STAR, NOTE_UNI, NUMBERED, ROMAN_OR_LETTER,
                         SUP_CHARS, SUPERSCRIPTS, ends_sentence, plain)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The symbol of each corpus document (as in Corpus/manifest.tsv), for the document properties.
SYMBOLS = {
    "001_caccf940e690384d": "CTOC/COP/WG.4/2010/L.1/Add.1",
    "002_02cf9ff3ef13c05f": "CTOC/COP/2006/14",
    "003_d14f16574e34a7cb": "E/CN.15/2005/8",
}


LEADERS = re.compile(r"[ .]*\. \. \.[ .]*$")
ROMAN = re.compile(r"^(?=[ivxlc]+$)m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")


# ---------------------------------------------------------------- reading the corpus text

class Block:
    """One paragraph or table of the document.

    kind: heading (a line that stands alone), text (may take a continuation), para
    (a numbered paragraph: level 0), item (a labelled clause: "(a)", "(iv)", "(1)") or table.
    """

    def __init__(self, kind, text="", level=0, bold=False, label=None, rows=None):
        self.kind = kind
        self.text = text
        self.level = level      # markdown heading level (0: not a heading)
        self.bold = bold
        self.label = label
        self.rows = rows or []


def decoration(raw):
    """The line without its markdown heading marks, bullet and bold wrappers: (text, heading level, bold)."""
    line = raw.strip()
    level = 0
    bold = False
    m = re.match(r"^(#{1,6})\s+(.*)$", line)
    if m:
        level = len(m.group(1))
        line = m.group(2).strip()
    if line.startswith("- ") and not line.startswith("---"):
        line = line[2:].strip()
    while len(line) > 4 and line.startswith("**") and line.endswith("**"):
        bold = True
        line = line[2:-2].strip()
    if line.startswith("<b>") and line.endswith("</b>"):
        bold = True
        line = line[3:-4].strip()
    return line, level, bold


def read_corpus(path):
    """Front-matter blocks, contents rows, body blocks, and the notes: {marker: text} for
    footnotes ("1", "*") and for endnotes (the "Notes" of a document that has them)."""
    lines = open(path, encoding="utf-8").read().split("\n")
    footnotes, endnotes = {}, {}
    front, contents, body = [], [], []
    mode = "front"
    for index, raw in enumerate(lines):
        if not raw.strip() or re.match(r"^\s*[-_*]{3,}\s*$", raw) or raw.strip() == "-":
            continue
        line, level, bold = decoration(raw)
        text = plain(line)
        if not text:
            continue
        decorated = level > 0 or bold
        # Two headings that the conversion fused on one line ("**A****B**") are two headings.
        if decorated and "****" in line and mode == "body":
            for part in line.split("****"):
                if part.strip():
                    body.append(Block("heading", part.strip(), level, True))
            continue
        m = NOTE_HTML.match(line)
        if m:
            footnotes[m.group(1)] = m.group(2)
            continue
        m = NOTE_UNI.match(line)
        if m:
            endnotes[m.group(1).translate(SUPERSCRIPTS)] = m.group(2)
            continue
        m = NOTE_STAR.match(line)
        if m and (mode in ("front", "contents") or not body):
            footnotes[m.group(1)] = m.group(2)
            continue
        if text == "Notes" and mode == "body":
            mode = "notes"
            continue
        if mode == "notes":
            continue
        if mode == "front":
            if text == "Contents":
                mode = "contents"
                front.append(Block("heading", line, level, bold))
                continue
            if NUMBERED.match(text) and not decorated:
                mode = "body"
            else:
                # A markdown hard break (two trailing spaces) keeps the next line in the same paragraph.
                hard_break = raw.endswith("  ") and index + 1 < len(lines) and lines[index + 1].strip()
                front.append(Block("heading" if decorated else "front", line, level, bold))
                front[-1].hard_break = bool(hard_break)
                continue
        if mode == "contents":
            if "\t" in raw or text == "Annexes" or re.search(r"\. \. \.", text):
                contents.append(raw.strip("\n"))
                continue
            mode = "body"
        body.append(body_block(line, raw, level, bold))
    return front, contents, merge_continuations(body), footnotes, endnotes


def body_block(line, raw, level, bold):
    text = plain(line)
    decorated = level > 0 or bold
    if "\t" in raw:
        return Block("table", rows=[[c.strip() for c in raw.strip().split("\t")]])
    if decorated or DECISION.match(text) or ANNEX.match(text):
        if not (decorated and len(text) > 200 and ends_sentence(text)):
            return Block("heading", line, level, bold)
    m = ROMAN_OR_LETTER.match(text)
    if m and len(text) < 160 and not ends_sentence(text):
        return Block("heading", line, level, bold)
    m = NUMBERED.match(line)
    if m and not decorated:
        return Block("para", m.group(2), label=m.group(1))
    m = LABELLED.match(line)
    if m and not decorated:
        return Block("item", m.group(2), label=m.group(1))
    return Block("text", line, level, bold)


def merge_continuations(blocks):
    """Joins text that a page break split in the corpus text back onto its paragraph, and
    consecutive table lines into one table."""
    out = []
    for block in blocks:
        prev = out[-1] if out else None
        if block.kind == "table" and prev is not None and prev.kind == "table":
            prev.rows.extend(block.rows)
            continue
        if block.kind == "text" and not block.bold and not block.level and prev is not None \
                and prev.kind in ("para", "item", "text") and not prev.bold and not prev.level:
            first = plain(block.text)[:1]
            if first.islower() or not ends_sentence(prev.text):
                joiner = "" if re.search(r"[A-Za-z]-$", plain(prev.text)) and first.islower() else " "
                prev.text = prev.text + joiner + block.text
                continue
        out.append(block)
    return out


# ---------------------------------------------------------------- list numbering

# The one multi-level list of the body: (ilvl, numFmt, lvlText, left indent, hanging).
LEVELS = [
    (0, "decimal", "%1.", 1134, 567),
    (1, "lowerLetter", "(%2)", 1134, 0),
    (2, "lowerRoman", "(%3)", 1701, 567),
    (3, "decimal", "(%4)", 2268, 567),
]


def letter_value(label):
    """"b" is 2, "aa" is 27 (Word repeats the letter after z)."""
    return (len(label) - 1) * 26 + ord(label[0]) - ord("a") + 1


def roman_value(label):
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for a, b in zip(label, label[1:] + " "):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


class ListNumbering:
    """Word's counting, to choose the w:num of each numbered paragraph: lists on one abstract
    definition share their counters; a new w:num restarts the levels it overrides at its
    first use. When the label the text wants is not the one Word would print next, the
    paragraph starts a new w:num whose overrides make Word print it."""

    def __init__(self):
        self.counters = [None] * len(LEVELS)
        self.nums = []          # per w:num: {ilvl: start}
        self.current = None

    def number(self, level, value):
        """The w:numId that makes Word print `value` at `level` for the next paragraph."""
        expected = 1 if self.counters[level] is None else self.counters[level] + 1
        if self.current is None or expected != value:
            # Higher levels carry on where they are (start at their next value), so the new
            # list prints the same whether a reader shares counters between lists or not.
            overrides = {higher: self.counters[higher] + 1 for higher in range(level)
                         if self.counters[higher] is not None}
            overrides[level] = value
            self.nums.append(overrides)
            self.current = len(self.nums)
        self.counters[level] = value
        for lower in range(level + 1, len(LEVELS)):
            self.counters[lower] = None
        return self.current


def item_level(label, previous):
    """The list level of a labelled clause: letters (a)…, roman (i)…, numbers (1)…
    "(i)" after "(h)" is a letter; "(v)" after "(iv)" is a roman numeral."""
    if label.isdigit():
        return 3, int(label)
    kind, value = previous
    if kind == "letter" and len(label) == 1 and letter_value(label) == value + 1:
        return 1, letter_value(label)
    if ROMAN.match(label) and (label == "i" or (kind == "roman" and roman_value(label) == value + 1)
                               or len(label) > 1):
        return 2, roman_value(label)
    return 1, letter_value(label)


# ---------------------------------------------------------------- WordprocessingML

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class Notes:
    """The footnotes and endnotes referenced from the text, with their w:id."""

    def __init__(self, footnotes, endnotes):
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.ids = {}           # (kind, marker) -> id

    def reference(self, kind, marker):
        key = (kind, marker)
        if key not in self.ids:
            self.ids[key] = len([k for k in self.ids if k[0] == kind]) + 1
        return self.ids[key]


def runs(text, notes, bold=False, italic_all=False):
    """Corpus inline notation to w:r runs: <sup>N</sup> a footnote reference, Unicode
    superscripts an endnote reference, stars after a masthead line a custom-mark
    reference, *…* and <i>…</i> italic, <b>…</b> bold."""
    out = []
    pattern = re.compile(r"(<sup>\s*\d+\s*</sup>|[" + SUP_CHARS + r"]+|<i>.*?</i>|<b>.*?</b>|<u>|</u>"
                         r"|(?<![\w*])\*[^*\s][^*]*?\*(?![\w*])|\*+$)")
    position = 0
    for m in pattern.finditer(text):
        if m.start() > position:
            out.append(run(text[position:m.start()], bold, italic_all))
        token = m.group(0)
        if token.startswith("<sup>"):
            marker = re.sub(r"\D", "", token)
            out.append(note_reference("footnote", notes.reference("footnote", marker)))
        elif token[0] in SUP_CHARS:
            marker = token.translate(SUPERSCRIPTS)
            out.append(note_reference("endnote", notes.reference("endnote", marker)))
        elif token.startswith("<i>"):
            out.append(run(token[3:-4], bold, True))
        elif token.startswith("<b>"):
            out.append(run(token[3:-4], True, italic_all))
        elif token in ("<u>", "</u>"):
            pass
        elif token.startswith("*") and token.strip("*") == "":
            if token in notes.footnotes:
                out.append(note_reference("footnote", notes.reference("footnote", token), custom=token))
            else:
                out.append(run(token, bold, italic_all))
        else:
            out.append(run(token[1:-1], bold, True))
        position = m.end()
    if position < len(text):
        out.append(run(text[position:], bold, italic_all))
    return "".join(out)


def run(text, bold=False, italic=False):
    if not text:
        return ""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def note_reference(kind, note_id, custom=None):
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    if custom:
        return (f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
                f'<w:{kind}Reference w:customMarkFollows="1" w:id="{note_id}"/><w:t>{escape(custom)}</w:t></w:r>')
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'


def paragraph(content, style=None, num=None, ilvl=0, keep_next=False):
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        props += "<w:keepNext/>"
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{content}</w:p>"


def table(rows, notes, widths):
    """A table with one paragraph per cell; a first row in italics is the header row."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    header = rows[0] if rows and rows[0] and rows[0][0].startswith("<i>") else None
    for index, cells in enumerate(rows):
        if header and index > 0 and cells == header:
            continue  # repeated on each page by w:tblHeader, not typed again
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header and index == 0 else ""
        cells = cells + [""] * (len(widths) - len(cells))
        tcs = []
        for width, cell in zip(widths, cells):
            text = LEADERS.sub("", cell).strip()
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                       f'{paragraph(runs(text, notes), "TableText")}</w:tc>')
        out.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def table_widths(rows):
    """Column widths (twips, 9,000 in all) in proportion to the longest text of each column."""
    count = max(len(r) for r in rows)
    longest = [max([len(plain(LEADERS.sub("", r[i]))) for r in rows if i < len(r)] + [1]) for i in range(count)]
    total = sum(min(n, 80) for n in longest)
    widths = [max(700, 9000 * min(n, 80) // total) for n in longest]
    widths[longest.index(max(longest))] -= sum(widths) - 9000
    return widths


def document_xml(front, contents, blocks, notes, numbering):
    body = []
    for block in front:
        style = f"Heading{block.level}" if block.level else None
        content = runs(block.text, notes, bold=block.bold)
        if getattr(block, "hard_break", False) and body and body[-1][1]:
            # Joined onto the previous masthead line with a manual line break.
            previous, _ = body.pop()
            body.append((previous[:-len("</w:p>")] + "<w:r><w:br/></w:r>" + content + "</w:p>", False))
            continue
        body.append((paragraph(content, style), getattr(block, "hard_break", False)))
    body = [p for p, _ in body]
    if contents:
        rows = [[c for c in raw.split("\t")] for raw in contents]
        body.append(table(rows, notes, table_widths(rows)))
    previous_item = ("none", 0)
    for block in blocks:
        if block.kind == "table":
            body.append(table(block.rows, notes, table_widths(block.rows)))
        elif block.kind == "para":
            num = numbering.number(0, int(block.label))
            body.append(paragraph(runs(block.text, notes), "BodyNumbered", num, 0))
            previous_item = ("none", 0)
        elif block.kind == "item":
            level, value = item_level(block.label, previous_item)
            num = numbering.number(level, value)
            body.append(paragraph(runs(block.text, notes), "BodyNumbered", num, level))
            previous_item = ({1: "letter", 2: "roman", 3: "number"}[level], value)
        elif block.kind == "heading" and block.level:
            body.append(paragraph(runs(block.text, notes), f"Heading{min(block.level, 6)}", keep_next=True))
        else:
            body.append(paragraph(runs(block.text, notes, bold=block.bold), keep_next=block.kind == "heading"))
    section = ('<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
               '<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>'
               '<w:pgSz w:w="11906" w:h="16838"/>'
               '<w:pgMar w:top="1701" w:right="1247" w:bottom="1701" w:left="1247" w:header="567" '
               'w:footer="567" w:gutter="0"/></w:sectPr>')
    return f'{XML_HEAD}<w:document {W_NS}><w:body>{"".join(body)}{section}</w:body></w:document>'


def notes_xml(kind, markers, texts, notes):
    """word/footnotes.xml or word/endnotes.xml: the two separators Word always writes, then
    the notes in the order of their w:id."""
    style = "FootnoteText" if kind == "footnote" else "EndnoteText"
    ref_style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    out = [f"{XML_HEAD}<w:{kind}s {W_NS}>",
           f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>']
    for marker, note_id in sorted(markers.items(), key=lambda item: item[1]):
        if marker.startswith("*"):
            mark = f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:t>{escape(marker)}</w:t></w:r>'
        else:
            mark = f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:{kind}Ref/></w:r>'
        body = f'{mark}<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs(texts.get(marker, ""), notes)}'
        out.append(f'<w:{kind} w:id="{note_id}">{paragraph(body, style)}</w:{kind}>')
    out.append(f"</w:{kind}s>")
    return "".join(out)


def numbering_xml(nums):
    levels = []
    for ilvl, fmt, text, left, hanging in LEVELS:
        indent = f'<w:ind w:left="{left}" w:hanging="{hanging}"/>' if hanging else \
            f'<w:ind w:left="{left}" w:firstLine="567"/>'
        levels.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                      f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>{indent}</w:pPr></w:lvl>')
    out = [f'{XML_HEAD}<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">'
           f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>']
    for index, overrides in enumerate(nums, start=1):
        lvl_overrides = "".join(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                                for ilvl, start in sorted(overrides.items()))
        out.append(f'<w:num w:numId="{index}"><w:abstractNumId w:val="0"/>{lvl_overrides}</w:num>')
    out.append("</w:numbering>")
    return "".join(out)


def styles_xml():
    def style(style_id, name, ppr="", rpr="", based="Normal", kind="paragraph", extra=""):
        based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
        return (f'<w:style w:type="{kind}" w:styleId="{style_id}"{extra}><w:name w:val="{name}"/>{based_on}'
                f'<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
    headings = "".join(
        style(f"Heading{n}", f"heading {n}",
              f'<w:keepNext/><w:spacing w:before="{360 - n * 40}" w:after="120"/><w:outlineLvl w:val="{n - 1}"/>',
              f'<w:b/><w:sz w:val="{max(20, 32 - n * 2)}"/>', extra="")
        for n in range(1, 7))
    return (f'{XML_HEAD}<w:styles {W_NS}>'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
            '<w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            '</w:docDefaults>'
            + style("Normal", "Normal", '<w:jc w:val="both"/>', based=None, extra=' w:default="1"')
            + headings
            + style("BodyNumbered", "Body numbered", '<w:ind w:left="1134"/>')
            + style("TableText", "Table text", '<w:spacing w:after="40"/><w:jc w:val="left"/>', '<w:sz w:val="18"/>')
            + style("FootnoteText", "footnote text", '<w:ind w:left="1134" w:hanging="170"/>', '<w:sz w:val="17"/>')
            + style("EndnoteText", "endnote text", '<w:ind w:left="1134" w:hanging="170"/>', '<w:sz w:val="17"/>')
            + style("FootnoteReference", "footnote reference", rpr='<w:vertAlign w:val="superscript"/>',
                    based=None, kind="character")
            + style("EndnoteReference", "endnote reference", rpr='<w:vertAlign w:val="superscript"/>',
                    based=None, kind="character")
            + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr>'
              '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
              '</w:tblPr></w:style>'
            + "</w:styles>")


def package(out_path, symbol, document, numbering, styles, footnotes, endnotes):
    parts = {
        "[Content_Types].xml": (
            f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            + ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' if footnotes else "")
            + ('<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>' if endnotes else "")
            + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>'),
        "docProps/core.xml": (
            f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{escape(symbol)}</dc:title><dc:creator>United Nations</dc:creator>'
            '<cp:lastModifiedBy>undoc scripts/make-corpus-docx.py</cp:lastModifiedBy></cp:coreProperties>'),
        "word/_rels/document.xml.rels": (
            f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            + ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' if footnotes else "")
            + ('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>' if endnotes else "")
            + '</Relationships>'),
        "word/document.xml": document,
        "word/styles.xml": styles,
        "word/numbering.xml": numbering,
    }
    if footnotes:
        parts["word/footnotes.xml"] = footnotes
    if endnotes:
        parts["word/endnotes.xml"] = endnotes
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def typeset(text_path, out_path, symbol, repeat=1):
    front, contents, blocks, footnotes, endnotes = read_corpus(text_path)
    # A long document for benchmarks: the body again (footnote markers left out) and again.
    original = blocks[:]
    for _ in range(repeat - 1):
        for block in original:
            again = copy.copy(block)
            again.text = re.sub(r"<sup>\s*\d+\s*</sup>|[" + SUP_CHARS + "]+", "", block.text)
            blocks.append(again)
    notes = Notes(footnotes, endnotes)
    numbering = ListNumbering()
    document = document_xml(front, contents, blocks, notes, numbering)
    footnote_ids = {marker: i for (kind, marker), i in notes.ids.items() if kind == "footnote"}
    endnote_ids = {marker: i for (kind, marker), i in notes.ids.items() if kind == "endnote"}
    missing = [m for m in footnote_ids if m not in footnotes] + [m for m in endnote_ids if m not in endnotes]
    if missing:
        print(f"{text_path}: notes referenced but not found: {missing}", file=sys.stderr)
    package(out_path, symbol, document, numbering_xml(numbering.nums), styles_xml(),
            notes_xml("footnote", footnote_ids, footnotes, notes) if footnote_ids else None,
            notes_xml("endnote", endnote_ids, endnotes, notes) if endnote_ids else None)
    return len(blocks), len(footnote_ids) + len(endnote_ids), len(numbering.nums)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, help="repeat document 002's body this many times, written to OUT")
    parser.add_argument("out", nargs="?", help="output file for --repeat")
    args = parser.parse_args()
    corpus = os.path.join(ROOT, "Corpus")
    if args.repeat:
        if not args.out:
            parser.error("--repeat needs an output file")
        name = "002_02cf9ff3ef13c05f"
        blocks, notes, lists = typeset(os.path.join(corpus, name + ".txt"), args.out, SYMBOLS[name], args.repeat)
        print(f"{args.out}: {blocks} blocks, {notes} notes, {lists} list instances")
        return
    os.makedirs(os.path.join(corpus, "docx"), exist_ok=True)
    for name, symbol in sorted(SYMBOLS.items()):
        out = os.path.join(corpus, "docx", name + ".docx")
        blocks, notes, lists = typeset(os.path.join(corpus, name + ".txt"), out, symbol)
        print(f"{out}: {blocks} blocks, {notes} notes, {lists} list instances ({symbol})")


if __name__ == "__main__":
    sys.exit(main())
