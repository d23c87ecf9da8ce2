"""Running the per-document stages over many documents: a process pool (default) or Dask (optional).

See :func:`code_documents`; the writer (``build``) consumes its outcomes in order.
"""

from .pool import Coded, Failed, Known, Outcome, StageFailedError, code_documents, code_one

__all__ = ["Coded", "Failed", "Known", "Outcome", "StageFailedError", "code_documents", "code_one"]
