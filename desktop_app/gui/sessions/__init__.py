"""State several views share, with the signals they follow: the model in use, the open project."""
