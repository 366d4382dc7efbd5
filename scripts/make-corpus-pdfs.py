#!/usr/bin/env python3
"""Typesets the corpus documents (Corpus/*.txt) as United Nations PDFs: Corpus/pdf/*.pdf.

The PDFs are committed, so CI does not need this script; run it again after a change to a
corpus text or to the layout:

    pip install reportlab
    python3 scripts/make-corpus-pdfs.py                  # Corpus/pdf/001…003.pdf
    python3 scripts/make-corpus-pdfs.py --pages 500 OUT  # a long PDF for BENCHMARKS.md

Layout (A4, Times, as in UN documents): a page-1 masthead with "United Nations", the
symbol at top right, the organ, Distr./date/Original at right, a rule, then the body,
session, place, agenda and title lines; later pages carry the symbol as a running head on
the outer side (left on even pages, right on odd) and the page number at the bottom outer
corner; page 1 carries the job number and its barcode line at the bottom. Paragraph numbers
and chapter numbers hang in the left margin; lettered clauses have a first-line indent;
footnotes are set at the bottom of the page where their marker occurs, with small raised
markers in the text; the contents and the lists of documents are tables.

The corpus texts do not print their own symbols; the PDFs use the real symbols of the
documents (SYMBOLS below, as in Corpus/manifest.tsv), and invented but well-formed job
numbers. Tests/UNDocIngestTests/PDFParityTests.swift checks that each PDF gives the model
of its text.
"""
import argparse
import os
import re
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from corpus_text import (ANNEX, DECISION, LABELLED, NOTE_HTML, NOTE_STAR, NOTE_UNI, NUMBERED, ROMAN_OR_LETTER,
                         SUP_CHARS, SUPERSCRIPTS, ends_sentence, plain)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Document symbol and job number of each corpus document.
SYMBOLS = {
    "001_caccf940e690384d": ("CTOC/COP/WG.4/2010/L.1/Add.1", "V.10-50452 (E)"),
    "002_02cf9ff3ef13c05f": ("CTOC/COP/2006/14", "V.06-59850 (E)"),
    "003_d14f16574e34a7cb": ("E/CN.15/2005/8", "V.05-82842 (E)"),
}

PAGE_W, PAGE_H = A4
LEFT = 72.0           # left margin: running heads, masthead, table labels
NUM_X = 84.0          # hanging paragraph and chapter numbers
BODY_X = 112.0        # left edge of body text
BODY_R = 493.0        # right edge of body text
RIGHT = 523.0         # right margin: running heads, masthead symbol
BODY_W = BODY_R - BODY_X
TOP = PAGE_H - 72.0   # first baseline area on pages 2…
BOTTOM = 72.0         # lowest text on a page (footnotes sit above it)
FIRST_BOTTOM = 96.0   # page 1 keeps room for the job number and barcode

ORGANS = {"General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council"}


def style(name, font="Times-Roman", size=10.0, leading=12.0, **kw):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **kw)


S_BODY = style("body", alignment=4)                       # justified
S_ITEM = style("item", alignment=4, firstLineIndent=28)   # "(a)" clauses, unnumbered paragraphs
S_HEAD = style("head", "Times-Bold")
S_CHAP = style("chapter", "Times-Bold", 12, 14)
S_TITLE = style("title", "Times-Bold", 14, 17)
S_NOTE = style("note", size=8.5, leading=10, alignment=4)
S_CELL = style("cell", size=10, leading=12)
S_FRONT = style("front")
S_FRONT_B = style("frontbold", "Times-Bold")


# ---------------------------------------------------------------- reading the corpus text

class Block:
    """One thing to typeset: kind is front, contents, heading, chapter, para, item, text, table."""

    def __init__(self, kind, text="", label=None, rows=None):
        self.kind = kind
        self.text = text
        self.label = label
        self.rows = rows or []


