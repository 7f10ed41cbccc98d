/**
 * Krom in AWS: one DynamoDB table, the API function behind an HTTP API with a Cognito JWT
 * authorizer, and the Cognito user pool people sign in with.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, Mfa, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, CfnTable, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { acknowledgeFunction, acknowledgeOpenHealthRoute, acknowledgeUserPool } from './nag.ts';
import type { Construct } from 'constructs';
import { INDEXES, KEY, TTL_ATTRIBUTE } from '../functions/store/table.ts';
import { KromFunction } from './krom-function.ts';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';

export interface KromStackProps extends StackProps {
  stage: 'dev' | 'prod';
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
      signInAliases: { username: true, phone: true },
      accountRecovery: AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
      passwordPolicy: { minLength: 10, requireSymbols: false },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      deletionProtection: prod,
    });
    const client = new UserPoolClient(this, 'AppClient', {
      userPool,
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
    });

    const api = new KromFunction(this, 'Api', {
      name: 'api',
      table,
      stage: props.stage,
      environment: { COGNITO_ISSUER: userPool.userPoolProviderUrl, COGNITO_CLIENT_ID: client.userPoolClientId },
    });

    // Rollups follow writes through the table's stream. Failed groups are reported back so only
    // their records are retried; the aggregator counts each change once whatever is retried.
    const aggregator = new KromFunction(this, 'Aggregator', { name: 'aggregator', table, stage: props.stage, timeout: Duration.seconds(60), memorySize: 512 });
    aggregator.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(2),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
      }),
    );

    // Arrears and "no meeting for 60 days" move with the calendar: recount every group nightly
    // (midnight in Cambodia, 17:00 UTC).
    const daily = new KromFunction(this, 'DailyRecount', { name: 'daily', table, stage: props.stage, timeout: Duration.minutes(15), memorySize: 512 });
    new Rule(this, 'Nightly', { schedule: Schedule.cron({ minute: '0', hour: '17' }), targets: [new LambdaFunctionTarget(daily.function, { retryAttempts: 2 })] });

    const httpApi = new HttpApi(this, 'HttpApi', {
      description: `Krom GraphQL API (${props.stage})`,
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
      },
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', api.function);
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', userPool, { userPoolClients: [client] });
    httpApi.addRoutes({ path: '/graphql', methods: [HttpMethod.GET, HttpMethod.POST], integration, authorizer });
    const [health] = httpApi.addRoutes({ path: '/health', methods: [HttpMethod.GET], integration });

    // Access logs of the HTTP API: who called, when, with what status — no bodies, no tokens.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH, removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
    (httpApi.defaultStage!.node.defaultChild as CfnStage).accessLogSettings = {
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

    for (const fn of [api, aggregator, daily]) acknowledgeFunction(fn, Stack.of(this).getLogicalId(table.node.defaultChild as CfnTable));
    acknowledgeUserPool(userPool);
    acknowledgeOpenHealthRoute(health!);

    new CfnOutput(this, 'GraphQLUrl', { value: `${httpApi.apiEndpoint}/graphql` });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
