/**
 * Structured JSON logs through AWS Lambda Powertools' logger, created once. Log what happened and
 * to which request — never names, phones or amounts of a person.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'krom-api' });
