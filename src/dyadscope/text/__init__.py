"""Text utilities shared by every stage: segmentation into paragraphs and sentences, normalisation."""
