#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# Installs the real clients the example servers' tests drive (redis-cli, redis-benchmark, curl, wrk), the headless
# browser that renders the load tool's HTML report in its test (chromium), and the
# redis-server the benchmarks compare against, with apt, when some are missing. Does nothing when all are there.
# Never fails: without apt, root or a network it says what is missing, and those tests are skipped with that reason.
set -uo pipefail

missing=()
for tool in redis-cli:redis-tools redis-benchmark:redis-tools redis-server:redis-server curl:curl wrk:wrk \
        chromium:chromium; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
# shellcheck disable=SC2207
packages=($(printf '%s\n' "${missing[@]}" | sort -u))

warn() { printf 'install-test-tools: %s; the tests that need %s are skipped.\n' "$1" "${packages[*]}" >&2; exit 0; }

command -v apt-get >/dev/null 2>&1 || warn "no apt-get here"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || warn "not root, and no password-less sudo"
    sudo=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
if "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 \
    && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
    printf 'install-test-tools: installed %s in %ds.\n' "${packages[*]}" $((SECONDS - start)) >&2
else
    warn "apt-get could not install them (offline?)"
fi
