/** Infra tier: the synthesised CloudFormation has the properties Krom relies on. */
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { KromStack } from '../../infra/krom-stack.ts';
import { INDEXES } from '#store/table.ts';

let dev: Template;
let prod: Template;
beforeAll(() => {
  dev = Template.fromStack(new KromStack(new App(), 'Dev', { stage: 'dev' }));
  prod = Template.fromStack(new KromStack(new App(), 'Prod', { stage: 'prod' }));
});

describe('the table', () => {
  it('is one on-demand table with PITR, encryption, a new-and-old-image stream, TTL and the store’s indexes', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: Object.entries(INDEXES).map(([name, index]) =>
        Match.objectLike({
          IndexName: name,
          KeySchema: [
            { AttributeName: index.partition, KeyType: 'HASH' },
            { AttributeName: index.sort, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
  });

  it('is protected from deletion in prod only', () => {
    prod.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
    dev.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    dev.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
  });
});

describe('the API function', () => {
  it('runs Node 22 on arm64 with memory, timeout, tracing, source maps and the table bound', () => {
    dev.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: Match.anyValue() },
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: Match.stringLikeRegexp('^Table') },
          STAGE: 'dev',
          COGNITO_ISSUER: Match.anyValue(),
          COGNITO_CLIENT_ID: { Ref: Match.stringLikeRegexp('^AppClient') },
          USER_POOL_ID: { Ref: Match.stringLikeRegexp('^Users') },
        }),
      },
    });
  });

  it('keeps logs for a set time', () => {
    dev.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 14 });
    prod.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('may read and write the table and nothing broader', () => {
    const policies = dev.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    // dynamodb:ListStreams (the stream event source) cannot be scoped to a table; everything else is.
    for (const s of dynamo) {
      if ([s.Action].flat().every((a: string) => a === 'dynamodb:ListStreams')) continue;
      expect(JSON.stringify(s.Resource)).toContain('Table');
    }
    expect(JSON.stringify(statements)).not.toContain('"dynamodb:*"');
  });
});

describe('the aggregator', () => {
  it('reads the table stream in batches and reports partial batch failures', () => {
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
    });
    dev.resourceCountIs('AWS::Lambda::Function', 4);
  });

  it('recounts every group nightly at midnight in Cambodia', () => {
    dev.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 17 * * ? *)', State: 'ENABLED' });
  });
});

describe('the HTTP API', () => {
  it('guards /graphql with the Cognito JWT authorizer and leaves only /health open', () => {
    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('^AppClient') }], Issuer: Match.anyValue() },
    });
    const routes = Object.values(dev.findResources('AWS::ApiGatewayV2::Route')).map((r: any) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['GET /graphql', 'GET /health', 'POST /graphql']);
    for (const r of routes) expect(r.AuthorizationType).toBe(r.RouteKey === 'GET /health' ? 'NONE' : 'JWT');
  });

  it('has a user pool without self sign-up and an app client without a secret', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe('operations: nothing fails without a trace', () => {
  it('stream records that still fail after the retries go to a queue, and an alarm rings', () => {
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AggregatorFailures'), 'Arn'] } },
      },
    });
    dev.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AggregatorFailures'), 'QueueName'] } },
      ],
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alarms') }],
    });
  });

  it('the nightly recount has a dead-letter queue on the rule and on the function, and an alarm', () => {
    dev.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecountFailures'), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        }),
      ],
    });
    dev.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecountFailures'), 'Arn'] } },
      },
    });
    dev.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    dev.resourceCountIs('AWS::SQS::Queue', 2);
  });

  it('every function logs under its own service name from the environment', () => {
    for (const name of ['api', 'aggregator', 'daily', 'maintenance']) {
      dev.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: `krom-${name}` }) },
      });
    }
  });
});

describe('least privilege and throttling', () => {
  const policies = () =>
    Object.values(dev.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyName: unknown; PolicyDocument: { Statement: any[] } };
    }[];
  const statementsOf = (role: RegExp) =>
    policies()
      .filter((p) => JSON.stringify(p.Properties).match(role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);

  it('the aggregator and the recount write only rollups and groups’ counted records', () => {
    for (const role of [/AggregatorFunctionServiceRole/, /DailyRecountFunctionServiceRole/]) {
      const statements = statementsOf(role);
      const writes = statements.filter((s) =>
        [s.Action].flat().some((a: string) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
      );
      expect(writes).toHaveLength(1);
      expect(writes[0].Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ROLLUP#*', 'GROUP#*'] },
      });
      expect([writes[0].Action].flat()).not.toContain('dynamodb:DeleteItem');
    }
  });

  it('only the API may touch the user pool: create a person and look her up, in Krom’s pool alone', () => {
    const cognito = policies()
      .flatMap((p) => p.Properties.PolicyDocument.Statement.map((s) => ({ policy: p, s })))
      .filter(({ s }) => [s.Action].flat().some((a: string) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect(JSON.stringify(cognito[0]!.policy.Properties)).toMatch(/ApiFunctionServiceRole/);
    expect([cognito[0]!.s.Action].flat().sort()).toEqual(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser']);
    expect(JSON.stringify(cognito[0]!.s.Resource)).toMatch(/Users[0-9A-F]+/);
  });

  it('the maintenance function writes only people and federations, and deletes nothing', () => {
    const writes = statementsOf(/MaintenanceFunctionServiceRole/).filter((s) =>
      [s.Action].flat().some((a: string) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0].Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*', 'FED#*'] } });
    expect([writes[0].Action].flat()).not.toContain('dynamodb:DeleteItem');
  });

  it('the HTTP API throttles every route at the stage', () => {
    dev.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});
