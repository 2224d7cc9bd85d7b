"""Small EPUB books made for the tests (and bench/), valid under EPUBCheck 5 as they are.

`make_book(version=3|2, …)` writes a book with chapters in nested folders, an image, a
stylesheet, a cover, an existing `<ruby>`, entities, and a chapter in English (`lang="en"`).
Chapters are given as XHTML body markup.
"""
from __future__ import annotations

import io
import zipfile

PNG = bytes.fromhex(  # a 1×1 PNG
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "f01f0005000201e2d7f6a40000000049454e44ae426082")

CHAPTERS = [
    ("第一章", '<h1 id="c1">第一章 银行</h1>\n<p>我们去<a href="ch2.xhtml">银行</a>取钱，'
               '<b>重要</b>的事情&amp;别的。他说：“好的。”</p>\n'
               '<p>已有注音的<ruby>汉<rt>hàn</rt></ruby>字&#x4E2D;文。</p>\n'
               '<p><img src="../images/pic.png" alt="一张图片"/></p>'),
    ("第二章", '<h1 id="c2">第二章 长大</h1>\n<p>孩子们长大了，他们都很高兴。</p>\n'
               '<ul><li>第一项</li><li>第二项<br/>换行</li></ul>\n<pre>代码 不要注音</pre>'),
    ("Chapter in English", '<h1>A chapter in English</h1>\n<p>Nothing here is Chinese: 中文 in English.</p>'),
]


def _chapter(title: str, body: str, version: int, lang: str) -> str:
    if version == 3:
        return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
                f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
                f'lang="{lang}" xml:lang="{lang}">\n<head>\n<title>{title}</title>\n'
                '<link rel="stylesheet" type="text/css" href="../styles/book.css"/>\n</head>\n'
                f'<body>\n{body}\n</body>\n</html>\n')
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}">\n<head>\n<title>{title}</title>\n'
            '<link rel="stylesheet" type="text/css" href="../styles/book.css"/>\n</head>\n'
            f'<body>\n{body}\n</body>\n</html>\n')


def make_book(version: int = 3, chapters=None, *, title: str = "测试之书", extra: dict | None = None) -> bytes:
    """The bytes of a small EPUB (3 with a navigation document, or 2 with an NCX only)."""
    chapters = chapters if chapters is not None else CHAPTERS
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles><rootfile full-path="OEBPS/content.opf" '
        'media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n',
        "OEBPS/styles/book.css": "body { margin: 1em; }\nh1 { font-size: 1.4em; }\n",
        "OEBPS/images/pic.png": PNG,
        "OEBPS/images/cover.png": PNG,
    }
    manifest = ['<item id="css" href="styles/book.css" media-type="text/css"/>',
                '<item id="pic" href="images/pic.png" media-type="image/png"/>',
                '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>']
    manifest.append('<item id="cover" href="images/cover.png" media-type="image/png"'
                    + (' properties="cover-image"/>' if version == 3 else "/>"))
    spine, points, links = [], [], []
    for number, (name, body) in enumerate(chapters, start=1):
        lang = "en" if "English" in name else "zh-CN"
        if version == 2:  # EPUB 2's XHTML has no ruby
            body = body.replace("<ruby>汉<rt>hàn</rt></ruby>", "汉")
        files[f"OEBPS/text/ch{number}.xhtml"] = _chapter(name, body, version, lang)
        manifest.append(f'<item id="ch{number}" href="text/ch{number}.xhtml" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="ch{number}"/>')
        points.append(f'<navPoint id="np{number}" playOrder="{number}"><navLabel><text>{name}</text></navLabel>'
                      f'<content src="text/ch{number}.xhtml"/></navPoint>')
        links.append(f'<li><a href="text/ch{number}.xhtml">{name}</a></li>')
    files["OEBPS/toc.ncx"] = ('<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
                              'version="2005-1">\n<head><meta name="dtb:uid" content="urn:uuid:0f6e1c2a-3b4d-4e5f-8a9b-'
                              '0c1d2e3f4a5b"/><meta name="dtb:depth" content="1"/><meta name="dtb:totalPageCount" '
                              'content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>\n'
                              f'<docTitle><text>{title}</text></docTitle>\n<navMap>{"".join(points)}</navMap>\n</ncx>\n')
    if version == 3:
        files["OEBPS/nav.xhtml"] = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns='
                                    '"http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
                                    'lang="zh-CN" xml:lang="zh-CN">\n<head><title>目录</title></head>\n<body>\n'
                                    f'<nav epub:type="toc" id="toc"><h1>目录</h1>\n<ol>\n{"".join(links)}\n</ol></nav>\n'
                                    '</body>\n</html>\n')
        manifest.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
        metadata = ('<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>\n')
        package = '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="zh-CN">'
    else:
        metadata = '<meta name="cover" content="cover"/>\n'
        package = '<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">'
    creator = ('<dc:creator opf:role="aut" opf:file-as="作者, 某">某作者</dc:creator>' if version == 2
               else '<dc:creator>某作者</dc:creator>')
    files["OEBPS/content.opf"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{package}\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">\n'
        f'<dc:identifier id="uid">urn:uuid:0f6e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b</dc:identifier>\n'
        f'<dc:title>{title}</dc:title>\n<dc:language>zh-CN</dc:language>\n{creator}\n{metadata}</metadata>\n'
        f'<manifest>\n{chr(10).join(manifest)}\n</manifest>\n<spine toc="ncx">\n{chr(10).join(spine)}\n</spine>\n'
        '</package>\n')
    files.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for path, content in files.items():
            archive.writestr(path, content)
    return out.getvalue()
