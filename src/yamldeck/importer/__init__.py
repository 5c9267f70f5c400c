"""Importing: another format (a PowerPoint deck) read into an outline, its files and its look.

A reader makes a Draft (draft.py: deck settings and slides as the outline's values, with
comments), writer.py writes it in the shipped outline's style, assets.py keeps the pictures, CSV
files and template it names. For a deck: deckfile.py opens it, shapes.py and texts.py read each
slide, kinds.py (and openings.py) decide its kind, figures.py reads tables, charts and pictures,
settings.py the deck: keys, template.py and builtin.py keep its look; reader.py drives them.
"""
