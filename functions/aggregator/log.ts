/**
 * The aggregator's structured JSON logs (Powertools), created once. The service name comes from
 * POWERTOOLS_SERVICE_NAME, which the stack sets per function (krom-aggregator, krom-daily) and
 * `npm start` sets for the local poller. Log which groups and records failed, never a person's data.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger();
