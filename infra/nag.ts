/**
 * cdk-nag (AwsSolutions) acknowledgements: each finding Krom keeps on purpose, on the construct it
 * concerns, with the reason. Everything else the checks ask for is fixed in the stack itself
 * (access logs on the HTTP API, optional TOTP MFA, PITR and encryption on the table…).
 * test/infra/nag.test.ts fails on any finding neither fixed nor acknowledged here.
 */
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import type { KromFunction } from './krom-function.ts';
import type { WebHosting } from './web-hosting.ts';

const acknowledge = (construct: IConstruct, id: string, reason: string) =>
  Validations.of(construct).acknowledge({ id: `AwsSolutions-${id}`, reason });

export function acknowledgeFunction(fn: KromFunction, tableArnToken: string): void {
  acknowledge(
    fn,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The AWS-managed basic execution policy only lets the function write its own CloudWatch logs; a copy kept by hand would drift from it.',
  );
  acknowledge(
    fn,
    'IAM5[Resource::*]',
    'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords) does not support resource-level permissions.',
  );
  acknowledge(
    fn,
    `IAM5[Resource::<${tableArnToken}.Arn>/index/*]`,
    "The function queries the table's own indexes (byParent, byPlace); the wildcard is scoped to this one table's indexes, granted by Table.grantReadWriteData.",
  );
  acknowledge(
    fn,
    'L1',
    'Krom runs Node.js 22 on Lambda by decision (the project brief); the runtime is set in one place, KromFunction, to move together.',
  );
}

export function acknowledgeUserPool(pool: UserPool): void {
  acknowledge(
    pool,
    'COG1',
    'Passwords need 10 characters but no symbol: people sign in on basic phones with Khmer keyboards, and length beats composition rules (NIST SP 800-63B).',
  );
  acknowledge(
    pool,
    'COG2',
    'MFA is offered (TOTP, optional), not required: many group officers have no smartphone, and being locked out of the books would stop the group.',
  );
  acknowledge(
    pool,
    'IAM5[Resource::*]',
    "Cognito's SMS role sends sign-in and recovery codes to phone numbers with sns:Publish, which cannot name a resource for SMS to a number.",
  );
  acknowledge(
    pool,
    'COG8',
    'The Essentials feature plan: threat protection (Plus) is a per-user cost for each deploying organisation to choose; sign-up is closed (administrators invite).',
  );
}

export function acknowledgeOpenHealthRoute(route: IConstruct): void {
  acknowledge(
    route,
    'APIG4',
    '/health is deliberately open for load balancer and uptime checks; it answers {"status":"ok"} and reads nothing.',
  );
}

export function acknowledgeFailureQueue(queue: IConstruct): void {
  acknowledge(
    queue,
    'SQS3',
    'This queue is itself the dead-letter queue of the stream consumer or the nightly recount; a dead-letter queue of a dead-letter queue would only move the same records again.',
  );
}

export function acknowledgeAlarmTopic(topic: IConstruct): void {
  acknowledge(
    topic,
    'SNS2',
    "Alarm notifications carry only the alarm's name and state, no data of groups; AWS-managed SSE would block CloudWatch alarms from publishing without a customer key policy.",
  );
}

export function acknowledgeWebHosting(web: WebHosting, customCertificate: boolean): void {
  const cdn = web.distribution;
  acknowledge(
    cdn,
    'CFR1',
    'No geo restriction: NGO staff, banks and federations reach Cambodian groups from abroad too; every request to the API is authenticated, and the app itself is public code.',
  );
  acknowledge(
    cdn,
    'CFR2',
    'No WAF web ACL by default: the HTTP API throttles every route at the stage and the API caps bank reads; a web ACL is a monthly cost per deployment for each deploying organisation to choose.',
  );
  if (!customCertificate)
    acknowledge(
      cdn,
      'CFR4',
      "Without a domain of its own the distribution uses CloudFront's default *.cloudfront.net certificate, whose TLS policy cannot be set; deploy with -c webDomain=… -c webCertificateArn=… to get TLSv1.2_2021.",
    );
  // One function (a CDK singleton, Python, written by aws-cdk-lib) copies the build into the bucket.
  const stack = Stack.of(web);
  const copier = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!copier) throw new Error('the bucket deployment function was not found');
  acknowledge(
    copier,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The AWS-managed basic execution policy only lets the deployment function write its own logs.',
  );
  const site = stack.getLogicalId(web.site.node.defaultChild as CfnElement);
  const copies =
    "The deployment function's rights are CDK's own grants (BucketDeployment): read the build from the CDK asset bucket and write and prune the site bucket's objects — S3's action groups on those two buckets' objects only.";
  for (const finding of [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    `Resource::<${site}.Arn>/*`,
  ])
    acknowledge(copier, `IAM5[${finding}]`, copies);
  acknowledge(
    copier,
    'IAM5[Resource::*]',
    'Clearing the distribution’s cache after a deployment (cloudfront:CreateInvalidation, GetInvalidation) is granted by CDK on every distribution.',
  );
  acknowledge(
    copier,
    'L1',
    'The bucket deployment function and its runtime are aws-cdk-lib’s (BucketDeployment); it runs only while deploying and moves with the library.',
  );
}
