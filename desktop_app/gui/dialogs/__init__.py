"""Windows opened from the main one: the model library, exporting a model, checking labels."""
