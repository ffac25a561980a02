"""Read an article as plain text, keeping a map from each character back to the source file.

Claims carry character offsets so a reviewer can find the sentence again. Offsets are
always into the text we report (HTML and Markdown are stripped first); ``source_offset``
maps any of them back to the original file, so nothing is lost by stripping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from nhsgraph.userfiles import MAX_ARTICLE_BYTES, UserFileError, read_text

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
# Elements whose end starts a new paragraph: sentences never run across them.
_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote", "section", "article", "header", "footer", "title", "pre", "hr", "figcaption", "dd", "dt", "nav", "aside", "main"]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


class ArticleError(ValueError):
    """An article that cannot be read as text (binary, not UTF-8)."""


@dataclass
class ArticleText:
    """The text we report, and for each of its characters the offset in the source file."""

    text: str
    offsets: list[int] = field(default_factory=list)
    source_length: int = 0
    format: str = "text"

    def source_offset(self, index: int) -> int:
        """The source-file offset of text index ``index`` (``len(text)`` maps to the source end)."""
        if not self.offsets:
            return index
        if index >= len(self.offsets):
            return self.source_length
        return self.offsets[index]


class _Builder:
    """Accumulates output characters, each with the source offset it came from."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, source_start: int, one_to_one: bool = True) -> None:
        for i, char in enumerate(text):
            self.chars.append(char)
            self.offsets.append(source_start + (i if one_to_one else 0))

    def paragraph(self, source_at: int) -> None:
        """End the current paragraph (at most one blank line between paragraphs)."""
        while self.chars and self.chars[-1] in " \t":
            self.chars.pop()
            self.offsets.pop()
        tail = "".join(self.chars[-2:])
        needed = "\n\n" if not tail.endswith("\n") else ("\n" if not tail.endswith("\n\n") else "")
        if self.chars:
            self.add(needed, source_at, one_to_one=False)

    def result(self, source: str, fmt: str) -> ArticleText:
        return ArticleText("".join(self.chars), self.offsets, len(source), fmt)


class _HtmlToText(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out = _Builder()
        self.skipping = 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.out.paragraph(self._here())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.out.paragraph(self._here())

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        start = self._here()
        # Collapse runs of whitespace (HTML renders them as one space), keeping offsets.
        for match in re.finditer(r"\s+|\S+", data):
            piece = match.group()
            if piece.isspace():
                if self.out.chars and self.out.chars[-1] not in " \n":
                    self.out.add(" ", start + match.start(), one_to_one=False)
            else:
                self.out.add(piece, start + match.start())

    def _reference(self, char: str) -> None:
        if not self.skipping:
            self.out.add(char, self._here(), one_to_one=False)

    def handle_entityref(self, name: str) -> None:
        self._reference(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference(unescape(f"&#{name};"))


def html_to_text(source: str) -> ArticleText:
    """Visible text of an HTML page: block elements become paragraphs; script and style are dropped."""
    parser = _HtmlToText(source)
    parser.feed(source)
    parser.close()
    return parser.out.result(source, "html")


_MD_LINE_PREFIX = re.compile(r"^(?:\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+))+")
_MD_INLINE = re.compile(
    r"!?\[(?P<link>[^\]]*)\]\([^)]*\)"  # [text](url), ![alt](src)
    r"|<(?P<auto>https?://[^>]+)>"  # <http://...>
    r"|(?P<mark>\*\*|__|\*|_(?=\w)|(?<=\w)_|`+|~~)"  # emphasis and code markers
)
_MD_FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_to_text(source: str) -> ArticleText:
    """Markdown without its markup: headings, list and quote markers, emphasis, link targets."""
    out = _Builder()
    position = 0
    in_fence = False
    for line in source.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _MD_FENCE.match(body):
            in_fence = not in_fence
            out.paragraph(position)
        elif in_fence:
            out.add(line, position)
        elif not body.strip() or re.fullmatch(r"\s*([-*_=])(\s*\1){2,}\s*", body):
            out.paragraph(position)
        else:
            prefix = _MD_LINE_PREFIX.match(body)
            start = prefix.end() if prefix else 0
            if prefix and re.search(r"#|[-*+]|\d+[.)]", prefix.group()):
                out.paragraph(position)  # headings and list items are paragraphs of their own
            cursor = start
            for match in _MD_INLINE.finditer(body, start):
                out.add(body[cursor:match.start()], position + cursor)
                if match.group("link") is not None:
                    out.add(match.group("link"), position + match.start("link"))
                elif match.group("auto") is not None:
                    out.add(match.group("auto"), position + match.start("auto"))
                cursor = match.end()
            out.add(body[cursor:], position + cursor)
            out.add(" " if not body.endswith("  ") else "\n", position + len(body), one_to_one=False)
        position += len(line)
    return out.result(source, "markdown")


def read_article(path: str | Path) -> ArticleText:
    """Read ``path`` as UTF-8 text, stripping HTML or Markdown by its suffix."""
    file = Path(path)
    try:
        source = read_text(file, MAX_ARTICLE_BYTES, "articles", what="the article")
    except UserFileError as exc:
        raise ArticleError(str(exc)) from None
    if "\x00" in source:
        raise ArticleError(f"{file}: contains NUL bytes; is it a binary file?")
    return parse_article(source, file.suffix.lower())


def parse_article(source: str, suffix: str = ".txt") -> ArticleText:
    """Text of an article given its source and file suffix (``.html``, ``.md`` or anything else)."""
    if suffix in HTML_SUFFIXES:
        return html_to_text(source)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_to_text(source)
    return ArticleText(source, [], len(source), "text")
