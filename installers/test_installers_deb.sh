#!/usr/bin/env bash
# e2e: the package as a user gets it. Builds the .deb from this build dir
# (cpack -G DEB), installs it with apt, starts the service (systemctl where
# systemd runs, else timoneiro-cluster start, which does what the unit
# does), runs a pod on a containerd node with the installed kubeconfig,
# opens the desktop app from its .desktop entry's Exec under Xvfb as a
# normal user of group timoneiro, then removes and purges the package and
# checks nothing of it is left. Always ends with the package purged.
# usage: test_installers_deb.sh <build-dir>     exit 77 = skipped
set -uo pipefail
build=$(cd "${1:?usage: test_installers_deb.sh <build-dir>}" && pwd)

skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root (apt, containerd nodes)"
for tool in apt-get dpkg cpack kubectl xvfb-run xwininfo containerd iptables-save useradd; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
dpkg-query -W -f='${Status}' timoneiro 2>/dev/null | grep -q 'ok installed' \
    && skip "a timoneiro package is installed already; not touching it"
ss -ltnH 'sport = :6443' | grep -q . && skip "port 6443 is taken (a timoneirod running?)"

work=$(mktemp -d /tmp/timoneiro-deb-test.XXXXXX)
user=tmn-e2e-$$
kc=/var/lib/timoneiro/kubeconfig
app_pid=""
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
export DEBIAN_FRONTEND=noninteractive
apt_get() { apt-get -o DPkg::Lock::Timeout=120 "$@"; }  # other work may hold dpkg's lock a while

# This machine's own cluster data and image cache (sudo timoneirod, other
# tests) would go with the purge: moved aside, put back at the end.
for d in /var/lib/timoneiro /var/cache/timoneiro; do
    [ -e "$d" ] && mv "$d" "$work/saved-$(basename "$(dirname "$d")")"
done
baseline() {
    { iptables-save 2>/dev/null | grep -E '^:(KUBE-|TIMONEIRO)' | cut -d' ' -f1
      ip -o link show | awk -F': ' '{print $2}' | grep '^tmn-'
      ip netns list | awk '{print $1}'; } 2>/dev/null | sort -u
}
baseline >"$work/before"

cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    if dpkg-query -W -f='${Status}' timoneiro 2>/dev/null | grep -q 'installed'; then
        /usr/lib/timoneiro/timoneiro-cluster stop >/dev/null 2>&1
        apt_get purge -y -q timoneiro >/dev/null 2>&1 || dpkg --purge timoneiro >/dev/null 2>&1
    fi
    id "$user" >/dev/null 2>&1 && userdel "$user" 2>/dev/null
    rm -rf /var/lib/timoneiro /var/cache/timoneiro
    [ -e "$work/saved-lib" ] && mv "$work/saved-lib" /var/lib/timoneiro
    [ -e "$work/saved-cache" ] && mv "$work/saved-cache" /var/cache/timoneiro
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# 1. The package.
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; exit 1; }
deb=$(ls "$work"/pkg/timoneiro_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { fail "no timoneiro_*.deb"; exit 1; }
ok "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for path in ./usr/bin/timoneiro ./usr/bin/timoneirod ./usr/lib/timoneiro/timoneiro-pause \
            ./usr/lib/timoneiro/timoneiro-cluster ./usr/share/applications/timoneiro.desktop \
            ./usr/share/metainfo/io.github.timoneiro.Timoneiro.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/timoneiro.svg ./usr/share/icons/hicolor/48x48/apps/timoneiro.png \
            ./usr/share/icons/hicolor/512x512/apps/timoneiro.png ./usr/share/man/man1/timoneiro.1 \
            ./usr/share/man/man8/timoneirod.8 ./usr/lib/systemd/system/timoneirod.service \
            ./usr/share/polkit-1/actions/org.timoneiro.manage-cluster.policy ./usr/share/polkit-1/rules.d/49-timoneiro.rules; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
for image in pause busybox nginx; do
    grep -q "^./usr/lib/timoneiro/images/$image-.*\.oci\.tar$" "$work/contents" || fail "the package lacks the $image image"
done
dpkg-deb -f "$deb" Depends | grep -q 'containerd' || fail "Depends does not name containerd"

# The portable archive: the same tree, relocatable (bin/, lib/timoneiro/).
(cd "$build" && cpack -G TGZ -B "$work/pkg" >"$work/cpack-tgz.log" 2>&1) || { cat "$work/cpack-tgz.log"; fail "cpack -G TGZ"; }
mkdir -p "$work/tgz" && tar xzf "$work"/pkg/timoneiro-*-Linux.tar.gz -C "$work/tgz" 2>/dev/null || fail "no TGZ to unpack"
tgz=$(ls -d "$work"/tgz/timoneiro-*-Linux 2>/dev/null | head -1)
if [ -n "$tgz" ] && "$tgz/bin/timoneirod" --version >/dev/null && [ -x "$tgz/lib/timoneiro/timoneiro-pause" ] \
    && [ "$(ls "$tgz"/lib/timoneiro/images/*.oci.tar | wc -l)" -eq 3 ]; then
    ok "the TGZ runs from $(basename "$tgz")/bin with its images in lib/timoneiro/images"
else
    fail "the TGZ's tree is incomplete"
fi

# 2. Installed with apt (what Depends names is on a machine set up by
# install-deps.sh; recommends left out so no download is needed).
(cd "$work/pkg" && apt_get install -y -q --no-install-recommends "./$(basename "$deb")" >"$work/apt.log" 2>&1) \
    || { tail -20 "$work/apt.log"; fail "apt-get install"; exit 1; }
ok "installed with apt-get"
getent group timoneiro >/dev/null || fail "postinst made no group timoneiro"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/io.github.timoneiro.Timoneiro.metainfo.xml >"$work/appstream.log" 2>&1 \
        && ok "metainfo validates" || { cat "$work/appstream.log"; fail "the installed metainfo does not validate"; }
fi

if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /usr/lib/systemd/system/timoneirod.service >"$work/verify.log" 2>&1 \
        && ok "systemd-analyze verify: the unit is sound" || { cat "$work/verify.log"; fail "systemd-analyze verify"; }
fi

# 3. The service. Another timoneirod on this machine (a developer's,
# another checkout's test) may hold the local nodes' bridges: waited for a
# while, as its run ends; then skipped, as this one would get simulated nodes.
holder_alive() {
    holder=$(head -n 1 /run/timoneiro/local-nodes.lock 2>/dev/null)
    [ -n "$holder" ] && [ "$(cat "/proc/$holder/comm" 2>/dev/null)" = timoneirod ]
}
for _ in $(seq 600); do holder_alive || break; sleep 0.2; done
holder_alive && skip "timoneirod PID $holder holds this machine's local nodes (another test or checkout)"
if [ "$(systemctl is-system-running 2>/dev/null)" = running ] || [ "$(systemctl is-system-running 2>/dev/null)" = degraded ]; then
    how="systemctl start timoneirod"
    cache=/var/cache/timoneiro/images
    systemctl start timoneirod.service
else
    how="timoneiro-cluster start (no systemd here: the unit's steps by hand)"
    # Started from here the daemon inherits this environment: its image
    # cache is its own, so what other tests write to the machine's cache
    # cannot pass for images this one built.
    cache="$work/image-cache"
    TIMONEIRO_IMAGE_CACHE="$cache" /usr/lib/timoneiro/timoneiro-cluster start >"$work/start.log" 2>&1
fi
if [ -r "$kc" ]; then ok "service started: $how"; else cat "$work/start.log" 2>/dev/null; fail "no $kc after $how"; exit 1; fi
nodes_line=$(grep -m1 '^nodes:' /run/timoneiro/service/timoneirod.out 2>/dev/null)
echo "$nodes_line"
# Another timoneirod on this machine (a developer's, another checkout's
# test) holds the local nodes' bridges: this one got simulated nodes.
case "$nodes_line" in *"another timoneirod"*) skip "another timoneirod holds the local nodes: $nodes_line" ;; esac
[ "$(stat -c '%a %G' "$kc")" = "640 timoneiro" ] || fail "$kc is $(stat -c '%a %G' "$kc"), not 640 timoneiro"

# 4. kubectl: a pod Running on a containerd node.
k() { kubectl --kubeconfig "$kc" --request-timeout=20s "$@"; }
for _ in $(seq 60); do
    [ "$(k get nodes --no-headers 2>/dev/null | grep -c ' Ready ')" -ge 1 ] && break
    sleep 1
done
k apply -f - >/dev/null <<'YAML' || fail "kubectl apply"
apiVersion: v1
kind: Pod
metadata: {name: deb-smoke, namespace: default}
spec:
  restartPolicy: Never
  containers:
  - {name: main, image: busybox, command: [sleep, "3600"]}
YAML
k wait --for=jsonpath='{.status.phase}'=Running pod/deb-smoke --timeout=120s >/dev/null \
    || { k describe pod deb-smoke | tail -15; fail "the pod is not Running"; }
