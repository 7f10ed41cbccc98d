/**
 * Business metrics through AWS Lambda Powertools (CloudWatch embedded metric format on stdout):
 * how grants move between states, and how often a bank's read is refused and why. Each is one
 * count with one dimension, published at once, so nothing waits for the end of an invocation.
 * No dimension names a person, a group or a bank.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const metrics = new Metrics({ namespace: 'Krom', serviceName: 'krom-api' });

function count(name: string, dimension: string, value: string): void {
  const single = metrics.singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, 1);
}

/** A grant (or the request it came from) moved to `to`: ACTIVE, PAUSED, REVOKED, REJECTED… */
export const countGrantTransition = (to: string) => count('GrantTransition', 'to', to);

/** A bank's read of a group refused by the policy; `reason` is the refusal's code. */
export const countRefusedRead = (reason: string) => count('RefusedRead', 'reason', reason);
