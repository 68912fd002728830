#!/usr/bin/env node
// Differential test data: random Ground-Truth-style bucket policies and requests, decided by the
// independent evaluator (shared/oracle). The Java tests replay every pair against gtvpc's evaluator
// (DifferentialAgainstOracleTest) without Node. Run from the repository root:
//
//   node scripts/oracle/differential.mjs "$(scripts/oracle/setup.sh)" [--seed N] [--policies N]
//
// Output: src/test/resources/oracle/differential.jsonl, one policy with its requests a line.
// Deterministic for a seed, so a re-run reproduces the file byte for byte.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const args = process.argv.slice(2)
const oracleDir = args[0] && !args[0].startsWith('--') ? args[0] : 'target/oracle'
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt }
const SEED = opt('--seed', 20261125)
const POLICIES = opt('--policies', 1000)
const REQUESTS_PER_POLICY = 6

// mulberry32: small, seedable, good enough to spread choices
let state = SEED >>> 0
function random() {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (xs) => xs[Math.floor(random() * xs.length)]
const chance = (p) => random() < p
const some = (xs, min, max) => {
  const n = min + Math.floor(random() * (max - min + 1))
  const copy = [...xs]
  const out = []
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0])
  return out
}

const A = '111122223333'
const B = '444455556666'
const BUCKET = 'labeling-data'
const OTHER = 'other-bucket'
const GT = JSON.parse(readFileSync('regions/ground-truth.json', 'utf8')).regions.map((r) => r.groundTruthEndpoint.value)
const VPCES = ['vpce-11111111', 'vpce-22222222', 'vpce-0123456789abcdef0', GT[1], GT[0]]
const VPCS = ['vpc-12345678', 'vpc-0abc1234def567890', 'vpc-0aaaaaaaaaaaaaaaa']
const ROLE = (acct, name) => `arn:aws:iam::${acct}:role/${name}`
const ROLES = [ROLE(A, 'app'), ROLE(A, 'labeler'), ROLE(A, 'LabelingAdmin'), ROLE(B, 'partner')]
const IPS = ['203.0.113.0/24', '198.51.100.0/22', '2001:db8::/32', '192.0.2.7']
const TEAMS = ['red', 'blue', 'Red']
const VIA = ['athena.amazonaws.com', 'sagemaker.amazonaws.com', 'glue.amazonaws.com']

// mixed-case spellings: IAM compares key names without case
const spell = (key) => (chance(0.2) ? pick([key.toLowerCase(), key.replace('aws:', 'AWS:'), key.replace(/^aws:(.)/, (m, c) => 'aws:' + c.toLowerCase())]) : key)
const one = (xs) => (chance(0.5) ? pick(xs) : some(xs, 1, 3))

function condition() {
  const blocks = {}
  const n = 1 + (chance(0.3) ? 1 : 0)
  for (let i = 0; i < n; i++) {
    const kind = pick(['network', 'network', 'network', 'principal', 'ip', 'null', 'set', 'tag', 'bool', 'like'])
    let op
    const keys = {}
    if (kind === 'network') {
      op = pick(['StringNotEquals', 'StringNotEquals', 'ForAllValues:StringNotEquals', 'StringEquals', 'StringNotEqualsIfExists', 'StringEqualsIfExists', 'ForAnyValue:StringNotEquals', 'ForAnyValue:StringEquals'])
      for (const k of some(['aws:SourceVpce', 'aws:SourceVpc', 'aws:PrincipalArn'], 1, 3)) {
        keys[spell(k)] = one(k === 'aws:SourceVpce' ? VPCES : k === 'aws:SourceVpc' ? VPCS : ROLES.slice(0, 3))
      }
    } else if (kind === 'principal') {
      op = pick(['ArnEquals', 'ArnLike', 'ArnNotLike', 'ArnNotEquals', 'ArnNotLikeIfExists', 'StringLike'])
      keys[spell('aws:PrincipalArn')] = one([ROLE(A, 'lab*'), ROLE(A, 'app'), `arn:aws:iam::${A}:role/*`, ROLE('*', 'partner'), ROLE(A, 'Labeling?dmin')])
    } else if (kind === 'ip') {
      op = pick(['IpAddress', 'NotIpAddress', 'NotIpAddressIfExists'])
      keys[spell('aws:SourceIp')] = one(IPS)
    } else if (kind === 'null') {
      op = 'Null'
      keys[spell(pick(['aws:SourceVpce', 'aws:SourceVpc', 'aws:SourceIp', 'aws:PrincipalTag/team']))] = pick(['true', 'false', true, false])
    } else if (kind === 'set') {
      op = pick(['ForAllValues:StringEquals', 'ForAnyValue:StringEquals', 'ForAllValues:StringNotEquals', 'ForAnyValue:StringNotEquals', 'ForAnyValue:StringLike', 'ForAllValues:StringLikeIfExists'])
      keys['aws:CalledVia'] = some([...VIA, 'sagemaker.*'], 1, 2)
    } else if (kind === 'tag') {
      op = pick(['StringEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringNotEquals', 'StringLike'])
      keys[spell('aws:PrincipalTag/team')] = one([...TEAMS, 'r*'])
    } else if (kind === 'bool') {
      op = pick(['Bool', 'BoolIfExists'])
      keys[spell('aws:SecureTransport')] = pick(['true', 'false', true, false])
    } else {
      op = pick(['StringLike', 'StringNotLike'])
      keys[spell('aws:SourceVpce')] = one(['vpce-1*', 'vpce-????????', 'vpce-0*', GT[1]])
    }
    blocks[op] = { ...(blocks[op] || {}), ...keys }
  }
  return blocks
}

