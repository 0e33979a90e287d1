"""--diff-from REF on a real temporary git repository: only findings on lines
changed since REF, whole new files, renamed files judged on their edits."""

from __future__ import annotations

import json

from conftest import NEWS, git

from tonelint.run.gitdiff import parse_diff


def found(res):
    return [(f["path"], f["line"], f["rule"]) for f in json.loads(res.out)]


def test_only_changed_lines_are_reported(cli, repo):
    assert ("content/news.md", 3, "TL101") in found(cli("--format", "json", "content"))
    res = cli("--format", "json", "--diff-from", "main", "content")
    assert res.code == 0 and found(res) == []
    text = NEWS + "\nOur leads get 50% off today.\n"
    (repo / "content" / "news.md").write_text(text, encoding="utf-8")
    res = cli("--format", "json", "--diff-from", "main", "content")
    assert res.code == 1
    lines = {line for _, line, _ in found(res)}
    assert lines == {7}, found(res)
    # Committed changes count too: the diff is REF against the working tree.
    git(repo, "commit", "-qam", "more")
    assert {line for _, line, _ in found(cli("--format", "json", "--diff-from", "HEAD~1", "content"))} == {7}
    assert found(cli("--format", "json", "--diff-from", "HEAD", "content")) == []


def test_untracked_files_count_in_full_and_renames_only_by_their_edits(cli, repo):
    (repo / "content" / "new.md").write_text(NEWS, encoding="utf-8")
    git(repo, "mv", "content/news.md", "content/renamed.md")
    res = cli("--format", "json", "--diff-from", "main", "content")
    paths = {p for p, _, _ in found(res)}
    assert paths == {"content/new.md"}


def test_changed_line_in_the_middle_of_a_file(cli, repo):
    # (an edit that brings its own finding: "our leads", TL104)
    (repo / "content" / "news.md").write_text(NEWS.replace("just reply", "just reply, our leads love it"),
                                              encoding="utf-8")
    res = cli("--format", "json", "--diff-from", "main", "content")
    assert {line for _, line, _ in found(res)} == {5}


def test_errors_are_one_line(cli, repo, tmp_path_factory):
    res = cli("--diff-from", "no-such-ref", "content")
    assert res.code == 2 and res.err.startswith("no-such-ref: --diff-from: no such commit") and "Traceback" not in res.err
    outside = tmp_path_factory.mktemp("plain")
    (outside / "a.md").write_text(NEWS, encoding="utf-8")
    res = cli("--diff-from", "main", str(outside / "a.md"))
    assert res.code == 2 and "not inside a git repository" in res.err


def test_parse_diff_hunks():
    # `git diff --no-prefix`, as changed_lines runs it; an added line "++ tip"
    # shows as "+++ tip" inside a hunk and is not a file header.
    diff = (
        "diff --git x.md x.md\n--- x.md\n+++ x.md\n"
        "@@ -3 +3 @@\n-old\n+new\n"
        "@@ -10,0 +11,2 @@\n+a\n+++ tip\n"
        "@@ -20,2 +22,0 @@\n-gone\n-gone\n"
        "diff --git gone.md gone.md\n--- gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        'diff --git "caf\\303\\251.md" "caf\\303\\251.md"\n--- "caf\\303\\251.md"\n+++ "caf\\303\\251.md"\n'
        "@@ -1 +1 @@\n-a\n+b\n"
    )
    assert parse_diff(diff) == {"x.md": {3, 11, 12}, "café.md": {1}}


def test_user_git_config_prefixes_do_not_hide_changes(cli, repo):
    from conftest import git

    git(repo, "config", "diff.mnemonicPrefix", "true")
    (repo / "content" / "news.md").write_text(NEWS + "\n++ tip: our leads get 50% off.\n", encoding="utf-8")
    res = cli("--format", "json", "--diff-from", "main", "content")
    assert res.code == 1 and ("content/news.md", 7, "TL104") in found(res)


def test_stdin_findings_are_all_kept(cli, repo):
    res = cli("--format", "json", "--diff-from", "main", "--stdin-filename", "content/news.md", "-", stdin=NEWS)
    assert ("content/news.md", 3, "TL101") in found(res)
    assert ("-", 3, "TL101") in found(cli("--format", "json", "--diff-from", "main", "-", stdin=NEWS))
