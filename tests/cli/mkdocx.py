#!/usr/bin/python3
"""Writes minimal DOCX files for the command-line tests.

    mkdocx.py OUT.docx "paragraph" "paragraph" ...

A paragraph starting with "C:" becomes a comment on the previous paragraph;
one starting with "D:" is tracked deleted text. Uses only the standard
library, in the shape Word writes (rsid attributes, run properties).
"""
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(t):
    return ('<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
            '<w:t xml:space="preserve">%s</w:t></w:r>' % esc(t))


def main():
    out, paras = sys.argv[1], sys.argv[2:]
    body, comments = [], []
    for p in paras:
        if p.startswith("C:"):
            cid = len(comments)
            comments.append('<w:comment w:id="%d" w:author="確認者"><w:p>%s</w:p></w:comment>'
                            % (cid, run(p[2:])))
            body.append('<w:p><w:commentRangeStart w:id="%d"/>%s<w:commentRangeEnd w:id="%d"/>'
                        '<w:r><w:commentReference w:id="%d"/></w:r></w:p>' % (cid, run("注"), cid, cid))
        elif p.startswith("D:"):
            body.append('<w:p><w:del w:id="9" w:author="担当"><w:r><w:delText>%s</w:delText>'
                        '</w:r></w:del></w:p>' % esc(p[2:]))
        else:
            body.append("<w:p>%s</w:p>" % run(p))
    rels = ['<Relationship Id="rId1" Type="%s/styles" Target="styles.xml"/>' % R]
    ct = ['<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>']
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if comments:
            rels.append('<Relationship Id="rId2" Type="%s/comments" Target="comments.xml"/>' % R)
            z.writestr("word/comments.xml", '<w:comments xmlns:w="%s">%s</w:comments>'
                       % (W, "".join(comments)))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                   'ContentType="application/xml"/><Default Extension="rels" ContentType='
                   '"application/vnd.openxmlformats-package.relationships+xml"/>%s</Types>'
                   % "".join(ct))
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   'Type="%s/officeDocument" Target="word/document.xml"/></Relationships>' % R)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(rels))
        z.writestr("word/styles.xml", '<w:styles xmlns:w="%s"/>' % W)
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
                   'xmlns:w="%s" xmlns:r="%s"><w:body>%s</w:body></w:document>'
                   % (W, R, "".join(body)))


if __name__ == "__main__":
    main()
