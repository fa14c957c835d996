#!/usr/bin/env python3
"""Writes billrender's adversarial corpus: bills an attacker would send (hostile SVG pictures and
pathological text), one JSON file each, into DIR (default .build/attack).

    tools/attack-corpus.py [DIR]

Every bill stays under the default input limit (8 MiB) and every SVG under the default SVG limit
(1 MiB). tools/attack renders each in every format and measures time and peak RSS."""
import base64, json, os, struct, sys, zlib

SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def bill(header=(), items=None, footer=()):
    items = items or [{"name": "A", "plu": "1", "quantity": 1, "amountPerItem": {"value": 100, "currencyCode": "GBP"}}]
    return {"header": {"lines": list(header)}, "order": {"items": items,
            "totalAmount": {"value": sum(i["quantity"] * i["amountPerItem"]["value"] for i in items),
                            "currencyCode": "GBP"}}, "footer": {"lines": list(footer)}}


def logo(svg):
    return {"lineType": "Logo", "logo": {"svgImage": svg}}


def image(svg):
    return {"lineType": "Image", "image": {"svgImage": svg}}


def text(value, size="Body"):
    return {"lineType": "Text", "text": {"value": value, "size": size, "align": "Left"}}


def item(name, qty=1, value=100):
    return {"name": name, "plu": "1", "quantity": qty, "amountPerItem": {"value": value, "currencyCode": "GBP"}}


def png(width, height, depth=8, color=0):
    """A PNG of zeros: tiny compressed, huge decoded."""
    bpp = {0: 1, 2: 3, 6: 4}[color] * depth / 8
    row = b"\0" + b"\0" * int(width * bpp)
    z = zlib.compressobj(9)
    data = b"".join(z.compress(row) for _ in range(height)) + z.flush()
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def data_uri(mime, raw):
    return "data:%s;base64,%s" % (mime, base64.b64encode(raw).decode())


def svg(body, attrs='width="200" height="100"'):
    return '<svg %s %s>%s</svg>' % (SVG_NS, attrs, body)


