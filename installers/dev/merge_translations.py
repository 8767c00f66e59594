#!/usr/bin/env python3
"""Fills unfinished messages of a Qt .ts file from TSV files of
`context<TAB>source<TAB>translation` lines (\\n written as the two characters
backslash-n). Numerus messages take 'singular | plural'. Used after lupdate
when several people wrote strings at once; prints what it could not fill."""
import sys
import xml.etree.ElementTree as ET


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load(paths):
    table = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) < 3:
                    continue
                table[(parts[0], unescape(parts[1]))] = unescape(parts[2])
                table.setdefault(("*", unescape(parts[1])), unescape(parts[2]))
    return table


def main():
    ts, tsvs = sys.argv[1], sys.argv[2:]
    table = load(tsvs)
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") not in ("unfinished",):
                continue
            source = message.findtext("source")
            text = table.get((name, source)) or table.get(("*", source))
            if text is None:
                missing.append((name, source))
                continue
            if message.get("numerus") == "yes":
                forms = [f.strip() for f in text.split("|")]
                if len(forms) == 1:
                    forms = forms * 2
                for child in list(translation):
                    translation.remove(child)
                for form in forms[:2]:
                    ET.SubElement(translation, "numerusform").text = form
                translation.text = None
            else:
                translation.text = text
            del translation.attrib["type"]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(ts, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    for name, source in missing:
        print(f"untranslated: {name}: {source!r}")


if __name__ == "__main__":
    main()
