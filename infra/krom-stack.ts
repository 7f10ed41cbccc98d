/**
 * Krom in AWS: one DynamoDB table, the API function behind an HTTP API with a Cognito JWT
 * authorizer, the Cognito user pool people sign in with (managed login for the web app), and the
 * web app on CloudFront with the API on the same domain.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  acknowledgeAlarmTopic,
  acknowledgeFailureQueue,
  acknowledgeFunction,
  acknowledgeOpenHealthRoute,
  acknowledgeUserPool,
  acknowledgeWebHosting,
} from './nag.ts';
import type { Construct } from 'constructs';
import { INDEXES, KEY, TTL_ATTRIBUTE } from '../functions/store/table.ts';
import {
  FEDERATION_KEY_PREFIX,
  GROUP_KEY_PREFIX,
  ROLLUP_KEY_PREFIX,
  COVERAGE_KEY_PREFIX,
  USER_KEY_PREFIX,
} from '../functions/store/keys.ts';
import { KromFunction } from './krom-function.ts';
import { WebHosting } from './web-hosting.ts';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';

/** The whole API's steady rate and burst (requests per second), every caller together. */
export const API_RATE_PER_SECOND = 50;
export const API_BURST = 100;

/** A queue that keeps what failed for 14 days, encrypted, reachable over TLS only. */
function failureQueue(scope: Construct, id: string): Queue {
  return new Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
}

export interface KromStackProps extends StackProps {
  stage: 'dev' | 'prod';
  /** The web app's own domain and its ACM certificate (us-east-1); CloudFront's domain without it. */
  webDomain?: { name: string; certificateArn: string };
}

export class KromStack extends Stack {
  constructor(scope: Construct, id: string, props: KromStackProps) {
    super(scope, id, props);
    const prod = props.stage === 'prod';

    const table = new Table(this, 'Table', {
      partitionKey: { name: KEY.partition, type: AttributeType.STRING },
      sortKey: { name: KEY.sort, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: prod,
      encryption: TableEncryption.AWS_MANAGED,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const [indexName, index] of Object.entries(INDEXES)) {
      table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: index.partition, type: AttributeType.STRING },
        sortKey: { name: index.sort, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    const userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false, // administrators invite people; roles live in DynamoDB
      // The phone number is the username: officers are invited by it and sign in with it.
      signInAliases: { phone: true },
      accountRecovery: AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
      passwordPolicy: { minLength: 10, requireSymbols: false },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      deletionProtection: prod,
    });
    const httpApi = new HttpApi(this, 'HttpApi', {
      description: `Krom GraphQL API (${props.stage})`,
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
      },
    });
    // The app and the API on one domain: the app signs in through Cognito's managed login and comes
    // back to it; the API's CORS stays open only for tools (GraphiQL, scripts) that carry a token.
    const web = new WebHosting(this, 'Web', { api: httpApi, prod, domain: props.webDomain });
    const login = userPool.addDomain('Login', {
      // Cognito domain prefixes are unique across AWS: the account number makes this one ours.
      cognitoDomain: { domainPrefix: `krom-${props.stage}-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const client = new UserPoolClient(this, 'AppClient', {
      userPool,
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
      // The web app: OAuth 2 authorization code with PKCE (a public client, no secret), back to
      // the app's own page.
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PHONE, OAuthScope.PROFILE],
        callbackUrls: [`${web.url}/`],
        logoutUrls: [`${web.url}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    });
    // Managed login's look: Cognito's own, until a deployer brands it.
    new CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    // What the app reads at start (config.json) to sign in: the issuer, the client and the login domain.
    web.deploy({
      authority: userPool.userPoolProviderUrl,
      clientId: client.userPoolClientId,
      loginDomain: login.baseUrl(),
    });

    const api = new KromFunction(this, 'Api', {
      name: 'api',
      table,
      stage: props.stage,
      environment: {
        COGNITO_ISSUER: userPool.userPoolProviderUrl,
        COGNITO_CLIENT_ID: client.userPoolClientId,
        USER_POOL_ID: userPool.userPoolId,
      },
    });
    // Inviting a person creates her Cognito user (and finds it again on a retry); nothing else.
    userPool.grant(api.function, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser');

    // Rollups follow writes through the table's stream. Failed groups are reported back so only
    // their records are retried; the aggregator counts each change once whatever is retried.
    // They write rollups (ROLLUP#…), each group's counted record (GROUP#…/ROLLUPSRC) and the
    // coverage kept per place and sector (COVERAGE#…) only.
    const rollupWriter = { writeOnlyUnder: [ROLLUP_KEY_PREFIX, GROUP_KEY_PREFIX, COVERAGE_KEY_PREFIX] };
    const aggregator = new KromFunction(this, 'Aggregator', {
      name: 'aggregator',
      table,
      tableAccess: rollupWriter,
      stage: props.stage,
      timeout: Duration.seconds(60),
      memorySize: 512,
    });
    // Records still failing after the retries are not dropped: their stream positions go to a
    // queue, an alarm rings, and the nightly recount (or a replay) puts the rollups right.
    const streamFailures = failureQueue(this, 'AggregatorFailures');
    aggregator.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(2),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(streamFailures),
      }),
    );

