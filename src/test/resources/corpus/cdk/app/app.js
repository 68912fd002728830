// A small CDK app written for the gtvpc corpus: a labeling-data bucket whose policy denies every
// request that does not come through the VPC's S3 gateway endpoint, that endpoint with its own
// policy, and a managed policy for the labeling role. Synthesised offline: fixed account/region
// (no context lookups), no bootstrap, no asset publishing.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const ec2 = require('aws-cdk-lib/aws-ec2');
const iam = require('aws-cdk-lib/aws-iam');

const app = new cdk.App({ outdir: process.env.CDK_OUTDIR || 'cdk.out' });
const stack = new cdk.Stack(app, 'GtvpcCorpusStack', {
  env: { account: '111122223333', region: 'us-east-1' },
  synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
});

const vpc = new ec2.Vpc(stack, 'LabelingVpc', { maxAzs: 2, natGateways: 0,
  subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });

const bucket = new s3.Bucket(stack, 'LabelingData', {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
});

const endpoint = vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });
endpoint.addToPolicy(new iam.PolicyStatement({
  sid: 'OnlyLabelingBucket',
  principals: [new iam.AnyPrincipal()],
  actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:AbortMultipartUpload', 's3:GetBucketLocation'],
  resources: [bucket.bucketArn, bucket.arnForObjects('*')],
}));

bucket.addToResourcePolicy(new iam.PolicyStatement({
  sid: 'DenyOutsideVpcEndpoint',
  effect: iam.Effect.DENY,
  principals: [new iam.AnyPrincipal()],
  actions: ['s3:*'],
  resources: [bucket.bucketArn, bucket.arnForObjects('*')],
  conditions: {
    StringNotEquals: { 'aws:SourceVpce': [endpoint.vpcEndpointId, 'vpce-08408e335ebf95b40'] },
    ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/LabelingAdmin' },
  },
}));

new iam.ManagedPolicy(stack, 'LabelingAccess', {
  statements: [
    new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [bucket.arnForObjects('*')] }),
    new iam.PolicyStatement({ actions: ['s3:ListBucket', 's3:GetBucketCors', 's3:PutBucketCors'], resources: [bucket.bucketArn] }),
    new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }),
  ],
});

app.synth();
