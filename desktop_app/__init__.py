"""FineTune Studio: teach a computer to tell your own kinds of pictures apart, offline."""

__version__ = "0.1.0"
APP_NAME = "FineTune Studio"
