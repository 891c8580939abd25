#!/usr/bin/env python3
"""Copies each documentation/diagrams/<name>.mmd into the ```mermaid block that follows
'<!-- diagram: diagrams/<name>.mmd -->' in documentation/*.md, so the Markdown and the sources
stay equal (DocumentationDriftTest checks it). Usage: python3 documentation/embed-diagrams.py"""
import pathlib, re

doc = pathlib.Path(__file__).resolve().parent
block = re.compile(r'(<!-- diagram: (diagrams/[\w.-]+\.mmd) -->\n```mermaid\n)(.*?)(```)', re.S)
for md in sorted(doc.glob('*.md')):
    text = md.read_text(encoding='utf-8')
    def fill(m):
        source = (doc / m.group(2)).read_text(encoding='utf-8')
        if not source.endswith('\n'):
            source += '\n'
        return m.group(1) + source + m.group(4)
    new = block.sub(fill, text)
    if new != text:
        md.write_text(new, encoding='utf-8')
        print('updated', md.relative_to(doc.parent))