def markup(text):
    """Corpus inline notation to reportlab markup: footnote markers raised, emphasis italic."""
    text = text.replace("&", "&amp;")
    text = re.sub(r"<sup>\s*(\d+)\s*</sup>", r"<super>\1</super>", text)
    text = re.sub("[" + SUP_CHARS + "]+", lambda m: "<super>" + m.group(0).translate(SUPERSCRIPTS) + "</super>", text)
    text = text.replace("<b>", "").replace("</b>", "").replace("<u>", "").replace("</u>", "")
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<i>\1</i>", text)
    text = text.replace("<", "\x00").replace(">", "\x01")
    # Restore the tags we mean; escape any other angle bracket.
    text = re.sub("\x00(/?(?:i|super))\x01", r"<\1>", text)
    return text.replace("\x00", "&lt;").replace("\x01", "&gt;")


def strip_line(raw):
    """Takes off markdown heading marks, bullets and bold wrappers; says if the line was decorated."""
    line = raw.strip()
    decorated = False
    m = re.match(r"^(#{1,6})\s+(.*)$", line)
    if m:
        decorated = True
        line = m.group(2).strip()
    if line.startswith("- ") and not line.startswith("---"):
        line = line[2:].strip()
    while len(line) > 4 and line.startswith("**") and line.endswith("**"):
        decorated = True
        line = line[2:-2].strip()
    if line.startswith("<b>") and line.endswith("</b>"):
        decorated = True
        line = line[3:-4].strip()
    return line, decorated


MASTHEAD_RIGHT = re.compile(r"^(Distr\.:|Original:|\d{1,2} [A-Z][a-z]+ \d{4}$)")


def read_corpus(path):
    """Reads a corpus text into front-matter lines, contents rows, body blocks and notes."""
    raw_lines = open(path, encoding="utf-8").read().split("\n")
    notes = {}
    front, contents, body = [], [], []
    mode = "front"
    for raw in raw_lines:
        if not raw.strip() or re.match(r"^\s*[-_*]{3,}\s*$", raw) or raw.strip() == "-":
            continue
        line, decorated = strip_line(raw)
        text = plain(line)
        if not text:
            continue
        # Two headings that the conversion fused on one line ("**A****B**") are two headings.
        if decorated and "****" in line and mode == "body":
            for part in line.split("****"):
                if part.strip():
                    body.append(body_block(part.strip(), part.strip(), True, body))
            continue
        m = NOTE_HTML.match(line) or NOTE_UNI.match(line)
        if m:
            notes[m.group(1).translate(SUPERSCRIPTS)] = m.group(2)
            continue
        m = NOTE_STAR.match(line)
        if m and mode in ("front", "contents") or (m and not body):
            notes[m.group(1)] = m.group(2)
            continue
        if text == "Notes" and mode == "body":
            mode = "notes"
            continue
        if mode == "notes":
            continue
        if mode == "front":
            if text == "Contents":
                mode = "contents"
                continue
            if NUMBERED.match(text) and not decorated:
                mode = "body"
            else:
                front.append(line)
                continue
        if mode == "contents":
            if "\t" in raw or text == "Annexes" or re.search(r"\. \. \.", text):
                contents.append(raw.strip())
                continue
            mode = "body"
        body.append(body_block(line, raw, decorated, body))
    return front, contents, merge_continuations(body), notes


def body_block(line, raw, decorated, body):
    text = plain(line)
    if "\t" in raw:
        cells = [c.strip() for c in raw.strip().split("\t")]
        return Block("table", rows=[cells])
    if DECISION.match(text) or ANNEX.match(text):
        return Block("chapter" if ANNEX.match(text) else "heading", line)
    m = ROMAN_OR_LETTER.match(text)
    if m and (decorated or (len(text) < 160 and not ends_sentence(text))):
        kind = "chapter" if re.match(r"^[IVXLC]+$", m.group(1)) and len(m.group(1)) > 0 and (
            len(m.group(1)) > 1 or m.group(1) in "IVX") and not body_has_section_after(body, m.group(1)) else "heading"
        label_text = re.match(r"^([IVXLC]+|[A-Z])\.\s+(.*)$", line)
        return Block(kind, label_text.group(2), label=m.group(1) + ".")
    m = NUMBERED.match(line)
    if m:
        if decorated:
            return Block("heading", m.group(2), label=m.group(1) + ".")
        return Block("para", m.group(2), label=m.group(1) + ".")
    m = LABELLED.match(line)
    if m:
        return Block("item", m.group(2), label="(" + m.group(1) + ")")
    if decorated and not (len(text) > 200 and ends_sentence(text)):
        return Block("heading", line)
    return Block("text", line)


