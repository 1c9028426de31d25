"""Files and folders a normal user may not read (issue 19, point 10).

root reads anything, so chmod 000 proves nothing when the suite runs as root (as CI does): these tests
run the scan and the project copy in a child process as the unprivileged user `nobody`, where the
operating system itself refuses. As a normal user they run as that user, for the same reason."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import REPO, write_image

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="chmod 000 does not lock a file on Windows")


def _normal_user() -> dict:
    """subprocess arguments that run a child as a user the OS refuses unreadable files to."""
    if os.geteuid() != 0:
        return {}
    import pwd

    try:
        return {"user": pwd.getpwnam("nobody").pw_uid, "group": pwd.getpwnam("nobody").pw_gid}
    except KeyError:
        pytest.skip("running as root and this machine has no 'nobody' user to drop to")


def _run(code: str, home: Path) -> dict:
    env = {**os.environ, "HOME": str(home), "FINETUNE_STUDIO_DATA_DIR": str(home / "data"),
           "FINETUNE_STUDIO_CACHE_DIR": str(home / "cache"), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          **_normal_user())
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture
def shared_tmp():
    """A folder the unprivileged child can reach (pytest's own tmp_path is private to root)."""
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        root.chmod(0o755)
        home = root / "home"
        home.mkdir()
        os.chown(home, *(_normal_user().get(k, -1) for k in ("user", "group")))
        yield root, home


def test_the_scan_lists_an_unreadable_photo_and_folder_as_a_normal_user(shared_tmp):
    root, home = shared_tmp
    for label in ("red", "blue"):
        for i in range(3):
            write_image(root / "photos" / label / f"{i}.png", color=(200, 20 * i, 50 if label == "red" else 220))
    write_image(root / "photos" / "red" / "locked.png").chmod(0)
    locked_folder = root / "photos" / "blue" / "locked"
    write_image(locked_folder / "inside.png")
    locked_folder.chmod(0)
    try:
        found = _run(
            "import json; from desktop_app.core.data.dataset import scan_dataset\n"
            f"index = scan_dataset({str(root / 'photos')!r})\n"
            "print(json.dumps({'used': len(index.train), 'skipped': {s.path: s.reason for s in index.skipped}}))",
            home)
    finally:
        locked_folder.chmod(0o755)
    assert found["used"] == 6
    assert found["skipped"] == {str(root / "photos" / "red" / "locked.png"): "no permission to read the file",
                                str(locked_folder): "no permission to open the folder"}


def test_a_project_copy_lists_an_unreadable_photo_and_folder_as_a_normal_user(shared_tmp):
    root, home = shared_tmp
    write_image(root / "new" / "fine.png")
    write_image(root / "new" / "locked.png", color=(1, 2, 3)).chmod(0)
    locked_folder = root / "new" / "locked folder"
    write_image(locked_folder / "inside.png", color=(4, 5, 6))
    locked_folder.chmod(0)
    try:
        found = _run(
            "import json\nfrom desktop_app.core.data.project import Project\n"
            "from desktop_app.core.progress import drive\n"
            f"checked = drive(Project().import_photos([{str(root / 'new')!r}]))\n"
            "print(json.dumps({path: reason for path, (sha, reason) in checked.items()}))",
            home)
    finally:
        locked_folder.chmod(0o755)
    assert found[str(root / "new" / "locked.png")] == "no permission to read the file"
    assert found[str(locked_folder)] == "no permission to open the folder"
    copies = [path for path, reason in found.items() if reason is None]
    assert len(copies) == 1 and Path(copies[0]).parent.is_relative_to(home / "data")
