"""Reads each feed file named on the command line with Python's feedparser and prints one JSON
object: {"version": ..., "files": {path: {"ok", "bozo", "entries": [...]}}}. Each entry holds the
fields the compat check compares, as feedparser gives them (markup and entities left for the
caller to strip). Used by compat.mjs; exits 3 when feedparser cannot be imported."""

import calendar
import json
import sys

try:
    import feedparser
except ImportError:
    sys.stderr.write('feedparser is not installed\n')
    sys.exit(3)


def epoch(parsed):
    return calendar.timegm(parsed) if parsed else None


def author_of(entry):
    names = [a.get('name') for a in entry.get('authors', []) if a.get('name')]
    if names:
        return ', '.join(names)
    detail = entry.get('author_detail') or {}
    return detail.get('name') or entry.get('author')


def text_of(entry):
    for content in entry.get('content', []):
        if content.get('value', '').strip():
            return content.get('value'), content.get('type')
    detail = entry.get('summary_detail') or {}
    return entry.get('summary'), detail.get('type')


def entry_fields(entry):
    text, text_type = text_of(entry)
    return {
        'title': entry.get('title'),
        'titleType': (entry.get('title_detail') or {}).get('type'),
        'link': entry.get('link'),
        'author': author_of(entry),
        'date': epoch(entry.get('published_parsed') or entry.get('updated_parsed') or entry.get('created_parsed')),
        'text': text,
        'textType': text_type,
    }


def read(path):
    try:
        parsed = feedparser.parse(path)
    except Exception as error:  # feedparser itself failed: report it as data
        return {'ok': False, 'error': str(error), 'entries': []}
    return {
        'ok': True,
        'bozo': bool(parsed.get('bozo')),
        'feedVersion': parsed.get('version'),
        'entries': [entry_fields(entry) for entry in parsed.entries],
    }


def main():
    files = {path: read(path) for path in sys.argv[1:]}
    json.dump({'version': feedparser.__version__, 'files': files}, sys.stdout)


main()