def body_has_section_after(body, label):
    # "I." after section H is section I (a letter), not chapter I.
    for block in reversed(body):
        if block.kind in ("heading", "chapter") and block.label:
            return block.label == "H."
    return False


def merge_continuations(blocks):
    """Joins text that a page break split in the corpus text back onto its paragraph, and
    consecutive table lines into one table."""
    out = []
    for block in blocks:
        prev = out[-1] if out else None
        if block.kind == "table" and prev is not None and prev.kind == "table":
            prev.rows.extend(block.rows)
            continue
        if block.kind == "text" and prev is not None and prev.kind in ("para", "item", "text"):
            first = plain(block.text)[:1]
            if first.islower() or not ends_sentence(prev.text):
                joiner = "" if re.search(r"[A-Za-z]-$", plain(prev.text)) and first.islower() else " "
                prev.text = prev.text + joiner + block.text
                continue
        out.append(block)
    return out


# ---------------------------------------------------------------- page layout

class Page:
    def __init__(self, number):
        self.number = number
        self.items = []      # (flowable or callable, x, y)
        self.notes = []      # footnote markers, in order


class Layout:
    """Fills pages line by line so that each footnote lands on the page of its marker."""

    def __init__(self, symbol, job, notes):
        self.symbol = symbol
        self.job = job
        self.notes = notes
        self.note_paras = {}
        self.pages = []
        self.new_page()

    # -- pages

    def new_page(self):
        self.page = Page(len(self.pages) + 1)
        self.pages.append(self.page)
        self.y = TOP
        self.at_top = True

    def bottom(self):
        base = FIRST_BOTTOM if self.page.number == 1 else BOTTOM
        notes = self.notes_height(self.page.notes)
        return base + notes

    def note_para(self, marker):
        if marker not in self.note_paras:
            para = Paragraph(markup(self.notes.get(marker, "")), S_NOTE)
            para.wrap(BODY_W, 10000)
            self.note_paras[marker] = para
        return self.note_paras[marker]

    def notes_height(self, markers):
        if not markers:
            return 0.0
        return 14.0 + sum(self.note_para(m).height + 2 for m in markers)

    # -- placing

    def space(self, points):
        if not self.at_top:
            self.y -= points

    def place(self, para, x, width, label=None, label_x=NUM_X, label_style=None, keep=0.0, whole=False):
        """Places a paragraph, splitting it across pages; `keep` is room the next block needs;
        `whole` keeps it on one page (table rows)."""
        para.wrap(width, 100000)
        if whole and not self.at_top and self.y - para.height < self.bottom():
            self.new_page()
        lines = para.blPara.lines
        leading = para.style.leading
        markers_by_line = [markers_in(line) for line in lines]
        first = True
        start = 0
        while start < len(lines):
            avail = self.y - self.bottom()
            count = 0
            notes = list(self.page.notes)
            while start + count < len(lines):
                new = [m for m in markers_by_line[start + count] if m not in notes and m in self.notes]
                need = (count + 1) * leading + self.notes_height(notes + new) - self.notes_height(self.page.notes)
                if need > avail:
                    break
                notes.extend(new)
                count += 1
            remaining = len(lines) - start - count
            # No widow or orphan lines, and keep a heading with what follows it.
            if remaining == 1 and count > 2:
                count -= 1
            if first and count == 1 and len(lines) > 1:
                count = 0
            if count == len(lines) and keep and self.y - count * leading - keep < self.bottom():
                count = 0
            if count == 0:
                if self.at_top:
                    count = 1
                else:
                    self.new_page()
                    continue
            part = self.slice(para, start, count, width)
            height = count * leading
            top = self.y
            self.page.items.append((part, x, top - height))
            if first and label:
                baseline = top - para.style.fontSize
                self.page.items.append((("label", label, label_style or para.style), label_x, baseline))
            for index in range(start, start + count):
                for marker in markers_by_line[index]:
                    if marker in self.notes and marker not in self.page.notes:
                        self.page.notes.append(marker)
            self.y -= height
            self.at_top = False
            start += count
            first = False
            if start < len(lines):
                self.new_page()

    def slice(self, para, start, count, width):
        """Lines start..<start+count of a paragraph as a paragraph of their own."""
        parts = [para]
        if start > 0:
            parts = para.split(width, start * para.style.leading + 0.01)
            rest = parts[1] if len(parts) > 1 else parts[0]
        else:
            rest = para
        rest.wrap(width, 100000)
        if count < len(rest.blPara.lines):
            head = rest.split(width, count * para.style.leading + 0.01)[0]
        else:
            head = rest
        head.wrap(width, 100000)
        return head

    def text_line(self, text, x, style, align="left"):
        if self.y - style.leading < self.bottom():
            self.new_page()
        self.y -= style.leading
        self.page.items.append((("text", text, style, align), x, self.y + (style.leading - style.fontSize)))
        self.at_top = False