node=$(k get pod deb-smoke -o jsonpath='{.spec.nodeName}')
runtime=$(k get node "$node" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}' 2>/dev/null)
case "$runtime" in containerd*) ok "pod Running on $node ($runtime)" ;; *) fail "pod on $node, runtime '$runtime', not containerd" ;; esac
k delete pod deb-smoke --wait=false >/dev/null 2>&1
# The images came from the package: nothing was built into the cache
# (the daemon makes its cache directory even when it builds nothing).
[ -d "$cache" ] || cache=/var/cache/timoneiro/images
if ls "$cache"/*.oci.tar >/dev/null 2>&1; then
    fail "images were built on this machine: $(ls "$cache" | tr '\n' ' ')"
else
    ok "the packaged images were imported (none built here)"
fi

# 5. The desktop app, from its .desktop entry, as a normal user of group timoneiro.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/timoneiro.desktop | head -1)
useradd --system --no-create-home --home-dir "$work/home" -G timoneiro "$user" && mkdir -p -m 0700 "$work/home" && chown "$user" "$work/home"
cat >"$work/gui.sh" <<GUI
#!/bin/sh
$exec_line &
pid=\$!
i=0
while [ \$i -lt 60 ]; do
    if xwininfo -root -tree | grep -q '"Timoneiro'; then
        sleep 3
        xwininfo -root -tree | grep '"Timoneiro' | head -3
        kill \$pid; wait \$pid
        exit 0
    fi
    i=\$((i + 1)); sleep 0.5
done
kill \$pid
exit 1
GUI
chmod 0755 "$work" "$work/gui.sh"
runuser -u "$user" -- env -u QT_QPA_PLATFORM -u KUBECONFIG HOME="$work/home" XDG_RUNTIME_DIR="$work/home" \
    timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" "$work/gui.sh" >"$work/gui.log" 2>&1 &
app_pid=$!
wait "$app_pid"; rc=$?; app_pid=""
if [ "$rc" -eq 0 ]; then ok "the app shows a window: $(grep '"Timoneiro' "$work/gui.log" | head -1 | sed 's/^ *//')"
else tail -20 "$work/gui.log"; fail "no Timoneiro window under Xvfb (Exec=$exec_line)"; fi
userdel "$user" 2>/dev/null

# 6. Remove: nothing runs, nothing of the network is left; the data stays.
apt_get remove -y -q timoneiro >"$work/remove.log" 2>&1 || { tail "$work/remove.log"; fail "apt-get remove"; }
sleep 1
# (Other timoneirods on this machine are not the package's: only
# /usr/bin/timoneirod and what runs on /var/lib/timoneiro count.)
pgrep -f '^/usr/bin/timoneirod' >/dev/null && fail "the package's timoneirod still runs after remove: $(pgrep -f '^/usr/bin/timoneirod' | tr '\n' ' ')"
pgrep -f '/var/lib/timoneiro/' >/dev/null && fail "processes with /var/lib/timoneiro/ still run: $(pgrep -af '/var/lib/timoneiro/' | head -3)"
if holder_alive; then
    # Its bridges and chains have the same names as ours would: not ours to judge.
    echo "note: bridges and chains not compared: timoneirod PID $holder (not the package's) holds the local nodes now"
else
    baseline >"$work/after"
    left=$(comm -13 "$work/before" "$work/after" | tr '\n' ' ')
    if [ -z "$left" ]; then
        ok "no tmn-* device, KUBE-/TIMONEIRO chain or network namespace left"
    else
        fail "left after remove: $left"
    fi
fi
[ -d /var/lib/timoneiro/local ] && ok "removed; data kept until purge" || fail "remove deleted the data directory"

# 7. Purge: the data and the image cache go, so does every file of the package.
apt_get purge -y -q timoneiro >"$work/purge.log" 2>&1 || { tail "$work/purge.log"; fail "apt-get purge"; }
for path in /var/lib/timoneiro /var/cache/timoneiro /run/timoneiro/service /usr/lib/timoneiro /usr/bin/timoneirod \
           ./usr/lib/systemd/system/timoneirod.service; do
    [ -e "$path" ] && fail "$path is left after purge"
done
dpkg-query -W -f='${Status}' timoneiro 2>/dev/null | grep -q 'installed' && fail "timoneiro is still installed"

if [ "$failures" -eq 0 ]; then echo "PASS: installed, ran a pod, opened the app, removed and purged cleanly"; exit 0; fi
echo "FAILED: $failures check(s)"
exit 1
