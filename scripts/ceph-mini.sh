#!/usr/bin/env bash
# A throw-away one-node Ceph (mon + memstore OSD + radosgw) on 127.0.0.1, for tests that need an S3
# server that really evaluates bucket policies. See /work/shared/reference/s3-servers.md for why Ceph
# and for its quirks (one region, InvalidArgument for malformed policies, SDK checksum settings).
#
#   ceph-mini.sh install          install the Debian packages if missing (root only; else exit 2)
#   ceph-mini.sh start DIR        start a fresh cluster in DIR (wiped first); DIR/endpoint when ready
#   ceph-mini.sh stop DIR         stop the daemons started in DIR and wait for them to exit
#
# start reads RGW_REGION (default eu-west-1), S3_AK / S3_SK (the one S3 user's keys),
# CEPH_MINI_TIMEOUT (seconds, default 60) and CEPH_MINI_OWNER_PID (optional: stop the cluster when that
# process exits, so a killed test JVM does not leave daemons behind).
set -euo pipefail

PACKAGES=(radosgw ceph-mon ceph-osd uuid-runtime)
# ceph-base/ceph-common come with the three daemons' packages and bring the tools used below
TOOLS=(radosgw ceph-mon ceph-osd ceph radosgw-admin monmaptool ceph-authtool uuidgen)
INSTALL_CMD="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES[*]}"
DAEMONS=(rgw osd mon)

die() { echo "ceph-mini: $*" >&2; exit 1; }

missing_tools() {
  local t
  for t in "${TOOLS[@]}"; do command -v "$t" >/dev/null 2>&1 || echo "$t"; done
}