def markers_in(line):
    found = []
    for word in getattr(line, "words", []):
        if getattr(word, "rise", 0) > 0 and getattr(word, "text", "").strip():
            found.append(word.text.strip())
    return found


# ---------------------------------------------------------------- the document parts

def masthead(layout, front, symbol):
    page = layout.page
    items = page.items
    items.append((("text", "United Nations", style("un", "Helvetica-Bold", 15, 18), "left"), LEFT, PAGE_H - 62))
    items.append((("text", symbol, style("sym", "Helvetica-Bold", 15, 18), "right"), RIGHT, PAGE_H - 62))
    organ = next((plain(l) for l in front if plain(l) in ORGANS), None)
    if organ:
        items.append((("text", organ, style("organ", "Helvetica-Bold", 17, 20), "left"), LEFT + 70, PAGE_H - 96))
    right = [plain(l) for l in front if MASTHEAD_RIGHT.match(plain(l))]
    y = PAGE_H - 92
    for text in right:
        if text.startswith("Original"):
            y -= 12
        items.append((("text", text, S_FRONT, "left"), 400, y))
        y -= 12
    items.append((("rule", 3.0), LEFT, min(y, PAGE_H - 124)))
    layout.y = min(y, PAGE_H - 124) - 16
    layout.at_top = True
    rest = [l for l in front if plain(l) not in ORGANS and not MASTHEAD_RIGHT.match(plain(l))]
    info = re.compile(r"(session$|^[A-Z][A-Za-z .'-]+, \d|^(Agenda )?[Ii]tem \d|^Conference of|^Working Group|^Commission on)")
    titles = False
    previous_agenda = False
    for line in rest:
        text = plain(line)
        if not titles and (info.search(text) or previous_agenda):
            para = Paragraph(markup(line), S_FRONT_B if previous_agenda or text.startswith(("Conference", "Working", "Commission")) else S_FRONT)
            layout.place(para, LEFT, RIGHT - LEFT)
            previous_agenda = bool(re.match(r"^(Agenda )?[Ii]tem \d+[^:]*$", text))
            continue
        # Separate title paragraphs stand apart; a wrapped title does not.
        layout.space(18)
        titles = True
        big = text.startswith(("Report", "Draft", "Strengthening", "Note"))
        layout.place(Paragraph(markup(line), S_TITLE if big else S_HEAD), BODY_X, BODY_W)
    # Starred notes on masthead lines ("Item 6 of the provisional agenda*") go to page 1.
    for line in front:
        m = re.search(r"(\*+)$", line.strip())
        if m and m.group(1) in layout.notes:
            layout.page.notes.append(m.group(1))
    layout.space(12)


