#!/usr/bin/env bash
# The user's path, from the packed tarball: `npx` in an empty folder with no node_modules above it,
# then `npm install -g` into a temporary prefix. Each must run on the bundled feeds and install
# nothing but flashnews. Run by .ci/run; `bash scripts/check-package.sh` works anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/flashnews-package-XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
	echo "check-package: $*" >&2
	exit 1
}

above="$work"
while [[ "$above" != / ]]; do
	[[ -e "$above/node_modules" ]] && fail "$above/node_modules would hide a missing dependency"
	above="$(dirname "$above")"
done

# Everything npm and flashnews write goes under $work; nothing comes from the user's npm config.
export npm_config_cache="$work/npm-cache" npm_config_userconfig="$work/npmrc"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
version="$(node -p 'require(process.argv[1]).version' "$root/package.json")"

(cd "$root" && npm pack --pack-destination "$work" >"$work/pack.log" 2>&1) || {
	cat "$work/pack.log" >&2
	fail "npm pack failed"
}
tarball="$(echo "$work"/flashnews-*.tgz)"
[[ -f "$tarball" ]] || fail "npm pack made no tarball"
tar -xzOf "$tarball" package/package.json | node -e '
	const manifest = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
	const declared = ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies", "bundledDependencies"].filter(field => manifest[field] && Object.keys(manifest[field]).length > 0);
	if (declared.length > 0) { console.error(`check-package: the tarball declares ${declared.join(", ")}`); process.exit(1); }
'
echo "check-package: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) kB, $(tar -tzf "$tarball" | wc -l) files"

# npx, as a first-time user runs it.
mkdir "$work/empty"
cd "$work/empty"
printed="$(npx --yes --package="$tarball" flashnews --version)"
[[ "$printed" == "$version" ]] || fail "npx flashnews --version printed '$printed', not $version"
npx --yes --package="$tarball" flashnews --plain >"$work/npx-plain.txt"
lines="$(grep -c ' — .* · ' "$work/npx-plain.txt" || true)"
((lines >= 10)) || fail "npx flashnews --plain printed $lines article lines"
installed="$(ls -A "$npm_config_cache"/_npx/*/node_modules | grep -vx -e flashnews -e .bin -e .package-lock.json || true)"
[[ -z "$installed" ]] || fail "npx installed more than flashnews: $installed"
echo "check-package: npx prints the version and $lines articles; it installed flashnews alone"

# A global install into a temporary prefix.
prefix="$work/prefix"
npm install --global --prefix "$prefix" "$tarball" >"$work/install.log" 2>&1 || {
	cat "$work/install.log" >&2
	fail "npm install -g failed"
}
"$prefix/bin/flashnews" --plain >"$work/global-plain.txt"
lines="$(grep -c ' — .* · ' "$work/global-plain.txt" || true)"
((lines >= 10)) || fail "the installed flashnews --plain printed $lines article lines"
others="$(ls -A "$prefix/lib/node_modules" | grep -vx flashnews || true)"
[[ -z "$others" ]] || fail "npm install -g installed more than flashnews: $others"
[[ ! -e "$prefix/lib/node_modules/flashnews/node_modules" ]] || fail "flashnews was installed with a node_modules folder"
[[ -f "$prefix/share/man/man1/flashnews.1" ]] || fail "the man page was not installed"
echo "check-package: npm install -g gives flashnews alone, with its man page; it prints $lines articles"
