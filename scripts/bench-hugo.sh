#!/usr/bin/env bash
# Builds the same generated corpus with Hugo and with showcase, alternating,
# and prints each build's wall time, CPU time and peak memory, then the
# medians and the ratios (showcase / Hugo).
#
#   scripts/bench-hugo.sh [-n BRANDS] [-r ROUNDS] [-d DIR] [-s SEED]
#
# Each round is what the office does on a merged pull request: one brand's
# file changes (the same words added to it in both corpora), then each
# generator builds. Hugo builds everything every time; showcase is timed
# twice, rebuilding its output (it reads and renders again only what the
# change reaches) and building from nothing with --fresh into another
# folder.
#
# Defaults: 10000 brands, 3 rounds, DIR=/dev/shm/showcase-bench (tmpfs, so
# the disk does not decide). The corpora are generated once per size and
# seed and kept in DIR; outputs go to DIR/out-*. Each generator builds once
# untimed first, so both start with the page cache (and showcase with its
# image cache and build state) warm. Needs hugo (Debian's: apt-get install
# hugo) and /usr/bin/time (apt-get install time).
set -euo pipefail

brands=10000
rounds=3
dir=/dev/shm/showcase-bench
seed=1
while getopts "n:r:d:s:" opt; do
	case $opt in
	n) brands=$OPTARG ;;
	r) rounds=$OPTARG ;;
	d) dir=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) echo "usage: $0 [-n BRANDS] [-r ROUNDS] [-d DIR] [-s SEED]" >&2; exit 2 ;;
	esac
done

for tool in hugo /usr/bin/time go; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench-hugo: error: $tool is not installed" >&2
		exit 1
	fi
done

repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
bin=$dir/showcase
(cd "$repo" && go build -o "$bin" ./cmd/showcase && go build -o "$dir/gencorpus" ./internal/corpus/cmd/gencorpus)

src=$dir/corpus-$brands-$seed
hsrc=$dir/hugo-$brands-$seed
[ -d "$src" ] || "$dir/gencorpus" -n "$brands" -seed "$seed" -o "$src"
[ -d "$hsrc" ] || "$dir/gencorpus" -n "$brands" -seed "$seed" -hugo -o "$hsrc"

# run NAME COMMAND... runs one build under /usr/bin/time and prints
# "NAME wall-seconds cpu-seconds peak-KB".
run() {
	local name=$1
	shift
	local t
	t=$(mktemp)
	/usr/bin/time -f "%e %U %S %M" -o "$t" "$@" >/dev/null 2>"$t.err" || {
		echo "bench-hugo: error: $name build failed:" >&2
		cat "$t.err" >&2
		exit 1
	}
	read -r wall user sys rss <"$t"
	rm -f "$t" "$t.err"
	echo "$name $wall $(echo "$user + $sys" | bc) $rss"
}

hugo_build() { run hugo hugo --minify --quiet -s "$hsrc" -d "$dir/out-hugo"; }
showcase_build() { run showcase "$bin" build --quiet --source "$src" --dest "$dir/out-showcase"; }
fresh_build() { run fresh "$bin" build --quiet --fresh --source "$src" --dest "$dir/out-fresh"; }

# edit ROUND adds a sentence to the body of the same brand in both corpora.
brand=$(cd "$src/content" && ls -d */*/ | sed -n "$((brands / 2 + 1))p")
edit() {
	local line="第 $1 轮修改：补充一段工作成效的说明。"
	printf '\n%s\n' "$line" >>"$src/content/${brand}index.md"
	printf '\n%s\n' "$line" >>"$hsrc/content/brands/${brand}index.md"
}

echo "corpus: $brands brands, seed $seed, in $dir; $(nproc) cores; each round edits $brand"
hugo_build >/dev/null
# Twice: the first rebuild after a build from nothing starts its output
# from an empty folder; every later one starts from the output it
# replaced (see docs/perf.md), and that is what the rounds time.
showcase_build >/dev/null
showcase_build >/dev/null
fresh_build >/dev/null

results=$(mktemp)
for ((r = 1; r <= rounds; r++)); do
	edit "$r"
	# Alternate which goes first, so neither always meets a cooler cache.
	if ((r % 2)); then
		hugo_build | tee -a "$results"
		showcase_build | tee -a "$results"
		fresh_build | tee -a "$results"
	else
		fresh_build | tee -a "$results"
		showcase_build | tee -a "$results"
		hugo_build | tee -a "$results"
	fi
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
col() { awk -v n="$1" -v c="$2" '$1==n {print $c}' "$results" | median; }
hw=$(col hugo 2) hc=$(col hugo 3) hm=$(col hugo 4)
printf '\n%-9s %10s %10s %12s %12s %12s\n' "median" "wall s" "cpu s" "peak MB" "wall ratio" "peak ratio"
for name in hugo showcase fresh; do
	w=$(col $name 2) c=$(col $name 3) m=$(col $name 4)
	printf '%-9s %10.2f %10.2f %12.0f %12.3f %12.3f\n' "$name" "$w" "$c" "$(echo "$m / 1024" | bc)" \
		"$(echo "scale=4; $w / $hw" | bc)" "$(echo "scale=4; $m / $hm" | bc)"
done
rm -f "$results"
