"""The text cleaner: from messy extracted text to clean, auditable body text.

Loaders call :func:`clean` on the decoded text of every file::

    from dyadscope.text.clean import clean, Cleaned
    cleaned = clean(raw, fmt="pdf", pages=page_texts)
    cleaned.text      # body text, paragraphs separated by one blank line
    cleaned.removed   # every change: Removal(kind, text, rule, start, end, replacement)
    cleaned.notes     # end-notes / reference list taken out of the body, or None
    cleaned.warnings  # what the cleaner could not decide

The steps and their order are in :data:`STEPS`; :func:`trace` returns each step's input and result.
"""

from .runner import FORMATS, STEP_NAMES, STEPS, Cleaned, Step, Trace, clean, trace

__all__ = ["FORMATS", "STEPS", "STEP_NAMES", "Cleaned", "Step", "Trace", "clean", "trace"]
