/**
 * Infra tier: cdk-nag's AwsSolutions checks on the synthesised app, both stages, through CDK's
 * policy-validation plugins (cdk-nag 3). Synthesis fails on any finding that is neither fixed in
 * the stack nor acknowledged — with its reason — in infra/nag.ts; this test asserts it succeeds.
 */
import { describe, expect, it } from 'vitest';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KromStack } from '../../infra/krom-stack.ts';

const OWN_DOMAIN = {
  name: 'app.krom.example',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
};

describe.each([
  ['dev', undefined],
  ['prod', undefined],
  ['prod', OWN_DOMAIN],
] as const)('cdk-nag AwsSolutions on the %s stage (own domain: %o)', (stage, webDomain) => {
  it('synthesises with every finding fixed or acknowledged with a reason', () => {
    const app = new App();
    new KromStack(app, `Nag-${stage}`, { stage, webDomain });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let report = '';
    try {
      app.synth();
    } catch (error) {
      report = String((error as Error).message);
    }
    const findings = [...new Set(report.match(/AwsSolutions-[A-Za-z0-9]+(\[[^\]]*\])?/g) ?? [])];
    expect(findings, report.slice(0, 4000)).toEqual([]);
    expect(report).toBe('');
  });
});
