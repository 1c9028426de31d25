"""The desktop window: presents what desktop_app.core does, and nothing more."""
