"""Layout: text measured with bundled font metrics, fitted sizes, and continuation slides."""
