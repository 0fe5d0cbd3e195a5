#!/usr/bin/env bash
# Builds the same generated corpus with Hugo and with showcase, alternating,
# and prints each build's wall time, CPU time and peak memory, then the
# medians and the ratios (showcase / Hugo).
#
#   scripts/bench-hugo.sh [-n BRANDS] [-r ROUNDS] [-d DIR] [-s SEED] [-H HUGO]... [-B SHOWCASE]
#
# Each round is what the office does on a merged pull request: one brand's
# file changes (the same words added to it in both corpora), then each
# generator builds. Hugo builds everything every time; showcase is timed
# three times: rebuilding its output (it reads and renders again only what
# the change reaches), building from nothing with --fresh into another
# folder, and building the kiosk target, which is always built whole.
#
# -H names a Hugo binary to time, and may be given more than once to time
# several versions in the same rounds (the HUGO environment variable names
# one too; the default is the hugo on PATH). Ratios are against each.
# -B names another showcase binary, an older build say, whose builds from
# nothing (fresh-B, kiosk-B) are timed in the same rounds, for a before
# and after measured on the same machine at the same time.
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
hugos=()
other=
while getopts "n:r:d:s:H:B:" opt; do
	case $opt in
	n) brands=$OPTARG ;;
	r) rounds=$OPTARG ;;
	d) dir=$OPTARG ;;
	s) seed=$OPTARG ;;
	H) hugos+=("$OPTARG") ;;
	B) other=$OPTARG ;;
	*) echo "usage: $0 [-n BRANDS] [-r ROUNDS] [-d DIR] [-s SEED] [-H HUGO]... [-B SHOWCASE]" >&2; exit 2 ;;
	esac
done
((${#hugos[@]})) || hugos=("${HUGO:-hugo}")

for tool in "${hugos[@]}" /usr/bin/time go bc; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench-hugo: error: $tool is not installed" >&2
		exit 1
	fi
done

repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
bin=$dir/showcase
# showcase as released (scripts/dist): with its profile for the compiler.
(cd "$repo" && go build -pgo=cmd/showcase/release.pgo -o "$bin" ./cmd/showcase && go build -o "$dir/gencorpus" ./internal/corpus/cmd/gencorpus)

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

# Each Hugo is named by its version: hugo-0.152.2.
names=()
for h in "${hugos[@]}"; do
	names+=("hugo-$("$h" version | grep -o 'v[0-9][0-9.]*' | head -1 | tr -d v)")
done
hugo_builds() {
	local i
	for i in "${!hugos[@]}"; do
		run "${names[$i]}" "${hugos[$i]}" --minify --quiet -s "$hsrc" -d "$dir/out-${names[$i]}"
	done
}
showcase_build() { run showcase "$bin" build --quiet --source "$src" --dest "$dir/out-showcase"; }
fresh_build() { run fresh "$bin" build --quiet --fresh --source "$src" --dest "$dir/out-fresh"; }
kiosk_build() { run kiosk "$bin" build --quiet --target kiosk --source "$src" --dest "$dir/out-kiosk"; }
# other_builds times the -B binary's builds from nothing, if one is given.
other_builds() {
	[ -n "$other" ] || return 0
	run fresh-B "$other" build --quiet --fresh --source "$src" --dest "$dir/out-fresh-B"
	run kiosk-B "$other" build --quiet --target kiosk --source "$src" --dest "$dir/out-kiosk-B"
}

# edit ROUND adds a sentence to the body of the same brand in both corpora.
brand=$(cd "$src/content" && ls -d */*/ | sed -n "$((brands / 2 + 1))p")
edit() {
	local line="第 $1 轮修改：补充一段工作成效的说明。"
	printf '\n%s\n' "$line" >>"$src/content/${brand}index.md"
	printf '\n%s\n' "$line" >>"$hsrc/content/brands/${brand}index.md"
}

echo "corpus: $brands brands, seed $seed, in $dir; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); each round edits $brand"
hugo_builds >/dev/null
# Twice: the first rebuild after a build from nothing starts its output
# from an empty folder; every later one starts from the output it
# replaced (see docs/perf.md), and that is what the rounds time.
showcase_build >/dev/null
showcase_build >/dev/null
fresh_build >/dev/null
kiosk_build >/dev/null
other_builds >/dev/null

results=$(mktemp)
for ((r = 1; r <= rounds; r++)); do
	edit "$r"
	# Alternate which goes first, so neither always meets a cooler cache.
	if ((r % 2)); then
		hugo_builds | tee -a "$results"
		showcase_build | tee -a "$results"
		fresh_build | tee -a "$results"
		kiosk_build | tee -a "$results"
		other_builds | tee -a "$results"
	else
		other_builds | tee -a "$results"
		kiosk_build | tee -a "$results"
		fresh_build | tee -a "$results"
		showcase_build | tee -a "$results"
		hugo_builds | tee -a "$results"
	fi
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
col() { awk -v n="$1" -v c="$2" '$1==n {print $c}' "$results" | median; }
for ref in "${names[@]}"; do
	hw=$(col "$ref" 2) hc=$(col "$ref" 3) hm=$(col "$ref" 4)
	printf '\n%-14s %9s %9s %9s %11s %10s %11s\n' "median" "wall s" "cpu s" "peak MB" "wall ratio" "cpu ratio" "peak ratio"
	for name in "$ref" showcase fresh kiosk ${other:+fresh-B kiosk-B}; do
		w=$(col $name 2) c=$(col $name 3) m=$(col $name 4)
		printf '%-14s %9.2f %9.2f %9.0f %11.3f %10.3f %11.3f\n' "$name" "$w" "$c" "$(echo "$m / 1024" | bc)" \
			"$(echo "scale=4; $w / $hw" | bc)" "$(echo "scale=4; $c / $hc" | bc)" "$(echo "scale=4; $m / $hm" | bc)"
	done
done
rm -f "$results"
