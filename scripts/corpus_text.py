"""What the corpus generators (make-corpus-pdfs.py, make-corpus-docx.py) share when they
read a corpus text: the shapes of its lines and two tests on them. Each generator reads the
text into the blocks it typesets in its own way."""
import re

SUP_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPTS = str.maketrans(SUP_CHARS, "0123456789")

NOTE_HTML = re.compile(r"^<sup>\s*(\d+)\s*</sup>\s*(.*)$")
NOTE_UNI = re.compile("^([" + SUP_CHARS + "]+)\\s*(.*)$")
NOTE_STAR = re.compile(r"^(\*{1,3})\s+(.*)$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
LABELLED = re.compile(r"^\(([a-z]+|\d+)\)\s+(.*)$")
ROMAN_OR_LETTER = re.compile(r"^([IVXLC]+|[A-Z])\.\s+(.*)$")
DECISION = re.compile(r"^Decision \d+/\d+$")
ANNEX = re.compile(r"^Annex(es)?( [IVX]+)?$")


def plain(text):
    """Text without markup, for deciding what a line is."""
    text = re.sub(r"</?(?:i|b|u|sup)>", "", text)
    return text.replace("**", "").strip()


def ends_sentence(text):
    t = re.sub(r"(<sup>\s*\d+\s*</sup>|[" + SUP_CHARS + r"*])+$", "", plain(text)).rstrip()
    return bool(t) and t[-1] in ".;:!?" or t.endswith(".)")