def contents_table(layout, rows):
    layout.space(14)
    layout.place(Paragraph("Contents", S_CHAP), BODY_X, BODY_W)
    layout.space(8)
    for raw in rows:
        cells = [plain(c) for c in raw.split("\t")]
        if all(not c or c in ("Chapter", "Paragraphs", "Page") for c in cells):
            header = [c for c in cells if c]
            layout.text_line("", LEFT, S_CELL)
            layout.page.items.append((("text", "Page", style("i", "Times-Italic"), "right"), BODY_R, layout.y + 2))
            if "Paragraphs" in header:
                layout.page.items.append((("text", "Paragraphs", style("i", "Times-Italic"), "right"), BODY_R - 40, layout.y + 2))
            if "Chapter" in header:
                layout.page.items.append((("text", "Chapter", style("i", "Times-Italic"), "left"), LEFT, layout.y + 2))
            layout.space(4)
            continue
        if cells == ["Annexes", "", "", ""] or cells[0] == "Annexes":
            layout.space(6)
            layout.place(Paragraph("Annexes", S_HEAD), BODY_X, BODY_W)
            continue
        label = None
        first = cells[0]
        m = re.match(r"^((?:\d+/\d+)|[IVXLC]+|[A-Z])\.\s*(.*)$", first)
        if m:
            label = m.group(1) + "."
            cells[0] = m.group(2)
        if not cells[0] and len(cells) > 1 and label:
            cells = cells[1:]
        title = re.sub(r"[ .]*\. \. \.[ .]*$", "", cells[0]).strip()
        numbers = [c for c in cells[1:] if c]
        page = numbers[-1] if numbers else ""
        paras = numbers[-2] if len(numbers) > 1 else ""
        title_x = BODY_X + (14 if label and re.match(r"^[A-Z]\.$", label) and not re.match(r"^[IVX]\.$", label) else 0)
        para = Paragraph(title + " " + ". " * 3, style("row", alignment=0))
        width = BODY_R - 70 - title_x
        layout.place(para, title_x, width, label=label, label_x=title_x - 28, label_style=S_CELL, whole=True)
        end_y = layout.y
        layout.page.items.append((("text", page, S_CELL, "right"), BODY_R, end_y + 2))
        if paras:
            layout.page.items.append((("text", paras, S_CELL, "right"), BODY_R - 40, end_y + 2))
        layout.space(3)
    layout.space(6)


def table(layout, rows):
    """A two-column table (officers, lists of documents): the first column at the body
    edge, the second wrapped in its own column; a header row in italics."""
    layout.space(6)
    widths = [int(max(len(plain(r[0])) for r in rows) * 5.2) + 14, 0]
    widths[0] = min(max(widths[0], 90), 170)
    col2 = BODY_X + widths[0]
    for cells in rows:
        first = plain(cells[0])
        second = " ".join(c for c in cells[1:] if c)
        is_header = cells[0].startswith("<i>")
        s = style("th", "Times-Italic") if is_header else S_CELL
        para = Paragraph(markup(plain(second)), s)
        para.wrap(BODY_R - col2, 10000)
        if layout.y - min(para.height, 24) < layout.bottom():
            layout.new_page()
            if not is_header and rows[0][0].startswith("<i>"):
                header = rows[0]
                hs = style("th", "Times-Italic")
                layout.page.items.append((("text", plain(header[0]), hs, "left"), BODY_X, layout.y - 10))
                layout.place(Paragraph(markup(plain(header[1])), hs), col2, BODY_R - col2)
                layout.space(4)
        layout.place(para, col2, BODY_R - col2, label=first, label_x=BODY_X, label_style=s, whole=True)
        layout.space(4 if is_header else 2)
    layout.space(6)


def body(layout, blocks):
    for index, block in enumerate(blocks):
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        keep = 30.0 if nxt is not None else 0.0
        if block.kind == "chapter":
            layout.space(20)
            text = block.text
            para = Paragraph(markup(text), S_CHAP)
            layout.place(para, BODY_X if block.label else LEFT + 20, BODY_W, label=block.label, keep=keep,
                         label_style=S_CHAP)
            layout.space(8)
        elif block.kind == "heading":
            layout.space(14)
            para = Paragraph(markup(block.text), S_HEAD)
            layout.place(para, BODY_X, BODY_W, label=block.label, keep=keep, label_style=S_HEAD)
            layout.space(6)
        elif block.kind == "para":
            layout.place(Paragraph(markup(block.text), S_BODY), BODY_X, BODY_W, label=block.label)
            layout.space(6)
        elif block.kind == "item":
            layout.place(Paragraph(markup(block.text), S_ITEM), BODY_X, BODY_W, label=block.label,
                         label_x=BODY_X + 0.5)
            layout.space(6)
        elif block.kind == "text":
            layout.place(Paragraph(markup(block.text), S_ITEM), BODY_X, BODY_W)
            layout.space(6)
        elif block.kind == "table":
            table(layout, block.rows)


