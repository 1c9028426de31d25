"""简体中文 without the window: the command line follows LANG, the core's messages, report and charts too."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core import i18n
from desktop_app.core.i18n import sentences, set_language, supported, system_language, tr


@pytest.fixture
def chinese():
    set_language("zh_CN")
    yield
    set_language("en")


def cli(*args, lang="zh_CN.UTF-8"):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", i18n.LANGUAGE_VARIABLE)}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "desktop_app.cli", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=300)


def test_lang_zh_cn_gives_chinese_progress_skip_reasons_and_errors_with_english_json(two_class_folder, tmp_path):
    (two_class_folder / "red" / "broken.jpg").write_bytes(b"not a picture")
    run = cli("train", two_class_folder, "--out", tmp_path / "颜色.keras", "--backbone", "mobilenet_v2_0.35",
              "--image-size", 160, "--epochs", 10, "--json")
    assert run.returncode == 0, run.stderr
    err = run.stderr
    assert "正在逐张查看照片（计算特征）……" in err and "学习轮次 10/10：训练图片答对" in err
    assert "跳过了 1 个文件：" in err and "broken.jpg：不是图片，或者是无法读取的图片格式" in err
    assert "提示：1 个文件无法使用，已跳过（附原因列出）。" in err
    assert run.stdout.splitlines()[-3].startswith("已保存 ") and "训练报告：" in run.stdout
    result = json.loads(run.stdout.splitlines()[-1])  # keys stay English for scripts
    assert {"model", "classes", "val_accuracy", "skipped", "threshold"} <= set(result)
    assert result["skipped"][0]["reason"] == "不是图片，或者是无法读取的图片格式"
    report = Path(result["report"]).read_text(encoding="utf-8")  # the training report, in the same language
    assert "<html lang=zh-CN>" in report and "检验图片答对：<b>" in report
    assert "让输出层保持简单的权重惩罚" in report and ">l2<" not in report  # settings by plain names
    assert re.search(r"于 \d{4}-\d\d-\d\d \d\d:\d\d 用 FineTune Studio", report)  # local time, not ISO UTC
    assert "<h2>设置</h2>" in report and "<h2>学习过程</h2>" in report  # headings too (were English)
    evaluation = cli("evaluate", result["model"], two_class_folder)
    assert evaluation.returncode == 0, evaluation.stderr
    assert "评估的是 " in evaluation.stdout and re.search(r"^类别\s+精确率\s+召回率\s+F1\s+图片数", evaluation.stdout,
                                                          re.MULTILINE)  # the table's header was English

    missing = cli("train", tmp_path / "没有", "--out", tmp_path / "m.keras")
    assert missing.returncode == 2 and missing.stderr.strip() == f"错误：文件夹 {tmp_path / '没有'} 不存在。"
    english = cli("train", tmp_path / "nowhere", "--out", tmp_path / "m.keras", lang="en_GB.UTF-8")
    assert english.stderr.strip() == f"error: The folder {tmp_path / 'nowhere'} does not exist."


def test_export_help_says_in_chinese_who_runs_each_format():
    help_text = cli("export", "--help").stdout
    assert "格式，以及谁来运行它们：" in help_text
    assert "使用 ONNX Runtime 的 C#、C++、Java、JavaScript 或 Python 程序" in help_text


def test_the_language_comes_from_the_environment_as_posix_programs_read_it(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert system_language() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert system_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")  # LC_ALL wins over LANG
    assert system_language() == "en"
    assert supported("zh-Hans") == supported("zh_TW") == "zh_CN" and supported("fr_FR") == "en"


def test_messages_fill_their_fields_in_either_language(chinese):
    assert tr("The folder {folder} does not exist.", folder="/x") == "文件夹 /x 不存在。"
    assert tr("A sentence no catalogue has.") == "A sentence no catalogue has."
    set_language("en")
    assert tr("The folder {folder} does not exist.", folder="/x") == "The folder /x does not exist."
    set_language("xx")
    assert i18n.language() == "en"


def test_sentences_follow_each_other_as_each_script_writes_them():
    assert sentences(["It is done.", "Saved."]) == "It is done. Saved."
    assert sentences(["训练完成。", "已保存。", "Saved."]) == "训练完成。已保存。Saved."


def test_charts_speak_chinese(chinese):
    from matplotlib.figure import Figure

    from desktop_app.core.models.plots import draw_confusion

    figure = Figure()
    draw_confusion(figure, [[3, 0], [1, 2]], ["红", "蓝"])
    assert figure.axes[0].get_xlabel() == "模型的回答" and figure.axes[0].get_ylabel() == "真实类别"