def corpus():
    c = {}
    # 1. librsvg text code: extreme font sizes (SIGABRT in librsvg 2.54 before the sanitiser).
    c["svg-text-font-size"] = bill([logo(svg('<text x="0" y="50" font-size="1e30">Dojo</text>'))])
    c["svg-text-font-size-css"] = bill([logo(svg('<text x="0" y="50" style="font-size:9e9px">Dojo</text>'))])
    c["svg-text-transform-scale"] = bill([logo(svg('<g transform="scale(1e10)"><text y="1" font-size="10">Dojo</text></g>', 'width="100" height="100"'))])
    c["svg-text-huge-letter-spacing"] = bill([logo(svg('<text x="0" y="50" letter-spacing="1e20" font-size="40">WWWW</text>'))])
    # 2. Embedded rasters decoded at full size.
    c["svg-data-png-huge"] = bill([logo(svg('<image width="200" height="100" href="%s"/>' % data_uri("image/png", png(16000, 16000))))])
    c["svg-data-png-wide"] = bill([image(svg('<image width="200" height="100" xlink:href="%s"/>' % data_uri("image/png", png(1 << 20, 300, 1))))])
    jpeg = (b"\xff\xd8\xff\xc0\x00\x11\x08" + struct.pack(">HH", 65000, 65000) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
            + b"\xff\xd9")
    c["svg-data-jpeg-huge"] = bill([logo(svg('<image width="200" height="100" href="%s"/>' % data_uri("image/jpeg", jpeg)))])
    gif = b"GIF89a" + struct.pack("<HH", 65535, 65535) + b"\x00\x00\x00" + b";"
    c["svg-data-gif-huge"] = bill([logo(svg('<image width="200" height="100" href="%s"/>' % data_uri("image/gif", gif)))])
    webp = b"RIFF" + struct.pack("<I", 30) + b"WEBPVP8X" + struct.pack("<I", 10) + b"\0\0\0\0" + (16383).to_bytes(3, "little") * 2
    c["svg-data-webp-huge"] = bill([logo(svg('<image width="200" height="100" href="%s"/>' % data_uri("image/webp", webp)))])
    inner = svg('<rect width="10" height="10"/>', 'width="1000000" height="1000000"')
    c["svg-data-nested-svg"] = bill([logo(svg('<image width="200" height="100" href="%s"/>' % data_uri("image/svg+xml", inner.encode())))])
    c["svg-data-svgz"] = bill([logo(svg('<image width="200" height="100" href="%s"/>' % data_uri("image/svg+xml", zlib.compress(("<svg %s width='100' height='100'>" % SVG_NS + "<rect width='1' height='1'/>" * 2000000 + "</svg>").encode(), 9))))])
    # 3. Filters: big blurs over big areas, many times.
    blur = ''.join('<filter id="f%d" x="-50%%" y="-50%%" width="200%%" height="200%%"><feGaussianBlur stdDeviation="%d"/><feMorphology radius="500"/><feTurbulence baseFrequency="0.9" numOctaves="10"/></filter><rect filter="url(#f%d)" width="4000" height="4000"/>' % (i, 300 + i, i) for i in range(120))
    c["svg-filters"] = bill([logo(svg(blur, 'width="4000" height="4000" viewBox="0 0 4000 4000"'))])
    # 4. Amplification.
    uses = '<g id="a0"><path d="M0 0L100 100L0 100Z" stroke="black" stroke-width="3"/></g>'
    for i in range(1, 10):
        uses += '<g id="a%d">%s</g>' % (i, "".join('<use href="#a%d"/>' % (i - 1) for _ in range(10)))
    c["svg-use-amplification"] = bill([logo(svg('<defs>%s</defs><use href="#a9"/>' % uses))])
    c["svg-huge-stroke"] = bill([logo(svg('<path d="M0 0L1 1L0 1Z" stroke="black" stroke-width="1e300" stroke-dasharray="0.0001"/>'))])
    c["svg-pattern-recursion"] = bill([logo(svg('<defs><pattern id="p" width="0.001" height="0.001" patternUnits="userSpaceOnUse"><rect width="1" height="1" fill="url(#q)"/></pattern><pattern id="q" width="0.001" height="0.001" patternUnits="userSpaceOnUse"><rect width="1" height="1" fill="url(#p)"/></pattern></defs><rect width="200" height="100" fill="url(#p)"/>'))])
    c["svg-pattern-tiny-tiles"] = bill([logo(svg('<defs><pattern id="p" width="0.0001" height="0.0001" patternUnits="userSpaceOnUse"><circle r="0.00005" /></pattern></defs><rect width="200" height="100" fill="url(#p)"/>'))])
    c["svg-gradient-stops"] = bill([logo(svg('<defs><linearGradient id="g">%s</linearGradient></defs><rect width="200" height="100" fill="url(#g)"/>' % ('<stop offset="0.5"/>' * 45000)))])
    c["svg-many-paths"] = bill([logo(svg('<path d="M0 0' + 'L200 100L0 100L200 0' * 20000 + 'Z"/>'))])
    c["svg-xml-base"] = bill([logo(svg('<g xml:base="file:///etc/"><image width="100" height="100" href="passwd"/></g>'))])
    c["svg-xinclude"] = bill([logo(svg('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'))])
    c["svg-xml-stylesheet"] = bill([logo('<?xml version="1.0"?><?xml-stylesheet type="text/css" href="file:///etc/passwd"?>' + svg('<rect width="10" height="10"/>'))])
    c["svg-css-import"] = bill([logo(svg('<style>@import url("file:///usr/share/fonts/truetype/dejavu/../../../../etc/passwd"); rect { fill: red }</style><rect width="10" height="10"/>'))])
    c["svg-font-by-path"] = bill([logo(svg('<style>@font-face { font-family: x; src: url("file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") }</style><text font-family="/etc/passwd, x" y="40" font-size="30">Hi</text>'))])
    c["svg-animation"] = bill([logo(svg('<rect width="10" height="10"><animate attributeName="width" from="10" to="1e9" dur="1s" repeatCount="indefinite"/><set attributeName="fill" to="red"/></rect><script>alert(1)</script><foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'))])
    c["svg-entities"] = bill([logo('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>' + svg('<text y="20">&d;&d;&d;&d;&d;&d;&d;&d;</text>'))])
    c["svg-deep-nesting"] = bill([logo(svg('<g>' * 5000 + '<rect width="10" height="10"/>' + '</g>' * 5000))])
    c["svg-many-logos"] = bill([logo(svg('<circle cx="%d" cy="50" r="40"/>' % i)) for i in range(60)])
    c["svg-text-flood"] = bill([logo(svg('<text y="50" font-size="20">' + 'W' * 200000 + '</text>'))])
    # 5. Pathological text.
    marks = "".join(chr(0x300 + i % 0x70) for i in range(4000))
    c["text-combining-flood"] = bill([text(("a" + marks) * 1, "Header1")] + [text("x" + marks) for _ in range(4)],
                                     [item("b" + marks), item("c" + marks)])
    c["text-zwj"] = bill([text("\U0001F468\u200D" * 2000, "Header1")], [item("\U0001F469\u200D\U0001F4BB\u200D" * 1300)])
    c["text-bidi"] = bill([text("\u202E\u2066abc\u2069\u202D" * 800)], [item("\u200F\u0645\u0631\u062D\u0628\u0627" * 600)])
    c["text-variation-selectors"] = bill([text("\u2615" + "\uFE0F\U000E0100" * 2000)], [item("a" + "\uFE0E" * 4000)])
    c["text-private-use"] = bill([text("".join(chr(0xE000 + i) for i in range(4000)))], [item("".join(chr(0x40000 + i) for i in range(4000)))])
    c["text-long-word-58mm-wide"] = bill([text("\u5BBF" * 4096, "Header1"), text("W" * 4096, "Header1")], [item("\u5BBF" * 4096), item("x" * 4096)])
    c["text-hangul-jamo"] = bill([text("\u1100" + "\u1161" * 4000)], [item("\u1100" * 2000 + "\u1161" * 2000)])
    c["text-input-limit-cjk"] = bill(items=[item("\u5BBF\u00e9" * 2048) for _ in range(780)])
    c["text-many-lines"] = bill([text("\u00e9\u4e2d" * 2000) for _ in range(200)])
    return c


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else ".build/attack"
    os.makedirs(out, exist_ok=True)
    for name, b in corpus().items():
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(b, f, ensure_ascii=False)
    print(out)


if __name__ == "__main__":
    main()
