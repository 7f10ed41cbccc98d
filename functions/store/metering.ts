/**
 * Counts DynamoDB requests and the capacity they consumed (ReturnConsumedCapacity=TOTAL on every
 * request). For tests and benchmarks that hold Krom to "cost stays flat"; not used in serving.
 */
import type { Db } from './db.ts';

export interface CapacityMeter {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Request counts by command name ("GetCommand", "QueryCommand"…). */
  byCommand: Record<string, number>;
  reset(): void;
  stop(): void;
}

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export function meterCapacity(db: Db): CapacityMeter {
  const name = `krom-capacity-meter-${Math.random().toString(36).slice(2)}`;
  const meter: CapacityMeter = {
    requests: 0,
    readUnits: 0,
    writeUnits: 0,
    byCommand: {},
    reset() {
      meter.requests = 0;
      meter.readUnits = 0;
      meter.writeUnits = 0;
      meter.byCommand = {};
    },
    stop() {
      db.client.middlewareStack.remove(name);
    },
  };
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const command = String(context.commandName ?? 'unknown');
      meter.requests++;
      meter.byCommand[command] = (meter.byCommand[command] ?? 0) + 1;
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      for (const c of [consumed ?? []].flat()) {
        const isWrite = /Put|Update|Delete|TransactWrite|BatchWrite/.test(command);
        const units = c.CapacityUnits ?? 0;
        if (isWrite) meter.writeUnits += c.WriteCapacityUnits ?? units;
        else meter.readUnits += c.ReadCapacityUnits ?? units;
      }
      return result;
    },
    { step: 'initialize', name },
  );
  return meter;
}
