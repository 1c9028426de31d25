"""Data: the photos as the user has them — folders of class folders, projects with their edits, decoding and
checking image files, and the batches and variations training reads."""
