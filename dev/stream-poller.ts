/**
 * Reads the table's stream from DynamoDB Local and hands each batch to the aggregator, as the
 * Lambda event source mapping does in AWS — so `npm start` keeps rollups within seconds of writes.
 * From the start of the stream each time: replays are counted once, so nothing is lost or doubled.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { StreamRecordLike } from '#aggregator/handler.ts';

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handed over. */
  drain(): Promise<void>;
}

export function startStreamPoller(options: {
  client: DynamoDBClient;
  endpoint: string;
  table: string;
  onRecords: (records: StreamRecordLike[]) => Promise<unknown>;
  intervalMs?: number;
}): StreamPoller {
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | null>(); // shard → next iterator (null: shard closed and read)
  let running = true;
  let idle: () => void = () => {};
  let idlePromise = new Promise<void>((r) => (idle = r));

  async function poll(): Promise<boolean> {
    const table = await options.client.send(new DescribeTableCommand({ TableName: options.table }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) return false;
    const stream = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let got = false;
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!;
      if (!iterators.has(id)) {
        const it = await streams.send(
          new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }),
        );
        iterators.set(id, it.ShardIterator ?? null);
      }
      let iterator = iterators.get(id);
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
        if (out.Records?.length) {
          got = true;
          await options.onRecords(out.Records as StreamRecordLike[]);
        }
        iterator = out.NextShardIterator ?? null;
        iterators.set(id, iterator);
        if (!out.Records?.length) break;
      }
    }
    return got;
  }

  const loop = (async () => {
    while (running) {
      let got = false;
      try {
        got = await poll();
      } catch (error) {
        console.error(`stream poller: ${(error as Error).message}`);
      }
      if (!got) {
        idle();
        idlePromise = new Promise<void>((r) => (idle = r));
        await new Promise((r) => setTimeout(r, options.intervalMs ?? 500));
      }
    }
  })();

  return {
    async stop() {
      running = false;
      idle();
      await loop;
      streams.destroy();
    },
    async drain() {
      // Wait for a poll that found nothing new, started after this call.
      await idlePromise;
      await idlePromise;
    },
  };
}

/** Every record the table's stream holds now, from its start (for tests). */
export async function readWholeStream(
  client: DynamoDBClient,
  endpoint: string,
  table: string,
): Promise<StreamRecordLike[]> {
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const described = await client.send(new DescribeTableCommand({ TableName: table }));
    const streamArn = described.Table!.LatestStreamArn!;
    const stream = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const records: StreamRecordLike[] = [];
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shard.ShardId!,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        )
      ).ShardIterator;
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        records.push(...((out.Records ?? []) as StreamRecordLike[]));
        if (!out.Records?.length) break;
        iterator = out.NextShardIterator;
      }
    }
    return records;
  } finally {
    streams.destroy();
  }
}
