"""Finding documents in folders: stable order, skipped files with reasons, hidden files, .dyadscopeignore,
links, and the manifests (CSV, JSONL, Zotero export)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadscope.errors import ManifestError, SymlinkLoopError, UsageError
from dyadscope.ingest import Skipped, Source, discover, ingest_paths
from dyadscope.ingest.ignore import IgnoreFile, is_ignored, parse_rules
from dyadscope.options import Options
from dyadscope.records import Document

TEXT = "Officials of the two ministries met in Gusar to discuss the repair of the border road.\n"


def _tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def _names(items: list[object], kind: type, root: Path) -> list[str]:
    return [Path(i.path).relative_to(root).as_posix() for i in items if isinstance(i, (Source, Skipped))
            and isinstance(i, kind)]


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return tmp_path


def test_folders_are_walked_recursively_in_a_stable_sorted_order(root: Path) -> None:
    _tree(root, {"b.txt": TEXT, "a/z.md": TEXT, "a/b/c.html": "<p>x</p>", "c.pdf": b"%PDF", "A.docx": b"PK"})
    items = list(discover([root], Options()))
    assert _names(items, Source, root) == ["A.docx", "a/b/c.html", "a/z.md", "b.txt", "c.pdf"]
    assert [s.fmt for s in items if isinstance(s, Source)] == ["docx", "html", "md", "txt", "pdf"]
    assert _names(list(discover([root], Options())), Source, root) == _names(items, Source, root)


@pytest.mark.parametrize(("name", "reason"), [
    ("photo.png", "an image"),
    ("tool.exe", "a program"),
    ("old.doc", "save it as .docx"),
    ("data.xyz", "unsupported file type .xyz"),
    ("LICENSE", "no file extension"),
])
def test_other_files_are_skipped_with_a_reason(root: Path, name: str, reason: str) -> None:
    _tree(root, {name: b"\x00\x01", "ok.txt": TEXT})
    items = list(discover([root], Options()))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [Path(s.path).name for s in skipped] == [name]
    assert reason in skipped[0].reason
    assert _names(items, Source, root) == ["ok.txt"]


def test_hidden_files_and_manifests_are_not_documents(root: Path) -> None:
    _tree(root, {".DS_Store": b"\x00", ".git/config": "x", "manifest.csv": "file,title\nok.txt,Road\n",
                 "manifest.jsonl": '{"file": "ok.txt"}\n', "ok.txt": TEXT})
    items = list(discover([root], Options()))
    assert _names(items, Source, root) == ["ok.txt"]
    assert not [i for i in items if isinstance(i, Skipped)]


def test_an_explicit_hidden_file_is_read(root: Path) -> None:
    _tree(root, {".notes.txt": TEXT})
    assert _names(list(discover([root / ".notes.txt"], Options())), Source, root) == [".notes.txt"]


def test_a_dyadscopeignore_keeps_files_out_and_says_so(root: Path) -> None:
    _tree(root, {".dyadscopeignore": "# sources list and drafts\nSOURCES.md\ndrafts/\n*.tmp.txt\n!keep.tmp.txt\n",
                 "SOURCES.md": "list", "a.txt": TEXT, "drafts/d.txt": TEXT, "x.tmp.txt": TEXT,
                 "keep.tmp.txt": TEXT, "sub/SOURCES.md": "list", "sub/b.txt": TEXT})
    items = list(discover([root], Options()))
    assert _names(items, Source, root) == ["a.txt", "keep.tmp.txt", "sub/b.txt"]
    skipped = {Path(s.path).relative_to(root).as_posix(): s.reason for s in items if isinstance(s, Skipped)}
    assert skipped == {name: "ignored by .dyadscopeignore" for name in
                       ("SOURCES.md", "drafts", "sub/SOURCES.md", "x.tmp.txt")}


def test_an_ignore_file_applies_only_below_its_folder(root: Path) -> None:
    _tree(root, {"one/.dyadscopeignore": "*.md\n", "one/a.md": TEXT, "two/b.md": TEXT})
    assert _names(list(discover([root], Options())), Source, root) == ["two/b.md"]


@pytest.mark.parametrize(("pattern", "path", "is_dir", "ignored"), [
    ("SOURCES.md", "SOURCES.md", False, True),
    ("SOURCES.md", "deep/er/SOURCES.md", False, True),
    ("/SOURCES.md", "deep/SOURCES.md", False, False),
    ("drafts/", "drafts", True, True),
    ("drafts/", "drafts", False, False),
    ("notes/*.txt", "notes/a.txt", False, True),
    ("notes/*.txt", "x/notes/a.txt", False, False),
    ("**/cache", "a/b/cache", True, True),
    ("logs/**", "logs/a/b.txt", False, True),
    ("file?.txt", "file1.txt", False, True),
    ("file[0-9].txt", "filex.txt", False, False),
    ("\\#hash.txt", "#hash.txt", False, True),
])
def test_ignore_patterns_follow_gitignore(pattern: str, path: str, is_dir: bool, ignored: bool) -> None:
    base = Path("/corpus")
    rules = IgnoreFile(base=base, path=base / ".dyadscopeignore", rules=parse_rules([pattern]))
    assert is_ignored(base / path, is_dir, [rules]) is ignored


def test_a_second_link_to_a_walked_folder_is_skipped_not_read_twice(root: Path) -> None:
    _tree(root, {"real/a.txt": TEXT})
    (root / "zlink").symlink_to(root / "real", target_is_directory=True)
    items = list(discover([root], Options()))
    assert _names(items, Source, root) == ["real/a.txt"]
    assert [Path(s.path).name for s in items if isinstance(s, Skipped)] == ["zlink"]
    assert not [i for i in items if isinstance(i, SymlinkLoopError)]


def test_a_broken_link_is_skipped(root: Path) -> None:
    _tree(root, {"a.txt": TEXT})
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    skipped = [i for i in discover([root], Options()) if isinstance(i, Skipped)]
    assert [Path(s.path).name for s in skipped] == ["gone.txt"] and "broken" in skipped[0].reason


# ---- manifests ----

def _docs(paths: list[Path], options: Options) -> dict[str, Document]:
    return {d.doc: d for d in ingest_paths(paths, options) if isinstance(d, Document)}


def test_a_csv_manifest_gives_metadata_that_wins_over_the_text(root: Path) -> None:
    _tree(root, {"manifest.csv": "file,title,author,outlet,published,url\n"
                                 "road.txt,Road repairs,Aysel Mammadli,Caspian Ledger,2015-06,https://x.example/r\n",
                 "road.txt": "By Rustam Guliyev\n\nWednesday, 3 June 2015\n\n" + TEXT, "other.txt": TEXT})
    docs = _docs([root], Options())
    road = docs["road.txt"]
    assert (road.title, road.author, road.outlet, road.url) == (
        "Road repairs", "Aysel Mammadli", "Caspian Ledger", "https://x.example/r")
    assert (road.published, road.published_precision, road.published_basis) == ("2015-06", "month", "manifest")
    assert set(road.metadata_basis.values()) == {"manifest"}
    assert road.metadata_evidence["title"]["text"] == "manifest.csv line 2"
    assert docs["other.txt"].title is None


def test_a_jsonl_manifest_matches_files_in_subfolders_by_relative_path(root: Path) -> None:
    rows = [{"file": "a/road.txt", "title": "First"}, {"file": "b/road.txt", "title": "Second"}]
    _tree(root, {"manifest.jsonl": "\n".join(json.dumps(r) for r in rows) + "\n",
                 "a/road.txt": TEXT, "b/road.txt": TEXT + "More.\n"})
    titles = sorted((Path(d.path or "").parent.name, d.title) for d in ingest_paths([root], Options())
                    if isinstance(d, Document))
    assert titles == [("a", "First"), ("b", "Second")]


def test_a_zotero_export_is_read_as_it_comes(root: Path) -> None:
    header = ('"Key","Item Type","Publication Year","Author","Title","Publication Title","ISBN","Url",'
              '"Date","File Attachments"')
    row = ('"ABCD1234","journalArticle","2011","Hasanova, Nigar; Holm, S. Peter","Water and the Border",'
           '"Caucasus Affairs Review","","https://review.example/water","2011-10-01",'
           '"/home/u/Zotero/storage/ABCD1234/water.txt; /home/u/Zotero/storage/ABCD1234/snapshot.html"')
    (export := root / "export.csv").write_text("\ufeff" + header + "\n" + row + "\n", encoding="utf-8")
    _tree(root, {"corpus/water.txt": TEXT})
    docs = _docs([root / "corpus"], Options(manifest=export))
    water = docs["water.txt"]
    assert (water.title, water.author, water.outlet, water.url) == (
        "Water and the Border", "Nigar Hasanova; S. Peter Holm", "Caucasus Affairs Review",
        "https://review.example/water")
    assert (water.published, water.published_precision) == ("2011-10-01", "day")
    assert water.metadata_evidence["title"]["rule"] == "ingest.manifest.v1:zotero"


def test_a_folder_manifest_wins_over_the_command_line_one(root: Path) -> None:
    (cli := root / "cli.csv").write_text("file,title\nroad.txt,From the flag\nother.txt,Other from the flag\n")
    _tree(root, {"docs/manifest.csv": "file,title\nroad.txt,From the folder\n", "docs/road.txt": TEXT,
                 "docs/other.txt": TEXT + "x\n"})
    docs = _docs([root / "docs"], Options(manifest=cli))
    assert docs["road.txt"].title == "From the folder"
    assert docs["other.txt"].title == "Other from the flag"


def test_a_manifest_date_that_cannot_be_read_warns_and_falls_back(root: Path) -> None:
    _tree(root, {"manifest.csv": "file,published\nroad.txt,sometime soon\n",
                 "road.txt": "Wednesday, 3 June 2015\n\n" + TEXT})
    road = _docs([root], Options())["road.txt"]
    assert (road.published, road.published_basis) == ("2015-06-03", "dateline")
    assert any("sometime soon" in w for w in road.warnings)


def test_a_manifest_encoding_column_overrides_detection(root: Path) -> None:
    _tree(root, {"manifest.csv": "file,encoding\nru.txt,koi8-r\n",
                 "ru.txt": "Переговоры в Баку продолжатся завтра.\n".encode("koi8-r")})
    doc = _docs([root], Options())["ru.txt"]
    assert doc.encoding == "koi8-r" and doc.text.startswith("Переговоры")


@pytest.mark.parametrize(("name", "content", "words"), [
    ("manifest.csv", "title,author\nRoad,Someone\n", "no file column"),
    ("manifest.csv", "file,title\nroad.txt,Road,extra,cells\n", "line 2"),
    ("manifest.jsonl", '["road.txt"]\n', "not a JSON object"),
    ("manifest.jsonl", '{"title": "Road"}\n', "no \"file\" key"),
    ("manifest.csv", b"file,title\nroad.txt,\xff\xfe\n", "not UTF-8"),
])
def test_a_malformed_manifest_is_a_manifest_error(root: Path, name: str, content: str | bytes, words: str) -> None:
    _tree(root, {name: content, "road.txt": TEXT})
    items = list(discover([root], Options()))
    errors = [i for i in items if isinstance(i, ManifestError)]
    assert len(errors) == 1 and name in str(errors[0]) and words in str(errors[0])
    assert _names(items, Source, root) == ["road.txt"]


def test_a_missing_manifest_flag_is_a_usage_error(root: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        list(discover([root], Options(manifest=root / "nope.csv")))