# ---------------------------------------------------------------- drawing

def draw(layout, out_path, title):
    c = canvas.Canvas(out_path, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("United Nations")
    c.setCreator("undoc scripts/make-corpus-pdfs.py (reportlab)")
    for page in layout.pages:
        for item, x, y in page.items:
            if isinstance(item, tuple):
                kind = item[0]
                if kind == "text":
                    _, text, st, align = item
                    c.setFont(st.fontName, st.fontSize)
                    if align == "right":
                        c.drawRightString(x, y, text)
                    else:
                        c.drawString(x, y, text)
                elif kind == "label":
                    _, text, st = item
                    c.setFont(st.fontName, st.fontSize)
                    c.drawString(x, y, text)
                elif kind == "rule":
                    c.setLineWidth(item[1])
                    c.line(LEFT, y, RIGHT, y)
            else:
                item.drawOn(c, x, y)
        # Footnotes at the bottom of the page, above the page number.
        base = FIRST_BOTTOM if page.number == 1 else BOTTOM
        if page.notes:
            y = base + sum(layout.note_para(m).height + 2 for m in page.notes)
            c.setLineWidth(0.5)
            c.line(BODY_X, y + 8, BODY_X + 72, y + 8)
            for marker in page.notes:
                para = layout.note_para(marker)
                para.drawOn(c, BODY_X, y - para.height)
                c.setFont("Times-Roman", 6.5 if marker[0].isdigit() else 8.5)
                c.drawRightString(BODY_X - 4, y - 8.5 + (3 if marker[0].isdigit() else 0), marker)
                y -= para.height + 2
        if page.number == 1:
            c.setFont("Helvetica", 8)
            c.drawString(LEFT, 56, layout.job)
            code = "*" + re.sub(r"\D", "", layout.job) + "*"
            c.setFont("Courier-Bold", 12)
            c.drawString(LEFT, 40, code)
        else:
            c.setFont("Helvetica-Bold", 9)
            if page.number % 2 == 0:
                c.drawString(LEFT, PAGE_H - 44, layout.symbol)
                c.setFont("Times-Roman", 9)
                c.drawString(LEFT, 44, str(page.number))
            else:
                c.drawRightString(RIGHT, PAGE_H - 44, layout.symbol)
                c.setFont("Times-Roman", 9)
                c.drawRightString(RIGHT, 44, str(page.number))
        c.showPage()
    c.save()


def typeset(text_path, out_path, symbol, job, pages=None):
    front, contents, blocks, notes = read_corpus(text_path)
    layout = Layout(symbol, job, notes)
    masthead(layout, front, symbol)
    if contents:
        contents_table(layout, contents)
    body(layout, blocks)
    # A long PDF for benchmarks: the body again (footnote markers left out) until it is long enough.
    while pages and len(layout.pages) < pages:
        repeat = [Block(b.kind, re.sub(r"<sup>\s*\d+\s*</sup>|[" + SUP_CHARS + "]+", "", b.text), b.label, b.rows)
                  for b in blocks]
        body(layout, repeat)
    if pages:
        layout.pages = layout.pages[:pages]
    draw(layout, out_path, symbol)
    return len(layout.pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, help="repeat document 002 to this many pages, written to OUT")
    parser.add_argument("out", nargs="?", help="output file for --pages")
    args = parser.parse_args()
    corpus = os.path.join(ROOT, "Corpus")
    if args.pages:
        name = "002_02cf9ff3ef13c05f"
        count = typeset(os.path.join(corpus, name + ".txt"), args.out, *SYMBOLS[name], pages=args.pages)
        print(f"{args.out}: {count} pages")
        return
    os.makedirs(os.path.join(corpus, "pdf"), exist_ok=True)
    for name, (symbol, job) in sorted(SYMBOLS.items()):
        out = os.path.join(corpus, "pdf", name + ".pdf")
        count = typeset(os.path.join(corpus, name + ".txt"), out, symbol, job)
        print(f"{out}: {count} pages ({symbol})")


if __name__ == "__main__":
    sys.exit(main())
