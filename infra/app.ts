/** The CDK app. Stage comes from context: `cdk deploy -c stage=prod`; dev by default. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KromStack } from './krom-stack.ts';

const app = new App();
const stage = app.node.tryGetContext('stage') ?? 'dev';
if (stage !== 'dev' && stage !== 'prod') throw new Error(`stage must be dev or prod, not ${stage}`);
const webDomain = app.node.tryGetContext('webDomain');
const webCertificateArn = app.node.tryGetContext('webCertificateArn');
if (Boolean(webDomain) !== Boolean(webCertificateArn))
  throw new Error('give both webDomain and webCertificateArn (an ACM certificate in us-east-1), or neither');
new KromStack(app, `Krom-${stage}`, {
  stage,
  webDomain: webDomain ? { name: webDomain, certificateArn: webCertificateArn } : undefined,
  description: `Krom: books and federation for self-help groups (${stage})`,
  // Environment-agnostic, so synth needs no account; deploy uses the CLI's account and region.
  env: process.env.CDK_DEFAULT_ACCOUNT
    ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
    : undefined,
});
// cdk-nag's AwsSolutions checks run at every synth: an unacknowledged finding fails it (infra/nag.ts).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
