#!/usr/bin/env bash
# The benchmark of docs/performance.md. Builds the release archives (JReleaser), installs one into
# bench/out/install and runs every ccr command through that installed launcher. Starts moto and
# the quota stand-in on loopback, seeds four fleets with boto3, measures, and prints every figure
# as a ratio to the floor or baseline measured in the same run:
#   apply    ccr apply --plan of a plan changing 300 clients in 6 pools, through the quota stand-in;
#            floor: the stale check reads every client (N/15 s), then each client is read again
#            right before its write (N/15 s; the writes are another quota category and overlap)
#   plan     ccr plan of 1,000 clients in 10 pools against moto, pacing lifted, whole process,
#            next to a boto3 describe loop over the same clients (8 threads, one client object
#            per thread, whole process), on small and on large clients, alternating; wall and CPU; then the lines of warnings of the small plan without --allow
#   startup  validate examples/ next to a hello world compiled here and started with the same java
#            and the same flags as the launcher, alternating, timed the same way
#   quota    ccr plan of 300 small clients in 6 pools through the quota stand-in, against N/15 s,
#            and the time from the process's start to the stand-in's first client read
#   scale    validate of 10,000 and 20,000 generated documents
# Everything it writes goes to bench/out/ (gitignored). About 8 minutes.
# RUNS (default 3) sets the repetitions of apply, plan, quota and scale, STARTS (default 10) those of
# start-up; PARTS (default "apply plan startup quota scale") chooses the parts; INSTALL (runtime or
# java) the release archive measured.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=bench/out
RUNS=${RUNS:-3} STARTS=${STARTS:-10} PARTS=${PARTS:-"apply plan startup quota scale"}
PLAN_POOLS=10 PLAN_PER_POOL=100 APPLY_POOLS=6 APPLY_PER_POOL=50 QUOTA_POOLS=6 QUOTA_PER_POOL=50
BOTO3_THREADS=8
# The generated clients leave PreventUserExistenceErrors and refresh token rotation at Cognito's
# defaults, which draws two security warnings per client (CCR101, CCR107) from plan, printed once
# per rule; the plan part counts those lines once, without --allow. The timed runs allow the two
# rules, as a team with such a fleet would; the rules are still evaluated for every client.
ALLOW=(--allow CCR101 --allow CCR107)
part() { [[ " $PARTS " == *" $1 "* ]]; }

for tool in python3 java javac curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 1; }
done
python3 -c 'import moto.server, boto3, yaml' 2>/dev/null || { echo "bench: pip install 'moto[server]' boto3 pyyaml" >&2; exit 1; }
# INSTALL=java (the default) measures the release for any Java (with JAVA_HOME's java, else the
# PATH's), INSTALL=runtime the release with its own Java runtime (Linux x86-64).
INSTALL=${INSTALL:-java}
case $INSTALL in
  runtime) pattern='target/jreleaser/assemble/ccr-runtime/jlink/ccr-*-linux-x86_64.tar.gz' ;;
  java) pattern='target/jreleaser/assemble/ccr/java-archive/ccr-*.tar.gz' ;;
  *) echo "bench: INSTALL is runtime or java" >&2; exit 1 ;;
esac
archive=$(ls $pattern 2>/dev/null | head -1 || true)
if [ ! -f target/ccr.jar ] || [ -n "$(find src schemas pom.xml jreleaser.yml bin/ccr -newer target/ccr.jar -print -quit)" ] \
  || [ -z "$archive" ] || [ -n "$(find target/ccr.jar bin/ccr -newer "$archive" -print -quit)" ]; then
  echo "== building ccr and its release archive ($INSTALL)" >&2
  if [ "$INSTALL" = runtime ]; then
    [ "$(uname -sm)" = "Linux x86_64" ] || { echo "bench: INSTALL=runtime is made on Linux x86-64 only" >&2; exit 1; }
    # Cut from a JDK 25 or later (.ci/runtime-jdk).
    runtime_jdk=$(.ci/runtime-jdk)
    CCR_RUNTIME_JDK=$runtime_jdk mvn -B -q package -DskipTests jreleaser:assemble
  else
    mvn -B -q package -DskipTests jreleaser:assemble -Djreleaser.excluded.assemblers=jlink
  fi
  archive=$(ls $pattern | head -1)
fi
rm -rf "$out"
mkdir -p "$out/install"
# Every ccr command runs through the launcher of the release archive, installed here.
tar -xzf "$archive" -C "$out/install"
ccr=$(echo "$out"/install/ccr-*/bin/ccr)
"$ccr" --version >/dev/null # makes the class-data-sharing archive
"$ccr" validate --help >/dev/null # and on Java 25 the cache of the commands that never call AWS
# The JVM flags of the launcher, and the java it starts, for the hello world.
eval "$(grep -m1 '^opts=(' "$ccr")"
java=java
if [ "$INSTALL" = runtime ]; then java="${ccr%/ccr}/java"; elif [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi

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

python3 - "$out/info.json" "$PLAN_POOLS" "$PLAN_PER_POOL" "$APPLY_POOLS" "$APPLY_PER_POOL" "$QUOTA_POOLS" "$QUOTA_PER_POOL" <<'PY'
import json, os, sys
_, path, pp, ppp, ap, app, qp, qpp = sys.argv
n = int(ap) * int(app)
json.dump({"load": " ".join(f"{x:.2f}" for x in os.getloadavg()), "plan_pools": int(pp),
           "quota_pools": int(qp), "quota_clients": int(qp) * int(qpp),
           "plan_clients": int(pp) * int(ppp), "apply_pools": int(ap), "apply_clients": n,
           "apply_floor": 2 * n / 15}, open(path, "w"))
PY
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
  # Time the CPUs were wanted and busy before the run (Linux PSI): above a few per cent another
  # tenant shares the machine, and ratios move by up to a tenth from run to run.
  if [ -r /proc/pressure/cpu ]; then
    echo "cpu pressure before the run (PSI, share of time some task waited for a CPU): $(head -1 /proc/pressure/cpu | cut -d' ' -f2-4)"
  fi
  echo "java: $("$java" -version 2>&1 | head -2 | tail -1) ($java, install: $INSTALL)"
  echo "python: $(python3 -c 'import sys, moto, boto3; print(sys.version.split()[0], "moto", moto.__version__, "boto3", boto3.__version__)')"
  echo "launcher: $ccr ($("$ccr" --version)); flags: ${opts[*]}"
} >"$out/machine.txt"
cat "$out/machine.txt" >&2

