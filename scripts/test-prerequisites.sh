#!/usr/bin/env bash
# What the test suite needs from the machine, installed and started if missing (idempotent, quick
# when all is there). `npm test` runs this first; on a machine where you are not root it asks sudo.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
# End-to-end tests drive Debian's Chromium (Playwright never downloads a browser here).
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The serial-port device test runs the real serialport transport over a socat pseudo-terminal pair.
command -v socat >/dev/null 2>&1 || missing+=(socat)
# Printing tests read PDFs back with poppler and print through a real CUPS with a cups-pdf queue
# named PDF (../shared/hardware.md §6); lpq (cups-bsd) lists job titles.
command -v lpq >/dev/null 2>&1 || missing+=(cups cups-bsd)
[ -e /usr/lib/cups/backend/cups-pdf ] || missing+=(printer-driver-cups-pdf)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The hall-on-a-LAN tests (tests/e2e/lan.spec.ts) and benchmark build network namespaces, veth pairs
# and a bridge with iproute2's ip (as root).
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
# The on-screen input recognises handwriting with Zinnia and Tegaki's simplified-Chinese model, and
# ranks pinyin candidates by Rime's pinyin_simp frequencies (electron/host/ime/).
command -v zinnia >/dev/null 2>&1 || missing+=(zinnia-utils)
[ -e /usr/share/tegaki/models/zinnia/handwriting-zh_CN.model ] || missing+=(tegaki-zinnia-simplified-chinese)
[ -e /usr/share/rime-data/pinyin_simp.dict.yaml ] || missing+=(rime-data-pinyin-simp)
# The city's tests (tests/unit/city-*.test.ts) start a temporary PostgreSQL 15 cluster as the
# postgres user (tests/support/pg-cluster.ts).
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test prerequisites: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# `lpstat -r` exits 0 whether or not the scheduler runs, so read what it says.
cups_running() { lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }
if ! cups_running; then as_root cupsd; fi
for _ in $(seq 1 50); do cups_running && break; sleep 0.2; done
cups_running || { echo "test prerequisites: cupsd did not start" >&2; exit 1; }
if ! lpstat -p PDF >/dev/null 2>&1; then
  as_root lpadmin -p PDF -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -E
fi
echo "test prerequisites: chromium, socat, poppler, iproute2, zinnia with its Chinese model, pinyin_simp, PostgreSQL 15 and CUPS (queue PDF) are ready"
