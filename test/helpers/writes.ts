/**
 * A write recorder: every write DynamoDB accepted through a client, as the calls that made them and
 * the keys each touched. A refused write (a failed condition, a cancelled transaction, an injected
 * fault before the call) changed nothing and is not recorded. Checking "nothing was written" this
 * way costs nothing, where comparing whole-table scans grew with every case a sweep ran;
 * test/api/write-recorder.test.ts proves it sees every kind of write Krom makes.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface WriteCall {
  command: string;
  /** `pk|sk` of every item the call wrote (a ConditionCheck writes nothing and is left out). */
  keys: string[];
}

const attr = (v: any): string => String(v?.S ?? v);
const keyOf = (k: any) => `${attr(k?.pk)}|${attr(k?.sk)}`;

/** The items a write call touched, whichever client (low-level or document) sent it. */
function keysOf(command: string, input: any): string[] {
  if (/^TransactWrite(Items)?Command$/.test(command)) {
    return (input.TransactItems ?? []).flatMap((t: any) =>
      t.Put ? [keyOf(t.Put.Item)] : t.Update ? [keyOf(t.Update.Key)] : t.Delete ? [keyOf(t.Delete.Key)] : [],
    );
  }
  if (/^Put(Item)?Command$/.test(command)) return [keyOf(input.Item)];
  if (/^(Update|UpdateItem|Delete|DeleteItem)Command$/.test(command)) return [keyOf(input.Key)];
  if (/^BatchWrite(Item)?Command$/.test(command)) {
    return Object.values(input.RequestItems ?? {})
      .flat()
      .map((r: any) => keyOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key));
  }
  return [];
}

export interface WriteRecorder {
  /** Forgets what was recorded so far (start of a case). */
  take(): void;
  /** Accepted write calls since the last take, in order. */
  calls(): WriteCall[];
  /** Every key written since the last take. */
  written(): string[];
  /** Write calls that touched anything but idempotency records (a refusal may remember itself there). */
  domainCalls(): WriteCall[];
}

let installed = 0;

export function recordWrites(client: DynamoDBClient): WriteRecorder {
  let calls: WriteCall[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const keys = keysOf(String(context.commandName), args.input);
      if (keys.length) calls.push({ command: String(context.commandName), keys });
      return result;
    },
    { step: 'initialize', name: `write-recorder-${installed++}` },
  );
  return {
    take: () => {
      calls = [];
    },
    calls: () => calls,
    written: () => calls.flatMap((c) => c.keys),
    domainCalls: () => calls.filter((c) => c.keys.some((k) => !k.startsWith('IDEM#'))),
  };
}
