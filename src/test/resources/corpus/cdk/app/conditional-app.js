// A small CDK app written for the gtvpc corpus: what CloudFormation must resolve at deployment —
// a bucket named from parameters, a policy statement that exists only in production (Fn::If with
// AWS::NoValue), an endpoint policy whose endpoint list depends on a condition, and a managed policy
// created only when a parameter says so (a resource Condition). Synthesised offline: fixed account and
// region (no context lookups), no bootstrap.
const cdk = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const ec2 = require('aws-cdk-lib/aws-ec2');
const iam = require('aws-cdk-lib/aws-iam');

const app = new cdk.App({ outdir: process.env.CDK_OUTDIR || 'cdk.out' });
const stack = new cdk.Stack(app, 'GtvpcConditionalStack', {
  env: { account: '111122223333', region: 'us-east-1' },
  synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
});

const environment = new cdk.CfnParameter(stack, 'Environment', { type: 'String', allowedValues: ['dev', 'prod'] });
const vpcId = new cdk.CfnParameter(stack, 'VpcId', { type: 'AWS::EC2::VPC::Id' });
const labelingVpce = new cdk.CfnParameter(stack, 'LabelingVpce', { type: 'String', default: '' });
const createReaderPolicy = new cdk.CfnParameter(stack, 'CreateReaderPolicy', { type: 'String', allowedValues: ['yes', 'no'], default: 'no' });

const isProd = new cdk.CfnCondition(stack, 'IsProd', { expression: cdk.Fn.conditionEquals(environment.valueAsString, 'prod') });
const hasVpce = new cdk.CfnCondition(stack, 'HasLabelingVpce', { expression: cdk.Fn.conditionNot(cdk.Fn.conditionEquals(labelingVpce.valueAsString, '')) });
const withReader = new cdk.CfnCondition(stack, 'WithReaderPolicy', { expression: cdk.Fn.conditionEquals(createReaderPolicy.valueAsString, 'yes') });

const bucket = new s3.Bucket(stack, 'LabelingData', {
  bucketName: cdk.Fn.sub('${Environment}-labeling-${AWS::AccountId}'),
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
});

// in production, only the labeling endpoint and the Ground Truth endpoint get in
bucket.addToResourcePolicy(new iam.PolicyStatement({
  sid: 'ProdOnlyThroughEndpoints',
  effect: iam.Effect.DENY,
  principals: [new iam.AnyPrincipal()],
  actions: ['s3:*'],
  resources: [bucket.bucketArn, bucket.arnForObjects('*')],
  conditions: {
    StringNotEquals: { 'aws:SourceVpce': [cdk.Fn.conditionIf(hasVpce.logicalId, labelingVpce.valueAsString, cdk.Aws.NO_VALUE), 'vpce-08408e335ebf95b40'] },
  },
}));
const policy = bucket.policy.node.defaultChild;
policy.addOverride('Properties.PolicyDocument.Statement.1', cdk.Fn.conditionIf(isProd.logicalId,
  stack.resolve(policy.policyDocument.toJSON().Statement[1]), cdk.Aws.NO_VALUE));

new ec2.CfnVPCEndpoint(stack, 'S3Endpoint', {
  vpcId: vpcId.valueAsString,
  serviceName: cdk.Fn.sub('com.amazonaws.${AWS::Region}.s3'),
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'OnlyLabelingBucket',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
      Resource: [bucket.bucketArn, bucket.arnForObjects('*')],
    }],
  },
});

const reader = new iam.CfnManagedPolicy(stack, 'LabelingReader', {
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: bucket.arnForObjects('*') }],
  },
});
reader.cfnOptions.condition = withReader;

app.synth();
