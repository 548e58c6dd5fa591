"""Archives a reviewer receives (zip, 7z): their member files, safely extracted to a private folder.

`archive_kind(path)` tells an archive from the documents that are zips themselves (docx, OFD, ODF);
`extracted(path)` yields the members as files in a private temporary folder (mode 0700, removed
afterwards), so every reader works on them as on any file. Safety: no member is written outside the
folder (absolute names, drive letters and `..` are refused), links and devices are skipped, encrypted
members refused, and counts, sizes (declared and as inflated) and compression ratios are capped.
Names are decoded as their producer wrote them: UTF-8 when flagged, else UTF-8 or GBK where the bytes
read so, else CP437 (zip's own default).
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reviewer.core.errors import DocumentError

ZIP_MAGIC = b"PK\x03\x04"
SEVEN_Z_MAGIC = b"7z\xbc\xaf\x27\x1c"
MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    max_members: int = 10_000
    max_member_size: int = 512 * MB
    max_total_size: int = 2048 * MB
    max_ratio: int = 200  # a member may not inflate more than this (zip bombs)


@dataclass(frozen=True, slots=True)
class Member:
    """One member: `name` inside the archive, `path` of the extracted file, or `refused` with why
    (bilingual, one line) when it was not extracted."""

    name: str
    path: Path | None
    refused: str = ""


def archive_kind(path: Path) -> str | None:
    """'zip' or '7z' for an archive of files; None for anything else (a docx, OFD or ODF is a zip too)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return None
    if head.startswith(SEVEN_Z_MAGIC):
        return "7z"
    if not head.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            names = {n.lower().lstrip("/") for n in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[content_types].xml" in names or "ofd.xml" in names or "mimetype" in names:
        return None
    return "zip"


def decode_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    if raw.isascii():
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def safe_relative(name: str) -> PurePosixPath | None:
    """The member's path under the extraction folder, or None when it would leave it."""
    clean = name.replace("\\", "/")
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        return None
    parts = [p for p in clean.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return PurePosixPath(*parts)


def _refusal(name: str, zh: str, en: str) -> Member:
    return Member(name, None, f"{zh} / {en}")


class _Budget:
    def __init__(self, limits: ArchiveLimits) -> None:
        self.limits = limits
        self.total = 0

    def take(self, n: int) -> None:
        self.total += n
        if self.total > self.limits.max_total_size:
            raise DocumentError(f"压缩包解压后超过 {self.limits.max_total_size // MB} MB，已停止。请解压后分批审查。",
                                f"The archive inflates to more than {self.limits.max_total_size // MB} MB; stopped. "
                                "Extract it and review the files in batches.")


@contextmanager
def extracted(path: Path, limits: ArchiveLimits = ArchiveLimits()) -> Iterator[list[Member]]:
    """The archive's members extracted under a private temporary folder (removed on exit)."""
    folder = Path(tempfile.mkdtemp(prefix="reviewer-archive-"))
    os.chmod(folder, 0o700)
    try:
        kind = archive_kind(path)
        if kind == "zip":
            yield _zip(path, folder, limits)
        elif kind == "7z":
            yield _seven_z(path, folder, limits)
        else:
            raise DocumentError(f"{path} 不是 zip 或 7z 压缩包。", f"{path} is not a zip or 7z archive.", path=str(path))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _zip(path: Path, folder: Path, limits: ArchiveLimits) -> list[Member]:
    out: list[Member] = []
    budget = _Budget(limits)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise DocumentError(f"压缩包 {path} 有 {len(infos):,} 个成员，超过上限 {limits.max_members:,}。请解压后分批审查。",
                                f"The archive {path} has {len(infos):,} members, over the limit of "
                                f"{limits.max_members:,}. Extract it and review the files in batches.", path=str(path))
        for info in infos:
            name = decode_name(info)
            kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the producer stored no Unix mode
            if info.is_dir():
                continue
            if kind and kind != stat.S_IFREG:
                out.append(_refusal(name, "符号链接或特殊文件，已跳过", "a link or special file, skipped"))
                continue
            if info.flag_bits & 0x1:
                out.append(_refusal(name, "已加密，请向来源索取未加密的文件", "encrypted; get an unencrypted copy"))
                continue
            problem = _size_problem(info.file_size, info.compress_size, limits)
            if problem:
                out.append(_refusal(name, *problem))
                continue
            target = _target(folder, name)
            if target is None:
                out.append(_refusal(name, "路径指向压缩包外（路径穿越），已拒绝", "its path leaves the archive (path "
                                    "traversal); refused"))
                continue
            with archive.open(info) as source:
                out.append(_copy(name, source, target, info.compress_size, limits, budget))
    return out


def _size_problem(size: int, packed: int, limits: ArchiveLimits) -> tuple[str, str] | None:
    if size > limits.max_member_size:
        return (f"解压后 {size:,} 字节，超过上限 {limits.max_member_size:,}",
                f"{size:,} bytes when inflated, over the limit of {limits.max_member_size:,}")
    if packed and size > MB and size / packed > limits.max_ratio:
        return (f"压缩比 {size // packed} 超过上限 {limits.max_ratio}（疑似压缩炸弹）",
                f"compression ratio {size // packed} over the limit of {limits.max_ratio} (a zip bomb?)")
    return None


def _target(folder: Path, name: str) -> Path | None:
    relative = safe_relative(name)
    if relative is None:
        return None
    target = folder.joinpath(*relative.parts)
    if not target.resolve().is_relative_to(folder.resolve()):
        return None
    return target


def _copy(name: str, source: io.IOBase, target: Path, packed: int, limits: ArchiveLimits, budget: _Budget) -> Member:
    """Stream a member to its file, stopping as soon as it inflates past the caps it declared or ours."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    try:
        with open(target, "xb") as out:
            while chunk := source.read(MB):
                written += len(chunk)
                budget.take(len(chunk))
                if written > limits.max_member_size or (packed and written > MB and written / packed > limits.max_ratio):
                    raise ValueError("inflated past the caps")
                out.write(chunk)
    except FileExistsError:
        return _refusal(name, "与另一个成员同名，已跳过", "same name as another member, skipped")
    except ValueError:
        target.unlink(missing_ok=True)
        return _refusal(name, "解压后超过大小或压缩比上限（疑似压缩炸弹）", "inflates past the size or ratio caps (a zip bomb?)")
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        target.unlink(missing_ok=True)
        return _refusal(name, f"无法解压（{type(exc).__name__}）", f"cannot be extracted ({type(exc).__name__})")
    return Member(name, target)


def _seven_z(path: Path, folder: Path, limits: ArchiveLimits) -> list[Member]:
    import py7zr
    from py7zr.io import Py7zIO, WriterFactory

    out: list[Member] = []
    budget = _Budget(limits)
    wanted: dict[str, Path] = {}
    try:
        with py7zr.SevenZipFile(path, mode="r") as archive:
            if archive.needs_password():
                raise DocumentError(f"压缩包 {path} 已加密。请向来源索取未加密的文件。",
                                    f"The archive {path} is encrypted. Get an unencrypted copy.", path=str(path))
            infos = archive.list()
            if len(infos) > limits.max_members:
                raise DocumentError(f"压缩包 {path} 的成员超过上限 {limits.max_members:,}。",
                                    f"The archive {path} has more than {limits.max_members:,} members.", path=str(path))
            for info in infos:
                if info.is_directory:
                    continue
                if info.is_symlink or not info.is_file:
                    out.append(_refusal(info.filename, "符号链接或特殊文件，已跳过", "a link or special file, skipped"))
                    continue
                problem = _size_problem(info.uncompressed, 0, limits)
                target = _target(folder, info.filename)
                if problem:
                    out.append(_refusal(info.filename, *problem))
                elif target is None:
                    out.append(_refusal(info.filename, "路径指向压缩包外（路径穿越），已拒绝",
                                        "its path leaves the archive (path traversal); refused"))
                else:
                    wanted[info.filename] = target

            class _Capped(Py7zIO):
                def __init__(self, target: Path | None) -> None:
                    self.target, self.count = target, 0
                    if target is not None:
                        target.parent.mkdir(parents=True, exist_ok=True)
                    self.fh = open(target, "xb") if target is not None else None  # noqa: SIM115

                def write(self, s: bytes | bytearray) -> int:
                    self.count += len(s)
                    budget.take(len(s))
                    if self.count > limits.max_member_size:
                        raise DocumentError("7z 成员超过大小上限。", "A 7z member is over the size limit.")
                    if self.fh is not None:
                        self.fh.write(s)
                    return len(s)

                def read(self, size: int | None = None) -> bytes:
                    return b""

                def seek(self, offset: int, whence: int = 0) -> int:
                    return self.count

                def flush(self) -> None:
                    if self.fh is not None:
                        self.fh.flush()

                def size(self) -> int:
                    return self.count

                def close(self) -> None:
                    if self.fh is not None:
                        self.fh.close()
                        self.fh = None

            class _Factory(WriterFactory):
                def create(self, filename: str) -> Py7zIO:
                    return _Capped(wanted.get(filename))

            if wanted:
                archive.extract(targets=list(wanted), factory=_Factory())
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - py7zr raises many types on hostile bytes
        raise DocumentError(f"无法读取 7z 压缩包 {path}（{type(exc).__name__}）。请解压后逐个审查。",
                            f"Cannot read the 7z archive {path} ({type(exc).__name__}). Extract it and review the "
                            "files one by one.", path=str(path)) from None
    out += [Member(name, target) for name, target in wanted.items() if target.is_file()]
    return out
