"""The live preview in the browser (`yamldeck serve`): the real deck as LibreOffice draws it.

session.py drives it (the watcher's rebuilds, LibreOffice, the pictures), office.py keeps
LibreOffice running, deckinfo.py and pictures.py make what the page shows, store.py holds it,
app.py serves it and server.py runs the server; command.py is the command line's part.
"""
