# Sourced by the checks that drive Debian's Chromium (test-browser.sh, test-homework.sh's
# screenshot of the feedback page). Needs `say` defined by the caller and CHROMIUM set (default
# /usr/bin/chromium). ensure_chromium installs Chromium and a CJK font with apt-get when
# missing (as root only); screenshot_page takes a headless screenshot of a local file.

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Headless, and no traffic of its own (as checks/browser-test/browser-test.js): no background
# networking, updates, sync or first run, and every name but loopback unresolvable.
CHROMIUM_FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --no-default-browser-check --disable-domain-reliability --disable-dev-shm-usage
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"
  --hide-scrollbars)

apt_install() {  # apt_install WHY PACKAGE...: as root only; apt-get update first
  local why="$1"; shift
  say "$why: installing Debian's $* with apt-get (once)"
  timeout 900 apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get install -y -q --no-install-recommends "$@" >&2
}

ensure_chromium() {
  if [ ! -x "$CHROMIUM" ]; then
    if [ "$CHROMIUM" != /usr/bin/chromium ]; then
      say "CHROMIUM=$CHROMIUM is not an executable"; return 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
      say "Chromium is missing (/usr/bin/chromium) and this is not root, so it cannot be installed here."
      say "Install it with: sudo apt-get install -y chromium   (or set CHROMIUM=/path/to/chromium)"
      return 1
    fi
    apt_install "Chromium is missing" chromium
    [ -x /usr/bin/chromium ] || { say "apt-get finished but /usr/bin/chromium is still missing"; return 1; }
  fi
  # The easter egg signs in Chinese (程序员晚枫); without a CJK font it shows as boxes.
  if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      apt_install "no Chinese font for the easter egg" fonts-wqy-microhei
    else
      say "note: no Chinese font installed; the 程序员晚枫 signature will show as boxes (apt-get install fonts-wqy-microhei)"
    fi
  fi
}

screenshot_page() {  # screenshot_page HTML_FILE PNG_FILE [WIDTH,HEIGHT]: bounded to 90 s
  local page="$1" png="$2" size="${3:-1200,1800}" profile rc=0
  profile="$(mktemp -d "${TMPDIR:-/tmp}/course-shot.XXXXXX")"
  mkdir -p "$(dirname "$png")"
  rm -f "$png"
  timeout -k 10 90 "$CHROMIUM" "${CHROMIUM_FLAGS[@]}" --user-data-dir="$profile" \
    --window-size="$size" --screenshot="$png" "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" \
    >"$profile.log" 2>&1 </dev/null || rc=$?
  [ "$rc" -eq 0 ] || { say "chromium exited $rc taking a screenshot of $page:"; tail -n 5 "$profile.log" >&2; }
  rm -rf "$profile" "$profile.log"
  return "$rc"
}
