"""A small window that shows the first start's installation, for people who started the app by double-clicking
(no terminal to show pip's progress). Standard library only: it runs before anything is installed."""

import queue
import subprocess
import threading
import time
import tkinter as tk
from collections.abc import Callable
from pathlib import Path
from tkinter import ttk

LAST_LINES = 12  # shown when the installation fails


def run_in_window(command: list[str], cwd: Path, words: Callable[[str], str]) -> None:
    """Run `command` while a window shows what it is doing and for how long; raises CalledProcessError if it
    fails (after the user has read why and closed the window). `words`: bootstrap.words, in the user's language."""
    lines: queue.Queue[str | int] = queue.Queue()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               errors="replace", bufsize=1)

    def read() -> None:
        for line in process.stdout:
            lines.put(line.rstrip())
        lines.put(process.wait())

    threading.Thread(target=read, daemon=True).start()

    root = tk.Tk()
    root.title(words("title"))
    root.resizable(False, False)
    frame = ttk.Frame(root, padding=16)
    frame.pack(fill="both")
    ttk.Label(frame, text=words("installing"), wraplength=480, justify="left").pack(anchor="w")
    bar = ttk.Progressbar(frame, mode="indeterminate", length=480)
    bar.pack(pady=(12, 6))
    bar.start(15)
    step = ttk.Label(frame, text="", wraplength=480, foreground="#555555")
    step.pack(anchor="w")
    clock = ttk.Label(frame, text="", foreground="#555555")
    clock.pack(anchor="w")
    started = time.monotonic()
    recent: list[str] = []
    result: list[int] = []

    def poll() -> None:
        while not lines.empty():
            item = lines.get()
            if isinstance(item, int):
                result.append(item)
                if item == 0:
                    root.destroy()
                    return
                bar.stop()
                bar.pack_forget()
                step.configure(text=words("failed") + "\n\n" + "\n".join(recent[-LAST_LINES:]), foreground="#a00000")
                ttk.Button(frame, text=words("close"), command=root.destroy).pack(anchor="e", pady=(8, 0))
                return
            if item.strip():
                recent.append(item)
                # pip's "Collecting tensorflow", "Downloading … (620.7 MB)", "Installing collected packages"
                step.configure(text=item.strip()[:160])
        clock.configure(text=f"{int(time.monotonic() - started) // 60}:{int(time.monotonic() - started) % 60:02d}")
        root.after(100, poll)

    root.after(100, poll)
    root.mainloop()
    if not result:  # the window was closed while pip still ran: stop it, like Ctrl+C in a terminal
        process.terminate()
        result.append(process.wait())
    if result[0] != 0:
        raise subprocess.CalledProcessError(result[0], command)
