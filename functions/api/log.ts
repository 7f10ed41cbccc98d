/**
 * Structured JSON logs through AWS Lambda Powertools' logger, created once. Log what happened and
 * to which request — never names, phones or amounts of a person. The service name comes from
 * POWERTOOLS_SERVICE_NAME (the stack sets krom-api; `npm start` and the tests set their own).
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger();