cmd_install() {
  local missing
  missing=$(missing_tools | tr '\n' ' ')
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    # one line: the test fixture shows it as the failure message
    echo "ceph-mini: missing ${missing% }; as root run: $INSTALL_CMD" >&2
    exit 2
  fi
  local log
  log=$(mktemp)
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    die "apt-get install ${PACKAGES[*]} failed"
  fi
  rm -f "$log"
  missing=$(missing_tools | tr '\n' ' ')
  [ -z "$missing" ] || die "still missing after install: ${missing% }"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

cmd_stop() {
  local d=$1 n
  for n in "${DAEMONS[@]}"; do
    if alive "$d/$n.pid"; then kill "$(cat "$d/$n.pid")" 2>/dev/null || true; fi
  done
  # On SIGTERM the memstore OSD spends ~5 s writing its RAM store to DIR, which start wipes
  # anyway: nothing here is worth keeping, so SIGKILL whatever is still running after 1 s.
  for n in "${DAEMONS[@]}"; do
    for _ in $(seq 1 5); do alive "$d/$n.pid" || break; sleep 0.2; done
    if alive "$d/$n.pid"; then kill -9 "$(cat "$d/$n.pid")" 2>/dev/null || true; fi
  done
  # the watchdog runs this very function when its owner dies: do not kill ourselves
  if [ -f "$d/watchdog.pid" ] && [ "$(cat "$d/watchdog.pid")" != "$$" ]; then
    kill "$(cat "$d/watchdog.pid")" 2>/dev/null || true
  fi
  rm -f "$d/watchdog.pid"
  rm -f "$d/endpoint"
}

# local ports of every TCP socket (any state), from /proc rather than ss: iproute2 may be missing
used_ports() {
  local f _sl local_addr _rest
  for f in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$f" ] || continue
    while read -r _sl local_addr _rest; do
      [ "$_sl" = sl ] || echo $((16#${local_addr##*:}))
    done < "$f"
  done
}

# A block of 20 consecutive free ports below the ephemeral range (so an outgoing connection cannot
# take one of them between the check and the bind): mon = base, rgw = base+1, OSD = base+2..base+17.
# Random blocks make two checkouts starting at the same moment very unlikely to pick the same one.
pick_ports() {
  local low high base p ok used
  read -r low high < /proc/sys/net/ipv4/ip_local_port_range || { low=32768; high=60999; }
  used=" $(used_ports | tr '\n' ' ') "
  for _ in $(seq 1 50); do
    if [ "$low" -gt 21000 ]; then
      base=$((20000 + 20 * ((RANDOM * 32768 + RANDOM) % ((low - 20000) / 20))))
    else
      base=$((high + 1 + 20 * ((RANDOM * 32768 + RANDOM) % ((65000 - high) / 20))))
    fi
    ok=1
    for p in $(seq "$base" $((base + 19))); do
      case "$used" in *" $p "*) ok=0; break ;; esac
    done
    if [ "$ok" = 1 ]; then echo "$base"; return 0; fi
  done
  die "no block of 20 free ports found"
}

http_ok() {
  # shellcheck disable=SC2016 # $1 is the inner shell's argument
  # bash's /dev/tcp instead of curl: one dependency less. Anonymous GET / is ListAllMyBuckets: 200.
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; printf "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3; head -n 1 <&3' _ "$1" 2>/dev/null |
    grep -q '^HTTP/1\.[01] 200'
}

DIR=""
STARTED=0
T_END=0
TIMEOUT_S=60

remaining() { local r=$((T_END - SECONDS)); [ "$r" -gt 0 ] && echo "$r" || echo 1; }

fail_start() {
  local f
  {
    echo "ceph-mini: $* (logs in $DIR/log)"
    for f in "$DIR"/log/mon.out "$DIR"/log/osd-mkfs.out "$DIR"/log/osd.out "$DIR"/log/rgw.out "$DIR"/log/client.rgw.log; do
      [ -s "$f" ] || continue
      echo "--- tail $f"
      tail -n 15 "$f"
    done
  } >&2
  exit 1
}

on_exit() {
  local rc=$?
  # a half-started cluster is worse than none: it would hold the ports and the memory
  if [ "$STARTED" != 1 ] && [ -n "$DIR" ]; then cmd_stop "$DIR" >/dev/null 2>&1 || true; fi
  exit "$rc"
}

# ceph/radosgw-admin block forever on a monitor that never answers: bound each call by the deadline
ceph_cmd() {
  local rc=0
  timeout "$(remaining)" "$@" -c "$DIR/ceph.conf" || rc=$?
  [ "$rc" = 0 ] && return 0
  [ "$rc" = 124 ] && fail_start "'$1 ${2:-} ${3:-}' did not finish within the ${TIMEOUT_S} s start deadline"
  fail_start "'$1 ${2:-} ${3:-}' failed (exit $rc)"
}

cmd_start() {
  DIR=$1
  local region=${RGW_REGION:-eu-west-1}
  local ak=${S3_AK:-AKIAIOSFODNN7EXAMPLE}
  local sk=${S3_SK:-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}
  TIMEOUT_S=${CEPH_MINI_TIMEOUT:-60}
  local missing
  missing=$(missing_tools | tr '\n' ' ')
  if [ -n "$missing" ]; then
    echo "ceph-mini: missing ${missing% }; as root run: $INSTALL_CMD" >&2
    exit 2
  fi
  T_END=$((SECONDS + TIMEOUT_S))
  trap on_exit EXIT
  # stop a previous cluster in the same DIR before wiping its pid files
  [ -d "$DIR" ] && cmd_stop "$DIR"
  rm -rf "$DIR"
  mkdir -p "$DIR"/{mon,osd0,run,log}

  local base mon_port rgw_port fsid
  base=$(pick_ports)
  mon_port=$base
  rgw_port=$((base + 1))
  fsid=$(uuidgen)
  cat > "$DIR/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
# without cluster addr/network the OSD binds its cluster ports on 0.0.0.0
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
cluster network = 127.0.0.0/8
auth cluster required = none
auth service required = none
auth client required = none
# with auth none, radosgw loops on "get_initial_auth_request returned -13" without these two
ms mon client mode = crc secure
ms client mode = crc secure
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default pg num = 8
osd pool default pgp num = 8
# radosgw's first start creates its pools one mon proposal at a time, and the mon waits up to
# 1 s (the default interval) before each one: 10 of the 12 s start; a lone test mon need not batch
paxos propose interval = 0.05
paxos min wait = 0.01
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
osd objectstore = memstore
memstore device bytes = 1073741824
osd crush chooseleaf type = 0
ms bind ipv6 = false
run dir = $DIR/run
log file = $DIR/log/\$name.log
admin socket = $DIR/run/\$name.asok
mon data = $DIR/mon
osd data = $DIR/osd0
keyring = $DIR/keyring
[osd]
ms bind port min = $((base + 2))
ms bind port max = $((base + 17))
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
EOF
  monmaptool --create --add a "v2:127.0.0.1:$mon_port" --fsid "$fsid" "$DIR/monmap" >/dev/null
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-mon -c "$DIR/ceph.conf" --mkfs -i a --monmap "$DIR/monmap" > "$DIR/log/mon-mkfs.out" 2>&1 ||
    fail_start "ceph-mon --mkfs failed"
  ceph-mon -c "$DIR/ceph.conf" -i a -f > "$DIR/log/mon.out" 2>&1 &
  echo $! > "$DIR/mon.pid"
  ceph_cmd ceph osd create >/dev/null
  ceph-osd -c "$DIR/ceph.conf" -i 0 --mkfs > "$DIR/log/osd-mkfs.out" 2>&1 || fail_start "ceph-osd --mkfs failed"
  ceph-osd -c "$DIR/ceph.conf" -i 0 -f > "$DIR/log/osd.out" 2>&1 &
  echo $! > "$DIR/osd.pid"
  # The region (zonegroup api_name) is read when radosgw starts, so set it, and create the user,
  # before the first start rather than restarting radosgw afterwards.
  ceph_cmd radosgw-admin user create --uid=tester --display-name=Tester \
    --access-key="$ak" --secret-key="$sk" >/dev/null
  ceph_cmd radosgw-admin zonegroup modify --rgw-zonegroup=default --api-name="$region" >/dev/null
  radosgw -c "$DIR/ceph.conf" -n client.rgw -f > "$DIR/log/rgw.out" 2>&1 &
  echo $! > "$DIR/rgw.pid"
  until http_ok "$rgw_port"; do
    local n
    for n in "${DAEMONS[@]}"; do alive "$DIR/$n.pid" || fail_start "$n exited during start"; done
    [ "$SECONDS" -lt "$T_END" ] || fail_start "radosgw did not answer on 127.0.0.1:$rgw_port within ${TIMEOUT_S} s"
    sleep 0.2
  done
  if [ -n "${CEPH_MINI_OWNER_PID:-}" ]; then
    local self
    self=$(realpath "$0")
    # shellcheck disable=SC2016 # $1..$3 are the inner shell's arguments
    nohup bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec "$2" stop "$3"' _ \
      "$CEPH_MINI_OWNER_PID" "$self" "$DIR" </dev/null >/dev/null 2>&1 &
    echo $! > "$DIR/watchdog.pid"
  fi
  echo "http://127.0.0.1:$rgw_port" > "$DIR/endpoint.tmp"
  mv "$DIR/endpoint.tmp" "$DIR/endpoint"
  STARTED=1
  echo "radosgw ready on http://127.0.0.1:$rgw_port (region $region)"
}

usage() { echo "usage: $0 install | start DIR | stop DIR" >&2; exit 64; }

case "${1:-}" in
  install) cmd_install ;;
  start) [ $# -eq 2 ] || usage; cmd_start "$(realpath -m "$2")" ;;
  stop) [ $# -eq 2 ] || usage; cmd_stop "$(realpath -m "$2")" ;;
  *) usage ;;
esac