const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload']
const BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetBucketPolicy']
const ACTION_PATTERNS = [...OBJECT_ACTIONS, ...BUCKET_ACTIONS, 's3:*', 's3:Get*', 's3:*Object', 's3:Put?bject', 'S3:getobject', 's3:List*']
const RESOURCE_PATTERNS = [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`, `arn:aws:s3:::${BUCKET}/data/*`, '*', `arn:aws:s3:::${OTHER}/*`, `arn:aws:s3:::${BUCKET}/*/0?.jpg`]

function principalElement() {
  return pick(['*', '*', '*', { AWS: '*' }, { AWS: A }, { AWS: `arn:aws:iam::${A}:root` }, { AWS: ROLE(A, 'labeler') },
    { AWS: [ROLE(A, 'app'), B] }, { AWS: ROLE(B, 'partner') }])
}

function statement(i) {
  const s = { Sid: `S${i}`, Effect: chance(0.7) ? 'Deny' : 'Allow', Principal: principalElement() }
  if (chance(0.1)) s.NotAction = some(ACTION_PATTERNS, 1, 2)
  else s.Action = chance(0.3) ? pick(ACTION_PATTERNS) : some(ACTION_PATTERNS, 1, 3)
  if (chance(0.1)) s.NotResource = pick(RESOURCE_PATTERNS)
  else s.Resource = chance(0.6) ? [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] : some(RESOURCE_PATTERNS, 1, 2)
  if (chance(0.8)) s.Condition = condition()
  return s
}

function request(id) {
  const objectAction = chance(0.65)
  const action = pick(objectAction ? OBJECT_ACTIONS : BUCKET_ACTIONS)
  const bucket = chance(0.9) ? BUCKET : OTHER
  const resource = objectAction ? `arn:aws:s3:::${bucket}/${pick(['data/01.jpg', 'images/02.jpg', 'manifest.json'])}` : `arn:aws:s3:::${bucket}`
  const who = pick(['app', 'labeler', 'session', 'admin', 'root', 'partner', 'anonymous'])
  const principal = {
    app: ROLE(A, 'app'), labeler: ROLE(A, 'labeler'), session: `arn:aws:sts::${A}:assumed-role/labeler/jane`,
    admin: ROLE(A, 'LabelingAdmin'), root: `arn:aws:iam::${A}:root`, partner: ROLE(B, 'partner'), anonymous: 'anonymous',
  }[who]
  const context = {}
  if (who !== 'anonymous') {
    context['aws:PrincipalArn'] = who === 'session' ? ROLE(A, 'labeler') : principal
    context['aws:PrincipalAccount'] = who === 'partner' ? B : A
    if (chance(0.4)) context['aws:PrincipalTag/team'] = pick(TEAMS)
  }
  if (chance(0.55)) {
    context['aws:SourceVpce'] = pick([...VPCES, 'vpce-99999999'])
    context['aws:SourceVpc'] = pick([...VPCS, 'vpc-99999999'])
  } else {
    context['aws:SourceIp'] = pick(['203.0.113.9', '198.51.101.200', '198.51.104.1', '2001:db8::1', '192.0.2.7', '8.8.8.8'])
  }
  if (chance(0.5)) context['aws:SecureTransport'] = pick(['true', 'false'])
  if (chance(0.3)) context['aws:CalledVia'] = some(VIA, 1, 2)
  return { id, action, resource, principal, context, resourceAccount: A }
}

const groups = []
for (let p = 0; p < POLICIES; p++) {
  const policy = { Version: '2012-10-17', Statement: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => statement(i)) }
  const requests = Array.from({ length: REQUESTS_PER_POLICY }, (_, r) => request(`${p}.${r}`))
  groups.push({ policy, requests })
}

const input = groups.flatMap((g) => g.requests.map((r) => ({ resourcePolicy: g.policy, action: r.action, resource: r.resource,
  principal: r.principal, context: r.context, resourceAccount: r.resourceAccount })))
let out
try {
  out = execFileSync('node', [join(oracleDir, 'eval.mjs'), '--json', '--no-auto-principal-arn'], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 << 20 })
} catch (e) {
  out = e.stdout // exit 2 when some case was an ERROR; the answers are still there
}
const answers = out.trim().split('\n').map((l) => JSON.parse(l))
if (answers.length !== input.length) throw new Error(`oracle answered ${answers.length} of ${input.length}`)
let i = 0
const counts = {}
for (const g of groups) {
  for (const r of g.requests) {
    const a = answers[i++]
    r.oracle = a.decision === 'ERROR' ? 'ERROR ' + JSON.stringify(a.errors) : a.decision
    counts[a.decision] = (counts[a.decision] || 0) + 1
  }
}
writeFileSync('src/test/resources/oracle/differential.jsonl', groups.map((g) => JSON.stringify(g)).join('\n') + '\n')
console.error(`seed ${SEED}: ${input.length} pairs over ${groups.length} policies: ${JSON.stringify(counts)}`)
