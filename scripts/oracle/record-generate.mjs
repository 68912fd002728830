#!/usr/bin/env node
// Records what the independent evaluator (shared/oracle) decides for the policies that
// `gtvpc policy generate` writes, so the Java tests can check gtvpc's evaluator and the policies'
// meaning without Node. Run from the repository root:
//
//   ./gtvpc --version >/dev/null                  # builds target/gtvpc.jar if needed
//   node scripts/oracle/record-generate.mjs "$(scripts/oracle/setup.sh)"
//
// Output: src/test/resources/oracle/generate-decisions.json (deterministic; review the diff).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const oracleDir = process.argv[2] || 'target/oracle'
const ACCOUNT = '111122223333'
const USER_VPC = 'vpc-0abc1234def567890'
const USER_VPCE = 'vpce-0123456789abcdef0'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/LabelingAdmin`
const APP = `arn:aws:iam::${ACCOUNT}:role/app`
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole`
const FOREIGN = 'arn:aws:iam::999988887777:role/outsider'
const GT_VPC = 'vpc-0aaaaaaaaaaaaaaaa'
const FOREIGN_VPC = 'vpc-0eeeeeeeeeeeeeee0'
// the accounts that own the VPCs: the user's, Ground Truth's (an AWS account AWS does not name) and a stranger's
const OWNER = { [USER_VPC]: ACCOUNT, [GT_VPC]: '000011112222', [FOREIGN_VPC]: '999988887777' }
const ORG = 'o-a1b2c3d4e5'

const table = JSON.parse(readFileSync('regions/ground-truth.json', 'utf8')).regions
const gtOf = (region) => table.find((r) => r.region === region).groundTruthEndpoint.value

function generate(args) {
  return JSON.parse(execFileSync('java', ['-jar', 'target/gtvpc.jar', ...args], { encoding: 'utf8' }))
}

// A request through a VPC endpoint carries aws:SourceVpcArn beside aws:SourceVpc (IAM User Guide,
// aws:SourceVpcArn): arn:aws:ec2:REGION:OWNER:vpc/ID, in the endpoint's Region (the bucket's here)
function withVpcArn(region, context) {
  const vpc = context['aws:SourceVpc']
  return vpc && !context['aws:SourceVpcArn'] ? { ...context, 'aws:SourceVpcArn': `arn:aws:ec2:${region}:${OWNER[vpc]}:vpc/${vpc}` } : context
}

// Each scenario: a request and what the issue says must happen to it ("denied" or "not-denied").
function scenarios(region, style, withVpc, withVpce, withRole, org) {
  const gt = gtOf(region)
  const otherGt = gtOf(region === 'us-east-2' ? 'us-east-1' : 'us-east-2')
  const list = [
    ['internet', APP, {}, 'denied'],
    ['a foreign endpoint in a foreign VPC', APP, { 'aws:SourceVpce': 'vpce-0fffffffffffffff0', 'aws:SourceVpc': FOREIGN_VPC }, 'denied'],
    ["the region's Ground Truth endpoint", EXEC_ROLE, { 'aws:SourceVpce': gt, 'aws:SourceVpc': GT_VPC }, 'not-denied'],
    ["another region's Ground Truth endpoint", EXEC_ROLE, { 'aws:SourceVpce': otherGt, 'aws:SourceVpc': GT_VPC }, 'denied'],
    ['anonymous from the internet', 'anonymous', {}, 'denied'],
    ["anonymous via the user's endpoint", 'anonymous', { 'aws:SourceVpce': USER_VPCE, 'aws:SourceVpc': USER_VPC },
      withVpc || withVpce ? 'not-denied' : 'denied'],
    ['another account from the internet', FOREIGN, {}, 'denied'],
  ]
  if (withVpce) {
    list.push(["the user's endpoint", APP, { 'aws:SourceVpce': USER_VPCE, 'aws:SourceVpc': FOREIGN_VPC }, 'not-denied'])
    list.push(["another account via the user's endpoint", FOREIGN, { 'aws:SourceVpce': USER_VPCE, 'aws:SourceVpc': FOREIGN_VPC }, 'not-denied'])
  }
  if (withVpc) {
    list.push(["another endpoint in the user's VPC", APP, { 'aws:SourceVpce': 'vpce-0ddddddddddddddd0', 'aws:SourceVpc': USER_VPC }, 'not-denied'])
    list.push(["another account via the user's VPC", FOREIGN, { 'aws:SourceVpce': 'vpce-0ddddddddddddddd0', 'aws:SourceVpc': USER_VPC }, 'not-denied'])
    // VPC IDs are unique only within a Region: through a cross-Region endpoint, a VPC of another Region with the
    // user's VPC's ID gets in under aws:SourceVpc (legacy, aws-doc) and not under its ARN (strict)
    const elsewhere = region === 'eu-west-1' ? 'us-west-2' : 'eu-west-1'
    list.push(["a same-ID VPC of another Region", APP, { 'aws:SourceVpce': 'vpce-0ddddddddddddddd0', 'aws:SourceVpc': USER_VPC,
      'aws:SourceVpcArn': `arn:aws:ec2:${elsewhere}:999988887777:vpc/${USER_VPC}` }, style === 'strict' ? 'denied' : 'not-denied'])
  }
  if (org) {
    list.push(['an endpoint of the organization', APP, { 'aws:SourceVpce': 'vpce-0ccccccccccccccc0', 'aws:SourceVpc': FOREIGN_VPC,
      'aws:VpceOrgID': org }, 'not-denied'])
    list.push(['an endpoint of another organization', APP, { 'aws:SourceVpce': 'vpce-0ccccccccccccccc0', 'aws:SourceVpc': FOREIGN_VPC,
      'aws:VpceOrgID': 'o-zzzzzzzzzz' }, 'denied'])
  }
  if (withRole) {
    list.push(['the listed role from the internet', ROLE, {}, 'not-denied'])
    list.push(['a session of the listed role from the internet', `arn:aws:sts::${ACCOUNT}:assumed-role/LabelingAdmin/jane`, { 'aws:PrincipalArn': ROLE }, 'not-denied'])
    list.push(['the listed role from a foreign endpoint', ROLE, { 'aws:SourceVpce': 'vpce-0fffffffffffffff0', 'aws:SourceVpc': FOREIGN_VPC }, 'not-denied'])
  }
  return list.map(([scenario, principal, context, expect]) => [scenario, principal, withVpcArn(region, context), expect])
}

