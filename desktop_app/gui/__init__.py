"""The desktop window: presents what desktop_app.core does, and nothing more.

main_window holds the tabs/ (one per step: photos, training, predicting, evaluating), the sessions/ they
share (the model in use, the open project), the dialogs/ it opens, and widgets/ any of them use. Beside
them: jobs (the one way work leaves the GUI thread), settings (what is remembered between starts),
building (the helpers every view is built with) and app (the QApplication, its language and style).
"""
