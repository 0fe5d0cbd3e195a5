#!/usr/bin/env bash
# Measures Hugo's preview server on a one-file edit, as a reference for
# "showcase serve" (go test ./internal/serve -run '^$' -bench ServeEdit):
# on the generated corpus written as a Hugo site, it starts
# "hugo server" (fast render, the default), then edits one brand's body
# several times and prints, per edit, Hugo's own "Total in N ms" rebuild
# figure and the wall time from the write until the brand's page served
# over HTTP holds the change, then the medians.
#
#   scripts/bench-hugo-server.sh [-n BRANDS] [-e EDITS] [-d DIR] [-p PORT] [-s SEED] [-k]
#
# Defaults: 10000 brands, 7 edits, DIR=/dev/shm/showcase-hugo-server, port
# 1314, seed 1. Each edit writes a marker word into the body of a brand's
# index.md in place (as the showcase benchmark writes its file), polls the
# page every millisecond until it shows the marker, then puts the file
# back and waits for that rebuild too. The page is fetched once before
# the edits, since fast render re-renders the pages a browser has
# visited. DIR is removed at the end unless -k keeps it. Needs hugo
# (Debian's: apt-get install hugo), go and python3.
set -euo pipefail

brands=10000
edits=7
dir=/dev/shm/showcase-hugo-server
port=1314
seed=1
keep=
while getopts "n:e:d:p:s:k" opt; do
	case $opt in
	n) brands=$OPTARG ;;
	e) edits=$OPTARG ;;
	d) dir=$OPTARG ;;
	p) port=$OPTARG ;;
	s) seed=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: $0 [-n BRANDS] [-e EDITS] [-d DIR] [-p PORT] [-s SEED] [-k]" >&2; exit 2 ;;
	esac
done

for tool in hugo go python3; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench-hugo-server: error: $tool is not installed" >&2
		exit 1
	fi
done

repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
(cd "$repo" && go build -o "$dir/gencorpus" ./internal/corpus/cmd/gencorpus)
src=$dir/hugo-$brands-$seed
[ -d "$src" ] || "$dir/gencorpus" -n "$brands" -seed "$seed" -hugo -o "$src"

log=$dir/hugo-server.log
hugo_pid=
cleanup() {
	if [ -n "$hugo_pid" ]; then
		kill "$hugo_pid" 2>/dev/null || true
		wait "$hugo_pid" 2>/dev/null || true
	fi
	if [ -z "$keep" ]; then
		rm -rf "$dir"
	fi
}
trap cleanup EXIT

echo "corpus: $brands brands, seed $seed, in $src; $(nproc) cores; $(hugo version | cut -d' ' -f1-2)"
start=$(date +%s.%N)
hugo server -s "$src" --port "$port" --bind 127.0.0.1 --disableFastRender=false >"$log" 2>&1 &
hugo_pid=$!
until grep -q "Web Server is available" "$log"; do
	if ! kill -0 "$hugo_pid" 2>/dev/null; then
		echo "bench-hugo-server: error: hugo server stopped:" >&2
		cat "$log" >&2
		exit 1
	fi
	sleep 0.2
done
echo "hugo server ready in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s ($(grep -m1 -o 'Built in [0-9]* ms' "$log"))"

python3 - "$src" "$port" "$log" "$edits" <<'EOF'
import glob, os, re, statistics, sys, time, urllib.request

src, port, log, edits = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
files = sorted(glob.glob(os.path.join(src, "content", "brands", "*", "*", "index.md")))

def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""

def totals():
    with open(log, encoding="utf-8", errors="replace") as f:
        return [int(m) for m in re.findall(r"Total in (\d+) ms", f.read())]

def wait_total(seen, limit=120):
    # Waits for Hugo to print the rebuild's "Total in N ms" and returns N.
    deadline = time.time() + limit
    while time.time() < deadline:
        t = totals()
        if len(t) > seen:
            return t[seen], len(t)
        time.sleep(0.01)
    sys.exit("bench-hugo-server: error: no rebuild reported after an edit")

def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

hugo_ms, wall_ms = [], []
seen = len(totals())
for i in range(edits):
    path = files[(i * 7919) % len(files)]
    unit, brand = path.split(os.sep)[-3:-1]
    url = f"http://127.0.0.1:{port}/brands/{unit}/{brand}/"
    get(url)  # visited, as in a browser
    with open(path, encoding="utf-8") as f:
        data = f.read()
    marker = f"编辑标记{i}"
    head, sep, body = data.partition("\n---\n")  # after the front matter
    edited = head + sep + marker + body
    start = time.perf_counter()
    write(path, edited)
    while marker not in get(url):
        if time.perf_counter() - start > 120:
            sys.exit("bench-hugo-server: error: the edit never showed")
        time.sleep(0.001)
    wall = (time.perf_counter() - start) * 1000
    total, seen = wait_total(seen)
    hugo_ms.append(total)
    wall_ms.append(wall)
    print(f"edit {i + 1}: {unit}/{brand}: hugo Total in {total} ms, served after {wall:.1f} ms", flush=True)
    write(path, data)
    _, seen = wait_total(seen)
    time.sleep(0.3)

print(f"\nmedian of {edits} edits: hugo Total in {statistics.median(hugo_ms):.0f} ms, "
      f"write to served {statistics.median(wall_ms):.1f} ms (max {max(wall_ms):.1f} ms)")
EOF