    // Arrears and "no meeting for 60 days" move with the calendar: recount every group nightly
    // (midnight in Cambodia, 17:00 UTC).
    const daily = new KromFunction(this, 'DailyRecount', {
      name: 'daily',
      table,
      tableAccess: rollupWriter,
      stage: props.stage,
      timeout: Duration.minutes(15),
      memorySize: 512,
    });
    const recountFailures = failureQueue(this, 'RecountFailures');
    // Failing to invoke it (EventBridge) and the run failing (Lambda's async retries) both land here.
    new Rule(this, 'Nightly', {
      schedule: Schedule.cron({ minute: '0', hour: '17' }),
      targets: [new LambdaFunctionTarget(daily.function, { retryAttempts: 2, deadLetterQueue: recountFailures })],
    });
    daily.function.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(recountFailures) });

    // One-off tasks after a deploy (functions/jobs/maintenance.ts), invoked by hand: today the
    // backfill of people's and federations' listing keys and the coverage recount, so it writes
    // only under USER#, FED# and COVERAGE#.
    const maintenance = new KromFunction(this, 'Maintenance', {
      name: 'maintenance',
      table,
      tableAccess: { writeOnlyUnder: [USER_KEY_PREFIX, FEDERATION_KEY_PREFIX, COVERAGE_KEY_PREFIX] },
      stage: props.stage,
      timeout: Duration.minutes(15),
      memorySize: 512,
    });

    // One topic for operators; `-c alarmEmail=ops@example.org` subscribes an address.
    const alarms = new Topic(this, 'Alarms', { displayName: `Krom ${props.stage} alarms`, enforceSSL: true });
    const email = this.node.tryGetContext('alarmEmail') as string | undefined;
    if (email) alarms.addSubscription(new EmailSubscription(email));
    for (const [id, queue, what] of [
      [
        'AggregatorFailuresAlarm',
        streamFailures,
        'Stream records the aggregator could not count after every retry: rollups may be off until the nightly recount.',
      ],
      [
        'RecountFailuresAlarm',
        recountFailures,
        'The nightly recount failed after its retries: day-dependent rollup figures (PAR30, attention) are stale.',
      ],
    ] as const) {
      new Alarm(this, id, {
        alarmDescription: what,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(alarms));
    }

    const integration = new HttpLambdaIntegration('ApiIntegration', api.function);
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', userPool, { userPoolClients: [client] });
    httpApi.addRoutes({ path: '/graphql', methods: [HttpMethod.GET, HttpMethod.POST], integration, authorizer });
    const [health] = httpApi.addRoutes({ path: '/health', methods: [HttpMethod.GET], integration });

    // Access logs of the HTTP API: who called, when, with what status — no bodies, no tokens.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const stage = httpApi.defaultStage!.node.defaultChild as CfnStage;
    // A ceiling for the whole API (every caller together): a runaway client or a flood slows down
    // at the edge before it reaches Lambda and DynamoDB. Bank reads have their own daily cap per
    // group in the API (BANK_READS_PER_GROUP_PER_DAY).
    stage.defaultRouteSettings = { throttlingRateLimit: API_RATE_PER_SECOND, throttlingBurstLimit: API_BURST };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        time: '$context.requestTime',
        method: '$context.httpMethod',
        path: '$context.path',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    };

    for (const fn of [api, aggregator, daily, maintenance])
      acknowledgeFunction(fn, Stack.of(this).getLogicalId(table.node.defaultChild as CfnTable));
    for (const queue of [streamFailures, recountFailures]) acknowledgeFailureQueue(queue);
    acknowledgeAlarmTopic(alarms);
    acknowledgeUserPool(userPool);
    acknowledgeOpenHealthRoute(health!);
    acknowledgeWebHosting(web, props.webDomain !== undefined);

    new CfnOutput(this, 'AppUrl', { value: `${web.url}/` });
    new CfnOutput(this, 'GraphQLUrl', { value: `${web.url}/graphql` });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
