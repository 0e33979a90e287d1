"""`tonelint clean`: removes the result cache a run from here would use, and
nothing that is not one.  Hits and misses are observed by counting engine
runs, as in test_run_cache.py."""

from __future__ import annotations

import shutil

import pytest

from conftest import one_line

from tonelint.run import cache as cache_mod

PUSHY = "# Big news!!!\n\nWe are thrilled to announce our industry-leading app. Our target audience will love it.\n"


def test_clean_removes_the_cache_and_the_next_run_is_a_miss(cli, write, engine_runs, cache_dir):
    draft = write("d.md", PUSHY)
    first = cli("--format", "json", draft)
    assert first.code == 1 and (cache_dir / "CACHEDIR.TAG").is_file()
    assert cli("--format", "json", draft).out == first.out
    assert engine_runs == ["d.md"]  # the second run was a hit

    res = cli("clean")
    assert res.code == 0 and res.out == ""
    assert one_line(res.err) == f"Removed the tonelint cache: {cache_dir}"
    assert not cache_dir.exists()
    assert draft.read_text(encoding="utf-8") == PUSHY

    again = cli("--format", "json", draft)
    assert engine_runs == ["d.md", "d.md"]  # a miss, same findings
    assert again.out == first.out
    assert (cache_dir / "CACHEDIR.TAG").is_file()  # and the cache is back, tagged


def test_nothing_to_remove_is_not_an_error(cli, cache_dir):
    assert cache_dir.is_dir() and not any(cache_dir.iterdir())
    res = cli("clean")  # an empty folder (CI may create it): nothing to lose, left in place
    assert res.code == 0
    assert one_line(res.err) == f"No tonelint cache to remove at {cache_dir}"
    assert cache_dir.is_dir()
    shutil.rmtree(cache_dir)
    res = cli("clean")
    assert res.code == 0
    assert one_line(res.err) == f"No tonelint cache to remove at {cache_dir}"


def test_project_cache_found_from_a_subfolder(cli, tmp_path, monkeypatch, engine_runs):
    monkeypatch.delenv("TONELINT_CACHE_DIR")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "content").mkdir()
    draft = project / "content" / "d.md"
    draft.write_text(PUSHY, encoding="utf-8")
    monkeypatch.chdir(project / "content")
    assert cli("d.md").code == 1
    cache = project / ".tonelint_cache"
    assert (cache / "CACHEDIR.TAG").is_file()

    res = cli("clean")
    assert res.code == 0, res.err
    assert one_line(res.err) == f"Removed the tonelint cache: {cache.resolve()}"
    assert not cache.exists()
    assert sorted(p.name for p in project.iterdir()) == [".git", "content"]
    assert draft.read_text(encoding="utf-8") == PUSHY
    assert cli("d.md").code == 1 and engine_runs == ["d.md", "d.md"]


def test_cache_dir_env_is_honoured(cli, write, tmp_path, monkeypatch, cache_dir):
    draft = write("d.md", PUSHY)
    assert cli(draft).code == 1
    elsewhere = tmp_path / "ci-cache"
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(elsewhere))
    assert cli(draft).code == 1
    assert (elsewhere / "CACHEDIR.TAG").is_file()
    res = cli("clean")
    assert res.code == 0 and str(elsewhere) in res.err
    assert not elsewhere.exists()
    assert (cache_dir / "CACHEDIR.TAG").is_file()  # another cache: not this run's, not touched


@pytest.mark.parametrize("files, complaint", [
    ({"notes.txt": "mine"}, "holds 'notes.txt', which tonelint never writes"),
    ({"a.txt": "", "b.txt": ""}, "holds 'a.txt' (and 1 more)"),
    ({"v2/ab/cd": "x"}, "no CACHEDIR.TAG or .gitignore written by tonelint"),
    ({"CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# someone else's\n", "v2/x": ""},
     "no CACHEDIR.TAG or .gitignore written by tonelint"),
])
def test_a_folder_that_is_not_a_cache_is_refused(cli, tmp_path, monkeypatch, files, complaint):
    folder = tmp_path / "mine"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(folder))
    res = cli("clean")
    assert res.code == 2
    line = one_line(res.err)
    assert line.startswith(f"{folder}: ") and complaint in line and "nothing removed" in line
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == sorted(files)


def test_a_real_cache_with_a_stray_file_is_refused(cli, write, cache_dir):
    assert cli(write("d.md", PUSHY)).code == 1
    (cache_dir / "keep.me").write_text("mine", encoding="utf-8")
    res = cli("clean")
    assert res.code == 2 and "holds 'keep.me'" in one_line(res.err)
    assert (cache_dir / "keep.me").is_file() and (cache_dir / "CACHEDIR.TAG").is_file()


def test_a_file_in_place_of_the_folder_is_refused(cli, tmp_path, monkeypatch):
    target = tmp_path / "cache-file"
    target.write_text("data", encoding="utf-8")
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(target))
    res = cli("clean")
    assert res.code == 2 and one_line(res.err) == f"{target}: is not a folder, so not a tonelint cache; nothing removed"
    assert target.read_text(encoding="utf-8") == "data"


def test_symlinks_are_never_followed(cli, write, tmp_path, monkeypatch, cache_dir):
    assert cli(write("d.md", PUSHY)).code == 1
    # The cache folder itself a link: refused, the real cache untouched.
    link = tmp_path / "link-to-cache"
    link.symlink_to(cache_dir, target_is_directory=True)
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(link))
    res = cli("clean")
    assert res.code == 2 and "symbolic link" in one_line(res.err)
    assert link.is_symlink() and (cache_dir / "CACHEDIR.TAG").is_file()
    # A link inside the cache pointing out of it: the link goes, its target stays.
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    entries = next(p for p in cache_dir.iterdir() if p.name.startswith("v"))
    (entries / "zz").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(cache_dir))
    assert cli("clean").code == 0
    assert not cache_dir.exists()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_cache_that_cannot_be_removed_is_one_line_exit_2(cli, write, cache_dir, monkeypatch):
    # Simulated: the suite may run as root, who can delete anything.
    assert cli(write("d.md", PUSHY)).code == 1
    locked = cache_dir / "v2"

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(locked))

    monkeypatch.setattr(cache_mod.shutil, "rmtree", refuse)
    res = cli("clean")
    assert res.code == 2
    assert one_line(res.err) == f"{cache_dir}: cannot remove {locked}: Permission denied"


def test_a_draft_named_clean_is_checked_with_check(cli, tmp_path, monkeypatch, engine_runs, cache_dir):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean").write_text(PUSHY, encoding="utf-8")
    assert cli("check", "clean").code == 1
    assert cli("./clean", "--no-cache").code == 1
    assert engine_runs == ["clean", "clean"]
    res = cli("clean")  # the sub-command wins, as in ruff
    assert res.code == 0 and "Removed the tonelint cache" in res.err
    assert (tmp_path / "clean").read_text(encoding="utf-8") == PUSHY
