@echo off
rem Double-click to start FineTune Studio. The first start sets up .venv (a few minutes).
cd /d "%~dp0\..\.."
where py >nul 2>nul && (py -3 scripts\bootstrap.py app) || (python scripts\bootstrap.py app)
if errorlevel 1 pause
