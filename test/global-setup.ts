/**
 * Starts DynamoDB Local (in memory, on a free port) once for the test run and stops it after.
 * Test files receive its endpoint through vitest's provide/inject.
 */
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal } from '../dev/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
