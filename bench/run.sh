#!/usr/bin/env bash
# The fleet benchmark of docs/performance.md: starts moto and the quota stand-in on loopback,
# seeds 1,000 clients in 10 pools, then measures plan, validate and memory, and prints a table.
# Everything it writes goes to bench/out/ (gitignored). Takes about 5 minutes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=bench/out
POOLS=${POOLS:-10} PER_POOL=${PER_POOL:-100} THREADS=16 RUNS=${RUNS:-3}
N=$((POOLS * PER_POOL))

for tool in python3 java javac curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 1; }
python3 -c 'import moto.server, boto3, yaml' 2>/dev/null || { echo "bench: pip install 'moto[server]' boto3 pyyaml" >&2; exit 1; }
if [ ! -f target/ccr.jar ] || [ -n "$(find src schemas pom.xml -newer target/ccr.jar -print -quit)" ]; then
  echo "== building ccr" >&2
  mvn -B -q package -DskipTests
fi
rm -rf "$out"
mkdir -p "$out"
bin/ccr --version >/dev/null # makes the class-data-sharing archive if it is missing

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

moto_port=$(free_port)
moto="http://127.0.0.1:$moto_port"
python3 -m moto.server -H 127.0.0.1 -p "$moto_port" >"$out/moto.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "$moto" && break; sleep 0.2; done
python3 bench/quota_proxy.py "$moto" >"$out/proxy.out" 2>"$out/proxy.err" &
pids+=($!)
for _ in $(seq 100); do grep -q listening "$out/proxy.out" 2>/dev/null && break; sleep 0.1; done
proxy="http://127.0.0.1:$(awk '{print $3}' "$out/proxy.out")"

echo "== seeding $N clients in $POOLS pools" >&2
python3 bench/fleet.py seed "$moto" "$out/fleet" "$POOLS" "$PER_POOL" 8

# measure NAME COMMAND...: runs it, records "seconds peak_kb" in $out/NAME.times, fails on exit 1+.
measure() {
  local name=$1; shift
  local code=0
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/$name.out" 2>"$out/$name.err" || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then
    echo "bench: $name exited $code:" >&2; tail -5 "$out/$name.err" >&2; exit 1
  fi
  tail -1 "$out/time.txt" >>"$out/$name.times"
}
throttled() { curl -s "$proxy/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["throttled"])'; }

echo "== plan of $N clients through the quota stand-in (15/s read, 5/s per operation and pool)" >&2
before=$(throttled)
measure quota bin/ccr plan "$out/fleet" --endpoint-url "$proxy" --quiet
echo $(( $(throttled) - before )) >"$out/quota.throttled"

echo "== unthrottled plan of $N clients against moto, next to a boto3 describe loop" >&2
for _ in $(seq "$RUNS"); do
  measure plan bin/ccr plan "$out/fleet" --endpoint-url "$moto" --max-read-rps 100000 --concurrency "$THREADS" --quiet
  measure boto3 python3 bench/fleet.py describe "$moto" "$out/fleet" "$THREADS"
done

echo "== validate examples/ (10 runs) next to a JVM hello world" >&2
mkdir -p "$out/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$out/hello/Hello.java"
javac -d "$out/hello" "$out/hello/Hello.java"
for _ in $(seq 10); do
  measure examples bin/ccr validate examples/
  measure hello java -cp "$out/hello" Hello
done

echo "== validate of 10,000 and 20,000 documents" >&2
python3 bench/fleet.py docs 10000 "$out/docs10k"
python3 bench/fleet.py docs 20000 "$out/docs20k"
for _ in $(seq "$RUNS"); do
  measure docs10k bin/ccr validate "$out/docs10k"
  measure docs20k bin/ccr validate "$out/docs20k"
done

python3 - "$out" "$N" <<'PY'
import statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
def times(name):
    rows = [l.split() for l in open(f"{out}/{name}.times")]
    return [float(r[0]) for r in rows], [int(r[1]) / 1024 for r in rows]
med = lambda name: statistics.median(times(name)[0])
peak = lambda name: max(times(name)[1])
floor = n / 15
quota = times("quota")[0][0]
thr = int(open(f"{out}/quota.throttled").read())
boto_loop = statistics.median(float(open(f"{out}/boto3.out").read().split()[0]) for _ in [0])
rows = [
    (f"plan {n:,} clients in 10 pools via quota stand-in", f"{quota:.1f} s, floor {floor:.1f} s: {quota / floor:.2f}x; {thr} throttled",
     "<= 1.1x floor, a handful throttled", quota <= 1.1 * floor and thr <= 5),
    (f"plan {n:,} clients, moto, unthrottled (median)", f"{med('plan'):.2f} s vs boto3 {med('boto3'):.2f} s: {med('plan') / med('boto3'):.2f}x",
     "<= 1.0x", med("plan") <= med("boto3")),
    ("validate examples/ (median of 10)", f"{med('examples'):.3f} s vs hello {med('hello'):.3f} s: {med('examples') / med('hello'):.1f}x",
     "<= 6x", med("examples") <= 6 * med("hello")),
    ("validate 10,000 / 20,000 documents (median)", f"{med('docs10k'):.2f} s / {med('docs20k'):.2f} s: {med('docs20k') / med('docs10k'):.2f}x; peak {peak('docs10k'):.0f} / {peak('docs20k'):.0f} MB",
     "<= 2.2x", med("docs20k") <= 2.2 * med("docs10k")),
    (f"plan {n:,} clients: peak RSS", f"{peak('plan'):.0f} MB unthrottled, {peak('quota'):.0f} MB paced",
     "< 256 MB", max(peak("plan"), peak("quota")) < 256),
]
print("| measurement | result | target | met |")
print("|---|---|---|---|")
for name, result, target, met in rows:
    print(f"| {name} | {result} | {target} | {'yes' if met else 'NO'} |")
print(f"\nboto3 describe loop alone (last run, without interpreter start): {boto_loop:.2f} s")
PY
