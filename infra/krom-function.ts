/**
 * Krom's one way to make a Lambda function: runtime, architecture, bundling, memory, timeout, log
 * retention and tracing set here, and the table bound with its env var and grant together.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleFunction, type FunctionName } from './bundling.ts';

/**
 * What a function may do to the table: everything (the API), or read everything and write only
 * items whose partition key starts with one of these prefixes (IAM's dynamodb:LeadingKeys) — the
 * aggregator and the recount write rollups and their per-group records, nothing else.
 */
export type TableAccess = 'readWrite' | { writeOnlyUnder: string[] };

export interface KromFunctionProps {
  name: FunctionName;
  table: ITable;
  tableAccess?: TableAccess;
  stage: 'dev' | 'prod';
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

export class KromFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: KromFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.stage === 'prod' ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
      removalPolicy: props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.function = new LambdaFunction(this, 'Function', {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromAsset(bundleFunction(props.name)),
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      tracing: Tracing.ACTIVE,
      // No NODE_OPTIONS=--enable-source-maps: Node then reads and indexes the 3 MB map at every
      // cold start (~20 ms measured). Stacks stay minified in the logs; bench/RESULTS.md says how
      // to decode one with the map built beside the bundle.
      environment: {
        TABLE_NAME: props.table.tableName,
        STAGE: props.stage,
        POWERTOOLS_SERVICE_NAME: `krom-${props.name}`,
        ...props.environment,
      },
    });
    const access = props.tableAccess ?? 'readWrite';
    if (access === 'readWrite') props.table.grantReadWriteData(this.function);
    else {
      props.table.grantReadData(this.function);
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
          resources: [props.table.tableArn],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': access.writeOnlyUnder.map((prefix) => `${prefix}*`) },
          },
        }),
      );
    }
  }
}