const groups = []
const variants = [
  { name: 'vpc, endpoint and role', extra: ['--vpc', USER_VPC, '--vpce', USER_VPCE, '--role-arn', ROLE], vpc: true, vpce: true, role: true },
  { name: 'endpoint only', extra: ['--vpce', USER_VPCE], vpc: false, vpce: true, role: false, regions: ['us-east-1', 'eu-west-1'] },
  { name: 'vpc only', extra: ['--vpc', USER_VPC], vpc: true, vpce: false, role: false, regions: ['ap-northeast-2'] },
  // the VPC's owner named: the ARN names the account, not *
  { name: 'vpc with its owner', extra: ['--vpc', USER_VPC, '--vpc-account', ACCOUNT], vpc: true, vpce: false, role: false, regions: ['eu-west-1'] },
  { name: 'organization endpoints', extra: ['--vpce-org', ORG], vpc: false, vpce: false, role: false, org: ORG, regions: ['us-east-1'] },
  // the page's two actions, on request: what the Deny leaves open stays open
  { name: 'the page\'s actions', extra: ['--vpc', USER_VPC, '--vpce', USER_VPCE, '--role-arn', ROLE, '--actions', 'doc'], vpc: true, vpce: true,
    role: true, narrow: true, regions: ['us-east-1', 'eu-west-2'] },
]
for (const v of variants) {
  for (const row of table) {
    if (v.regions && !v.regions.includes(row.region)) continue
    for (const style of ['strict', 'legacy', 'aws-doc']) {
      const bucket = `labeling-data-${row.region}`
      const args = ['policy', 'generate', '--region', row.region, '--bucket', bucket, ...v.extra, '--style', style, '--compact']
      const policy = generate(args)
      const requests = []
      for (const [scenario, principal, context, expect] of scenarios(row.region, style, v.vpc, v.vpce, v.role, v.org)) {
        for (const action of ['s3:GetObject', 's3:PutObject']) {
          const ctx = { ...context }
          if (principal !== 'anonymous' && !('aws:PrincipalArn' in ctx)) ctx['aws:PrincipalArn'] = principal
          requests.push({ scenario, expect, action, resource: `arn:aws:s3:::${bucket}/images/0001.jpg`, principal, context: ctx, resourceAccount: ACCOUNT })
        }
      }
      if (v.role) {
        // the gap the page warns of: a Deny covers only the actions it names. The default (data) closes it.
        const expect = v.narrow ? 'not-denied' : 'denied'
        const note = v.narrow ? '(not in the Deny)' : '(in the default Deny)'
        requests.push({ scenario: `DeleteObject from the internet ${note}`, expect, action: 's3:DeleteObject',
          resource: `arn:aws:s3:::${bucket}/images/0001.jpg`, principal: APP, context: { 'aws:PrincipalArn': APP }, resourceAccount: ACCOUNT })
        requests.push({ scenario: `ListBucket from the internet ${note}`, expect, action: 's3:ListBucket',
          resource: `arn:aws:s3:::${bucket}`, principal: APP, context: { 'aws:PrincipalArn': APP }, resourceAccount: ACCOUNT })
      }
      groups.push({ variant: v.name, args, policy, requests })
    }
  }
}

const input = groups.flatMap((g) => g.requests.map((r) => ({ resourcePolicy: g.policy, action: r.action, resource: r.resource,
  principal: r.principal, context: r.context, resourceAccount: r.resourceAccount })))
const out = execFileSync('node', [join(oracleDir, 'eval.mjs'), '--json'], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20 })
const decisions = out.trim().split('\n').map((l) => JSON.parse(l).decision)
if (decisions.length !== input.length) throw new Error(`oracle answered ${decisions.length} of ${input.length}`)
let i = 0
for (const g of groups) for (const r of g.requests) r.oracle = decisions[i++]

const pkg = JSON.parse(readFileSync(join(oracleDir, 'node_modules/@cloud-copilot/iam-simulate/package.json'), 'utf8'))
mkdirSync('src/test/resources/oracle', { recursive: true })
writeFileSync('src/test/resources/oracle/generate-decisions.json', JSON.stringify({
  description: "Decisions of the independent evaluator (shared/oracle) for the policies 'gtvpc policy generate' writes. The identity policy allows s3:* (the oracle's default), so Allowed means the bucket policy did not deny; ImplicitlyDenied is a request from outside the bucket's account that no Allow admits.",
  oracle: `${pkg.name} ${pkg.version}`,
  recordedBy: 'scripts/oracle/record-generate.mjs',
  groups,
}, null, 1) + '\n')
const counts = {}
for (const d of decisions) counts[d] = (counts[d] || 0) + 1
console.error(`recorded ${decisions.length} decisions over ${groups.length} policies: ${JSON.stringify(counts)}`)
