#!/usr/bin/env bash
# The main job end to end against a local Cognito emulator (moto): builds ccr if needed,
# seeds a user pool with the clients of examples/ (some drifted, one that a file declares
# absent, none yet for the file without ClientId), writes a ccr.yaml whose environment
# "local" points at the emulator, then validates and plans the clients in that environment,
# applies the saved plan (updating, creating one client and deleting another), plans again
# to show nothing is left, and checks for drift (as text and as a JUnit report); then delivers
# one client's secret to Secrets Manager and rotates it (emulator: moto with Cognito's
# client-secret operations, see emulator/cognito_secrets.py). Stops the emulator it started, whatever happens.
# CCR=/path/to/bin/ccr runs an installed ccr instead of the checkout's (no build).
#
# Usage: ./demo.sh [--keep DIR]
#   --keep DIR  copy the demo's repository (ccr.yaml, clients/, plan.json, drift.xml) to DIR,
#               which must not exist yet, to look at afterwards; its ccr.yaml names the stopped
#               emulator.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
keep=
case "${1:-}" in
  "") ;;
  --keep)
    [ -n "${2:-}" ] || { echo "usage: ./demo.sh [--keep DIR]" >&2; exit 64; }
    keep=$(cd "$(dirname "$2")" 2>/dev/null && pwd)/$(basename "$2") || { echo "demo.sh: no such directory: $(dirname "$2")" >&2; exit 64; }
    [ ! -e "$keep" ] || { echo "demo.sh: $2 exists already; give a new directory to --keep" >&2; exit 64; }
    ;;
  -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: ./demo.sh [--keep DIR]" >&2; exit 64 ;;
esac
cd "$root"

if ! python3 -c 'import moto.server, boto3, yaml' 2>/dev/null; then
  echo "demo.sh needs python3 with moto: pip install 'moto[server]'" >&2
  exit 1
fi
ccr=${CCR:-$root/bin/ccr}
if [ -z "${CCR:-}" ] && { [ ! -f target/ccr.jar ] || [ -n "$(find src schemas pom.xml -newer target/ccr.jar -print -quit)" ]; }; then
  echo "== building ccr"
  mvn -B -q -Dstyle.color=never package -DskipTests
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
python3 emulator/cognito_secrets.py -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
cleanup() {
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "$endpoint" && break
  sleep 0.2
done

# Credentials for the emulator only; nothing here reaches AWS.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL

echo "== seeding moto at $endpoint with the clients of examples/"
python3 demo/seed.py "$endpoint" examples "$work/clients"
cd "$work"

# The project file: one environment whose AWS options send every call to the emulator.
printf 'environments:\n  local:\n    endpoint-url: %s\n' "$endpoint" >ccr.yaml
echo "== ccr.yaml"
cat ccr.yaml

step() { echo; echo "\$ $*"; }
step ccr validate clients/
"$ccr" validate clients/

step ccr plan clients/ --env local --out plan.json --detailed-exitcode
set +e
"$ccr" plan clients/ --env local --out plan.json --detailed-exitcode
code=$?
set -e
echo "(exit $code)"
[ "$code" -eq 2 ] || { echo "demo.sh: expected plan to find drift (exit 2)" >&2; exit 1; }

# A saved plan is applied without a prompt, like Terraform's: it was reviewed when it was made.
step ccr apply --plan plan.json
"$ccr" apply --plan plan.json

step ccr plan clients/ --env local --detailed-exitcode
set +e
output=$("$ccr" plan clients/ --env local --detailed-exitcode)
code=$?
set -e
echo "$output"
echo "(exit $code)"
[ "$code" -eq 0 ] && [[ $output == "No changes."* ]] || { echo "demo.sh: expected no changes after apply (exit 0)" >&2; exit 1; }

# The nightly check: nothing has drifted any more.
step ccr drift clients/ --env local
"$ccr" drift clients/ --env local
# The same check as a CI server reads it: a JUnit report, one test case per client.
step ccr drift clients/ --env local --format junit --output drift.xml
"$ccr" drift clients/ --env local --format junit --output drift.xml
grep -c '<testcase ' drift.xml | sed 's/$/ test cases in drift.xml/'

# Client secrets: billing-service declares ccr: {secret: {rotateAfter, grace, store}}. The plan
# above showed its delivery to Secrets Manager and apply took it; now it is rotated at once, as in
# an incident. Values are never shown.
step ccr rotate clients/ --env local --target billing-service --dry-run
"$ccr" rotate clients/ --env local --target billing-service --dry-run
step ccr rotate clients/ --env local --target billing-service
"$ccr" rotate clients/ --env local --target billing-service
echo
echo "== the store holds the client's newest secret (checked with boto3; the value stays hidden)"
python3 "$root/demo/check_secret.py" "$endpoint" clients/machine-to-machine.yaml billing-service/cognito-client-secret

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp -R ccr.yaml clients plan.json drift.xml "$keep"/
  echo
  echo "== kept the demo's repository in $keep (its ccr.yaml names the emulator, now stopped)"
fi
