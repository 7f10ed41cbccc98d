/** Infra tier: the synthesised CloudFormation has the properties Krom relies on. */
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { KromStack } from '../../infra/krom-stack.ts';
import { INDEXES } from '#store/table.ts';
import { CONTENT_SECURITY_POLICY } from '../../web/security-headers.ts';

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
    // Krom's four functions (the fifth, CDK's own, copies the web app's build while deploying).
    expect(
      Object.keys(dev.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } })),
    ).toHaveLength(4);
    dev.resourceCountIs('AWS::Lambda::Function', 5);
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

  it('the aggregator and the recount write only rollups, groups’ counted records and the coverage kept per place', () => {
    for (const role of [/AggregatorFunctionServiceRole/, /DailyRecountFunctionServiceRole/]) {
      const statements = statementsOf(role);
      const writes = statements.filter((s) =>
        [s.Action].flat().some((a: string) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
      );
      expect(writes).toHaveLength(1);
      expect(writes[0].Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ROLLUP#*', 'GROUP#*', 'COVERAGE#*'] },
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

  it('the maintenance function writes only people, federations and kept coverage, and deletes nothing', () => {
    const writes = statementsOf(/MaintenanceFunctionServiceRole/).filter((s) =>
      [s.Action].flat().some((a: string) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0].Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*', 'FED#*', 'COVERAGE#*'] },
    });
    expect([writes[0].Action].flat()).not.toContain('dynamodb:DeleteItem');
  });

  it('the HTTP API throttles every route at the stage', () => {
    dev.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});

describe('the web app', () => {
  const resourcesOf = (type: string) => Object.values(dev.findResources(type)) as { Properties: any }[];

  it('lives in a private, encrypted bucket that only its CloudFront distribution may read', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'site/' }),
    });
    dev.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const reads = resourcesOf('AWS::S3::BucketPolicy')
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => s.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
    expect(JSON.stringify(reads[0].Condition)).toContain(':distribution/');
  });

  it('serves the app over HTTPS, routes its paths to the page, and sends /graphql and /health to the API uncached', () => {
    const [cdn] = resourcesOf('AWS::CloudFront::Distribution');
    const config = cdn!.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [expect.objectContaining({ EventType: 'viewer-request' })],
    });
    expect(config.Logging).toMatchObject({ Prefix: 'cdn/' });
    const toApi = config.CacheBehaviors.map((b: any) => b.PathPattern).sort();
    expect(toApi).toEqual(['/graphql', '/health']);
    for (const behavior of config.CacheBehaviors) {
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'https-only',
        // CachingDisabled and AllViewerExceptHostHeader: nothing cached, the token passed on.
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      });
      expect(behavior.AllowedMethods).toContain('POST');
    }
    const [routes] = resourcesOf('AWS::CloudFront::Function');
    expect(routes!.Properties.FunctionCode).toContain("request.uri = '/index.html'");
  });

  it('sends the same security headers as npm start: a CSP of self only, HSTS, no framing', () => {
    const [policy] = resourcesOf('AWS::CloudFront::ResponseHeadersPolicy');
    const security = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
    });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(security.ContentTypeOptions).toMatchObject({ Override: true });
    const [cdn] = resourcesOf('AWS::CloudFront::Distribution');
    const config = cdn!.Properties.DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: expect.stringMatching(/^WebSecurityHeaders/) });
  });

  it('signs people in with managed login: the code flow (PKCE, no secret) back to the app only', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    const [client] = resourcesOf('AWS::Cognito::UserPoolClient');
    expect(client!.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(client!.Properties.AllowedOAuthScopes.sort()).toEqual(['openid', 'phone', 'profile']);
    expect(JSON.stringify(client!.Properties.CallbackURLs)).toMatch(/WebCdn.*DomainName/);
    dev.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('deploys the build: hashed files cached for a year and kept, the page and config.json never cached', () => {
    const deployments = resourcesOf('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const [assets, app] = [...deployments].sort((a) => (a.Properties.Prune === false ? -1 : 1));
    expect(assets!.Properties).toMatchObject({
      Prune: false,
      Include: ['assets/*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(app!.Properties).toMatchObject({
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
    // config.json carries the issuer, the app client and the login domain, filled in at deploy time.
    expect(JSON.stringify(app!.Properties.SourceMarkers)).toMatch(/Users.*AppClient|AppClient.*Users/s);
  });
});
