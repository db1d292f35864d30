#!/usr/bin/env bash
# A CycloneDX SBOM of the addon's package: what installing its tarball brings (its dependencies from the
# lockfile, as `npm sbom` describes them: version, purl, hash, licence; dev and peer dependencies left out,
# the deck provides the peers), with the addon itself as the SBOM's subject. Written to
# packages/slidev-addon-live-polls/sbom.cdx.json (or the path given), which the package ships; git-ignored,
# CC0-1.0 in .reuse/dep5. Runs offline (the lockfile only). Usage: bash scripts/sbom.sh [output.json]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
addon="$root/packages/slidev-addon-live-polls"
out="${1:-$addon/sbom.cdx.json}"
cd "$root"
npm sbom --sbom-format cyclonedx --sbom-type library --omit dev --omit peer --package-lock-only \
  --workspace slidev-addon-live-polls >"$out.partial"
# npm names the workspace root (this deck) as the subject; make it the addon, and drop the root from the graph.
node --input-type=module - "$addon/package.json" "$out.partial" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'

const [packageFile, sbomFile] = process.argv.slice(2)
const pkg = JSON.parse(readFileSync(packageFile, 'utf8'))
const sbom = JSON.parse(readFileSync(sbomFile, 'utf8'))
const ref = `${pkg.name}@${pkg.version}`
const self = sbom.components.find(c => c['bom-ref'] === ref)
if (!self)
  throw new Error(`npm sbom listed no ${ref}`)
const rootRef = sbom.metadata.component['bom-ref']
sbom.metadata.component = {
  ...self,
  ...(pkg.license ? { licenses: [{ expression: pkg.license }] } : {}),
}
sbom.components = sbom.components.filter(c => c['bom-ref'] !== ref)
sbom.dependencies = sbom.dependencies.filter(d => d.ref !== rootRef)
writeFileSync(sbomFile, `${JSON.stringify(sbom, null, 2)}\n`)
JS
mv "$out.partial" "$out"
echo "SBOM: $out ($(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1],'utf8')).components.length)" "$out") components)"
