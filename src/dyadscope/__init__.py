"""dyadscope: evidence-grounded models of the relations between two states."""

__version__ = "0.1.0"