time_run() { python3 bench/fleet.py time "$@"; }
throttled() { curl -s "$proxy/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["throttled"])'; }

if part apply; then
  echo "== apply: seeding $((APPLY_POOLS * APPLY_PER_POOL)) clients in $APPLY_POOLS pools" >&2
  python3 bench/fleet.py seed "$moto" "$out/apply" "$APPLY_POOLS" "$APPLY_PER_POOL" 8 apply
  for run in $(seq "$RUNS"); do
    echo "== apply: run $run of $RUNS (plan --out against moto, then apply --plan through the stand-in)" >&2
    python3 bench/fleet.py desired "$out/apply" "$run"
    "$ccr" plan "$out/apply" --out "$out/apply-$run.json" --endpoint-url "$moto" --max-read-rps 100000 --quiet "${ALLOW[@]}" >"$out/apply-plan.out" 2>"$out/apply-plan.err"
    before=$(throttled)
    time_run apply "$out" -- "$ccr" apply --plan "$out/apply-$run.json" --endpoint-url "$proxy" --quiet
    echo $(($(throttled) - before)) >>"$out/apply.throttled"
  done
fi

if part plan; then
  for shape in small large; do
    echo "== plan: seeding $((PLAN_POOLS * PLAN_PER_POOL)) $shape clients in $PLAN_POOLS pools" >&2
    python3 bench/fleet.py seed "$moto" "$out/plan-$shape" "$PLAN_POOLS" "$PLAN_PER_POOL" 8 "$shape"
  done
fi
if part plan; then
  for run in $(seq "$RUNS"); do
    echo "== plan: run $run of $RUNS (ccr and boto3, small and large clients)" >&2
    for shape in small large; do
      time_run "plan-$shape" "$out" -- "$ccr" plan "$out/plan-$shape" --endpoint-url "$moto" --max-read-rps 100000 --quiet "${ALLOW[@]}"
      time_run "boto3-$shape" "$out" -- python3 bench/fleet.py describe "$moto" "$out/plan-$shape" "$BOTO3_THREADS"
    done
  done
  echo "== plan: the small fleet once more, without --allow, counting the lines of warnings" >&2
  rc=0
  "$ccr" plan "$out/plan-small" --endpoint-url "$moto" --max-read-rps 100000 --quiet >"$out/plan-warnings.out" 2>"$out/plan-warnings.err" || rc=$?
  echo "plan warnings: $(grep -c warning "$out/plan-warnings.err" || true) lines on stderr for $((PLAN_POOLS * PLAN_PER_POOL)) untouched clients without --allow (exit $rc: $(head -1 "$out/plan-warnings.out"))" >"$out/plan-warnings.txt"
fi

if part startup; then
  echo "== start-up: validate examples/ next to a hello world, $STARTS runs each" >&2
  mkdir -p "$out/hello"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$out/hello/Hello.java"
  javac -d "$out/hello" "$out/hello/Hello.java"
  for _ in $(seq "$STARTS"); do
    time_run validate "$out" -- "$ccr" validate examples/
    time_run hello "$out" -- "$java" "${opts[@]}" -cp "$out/hello" Hello
  done
fi

if part quota; then
  echo "== quota: seeding $((QUOTA_POOLS * QUOTA_PER_POOL)) small clients in $QUOTA_POOLS pools" >&2
  python3 bench/fleet.py seed "$moto" "$out/quota" "$QUOTA_POOLS" "$QUOTA_PER_POOL" 8 small
  for run in $(seq "$RUNS"); do
    echo "== quota: run $run of $RUNS (plan through the stand-in)" >&2
    before=$(throttled)
    curl -s -o /dev/null "$proxy/mark"
    time_run quota-plan "$out" -- "$ccr" plan "$out/quota" --endpoint-url "$proxy" --quiet "${ALLOW[@]}"
    curl -s "$proxy/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["first_read"])' >>"$out/quota-plan.first"
    echo $(($(throttled) - before)) >>"$out/quota-plan.throttled"
  done
fi

if part scale; then
  echo "== scale: validate of 10,000 and 20,000 documents" >&2
  python3 bench/fleet.py docs 10000 "$out/docs10k"
  python3 bench/fleet.py docs 20000 "$out/docs20k"
  for _ in $(seq "$RUNS"); do
    time_run docs10k "$out" -- "$ccr" validate "$out/docs10k"
    time_run docs20k "$out" -- "$ccr" validate "$out/docs20k"
  done
fi

cat "$out/machine.txt"
echo
python3 bench/fleet.py report "$out"
if [ -f "$out/plan-warnings.txt" ]; then cat "$out/plan-warnings.txt"; fi
