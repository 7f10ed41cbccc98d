/** Unit tier: every example operation in graphql/operations is one named, valid operation of the schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '#api/generated/schema.ts';

// Built from the same SDL the server serves (yoga's schema object comes from graphql's other module build).
const schema = buildSchema(typeDefs);

const dir = join(import.meta.dirname, '../../graphql/operations');
const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));

describe(`example operations (${files.length})`, () => {
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(10));

  it.each(files)('%s is valid against the schema and named after its file', (file) => {
    const document = parse(readFileSync(join(dir, file), 'utf8'));
    expect(validate(schema, document)).toEqual([]);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    expect(operations[0]!.kind === Kind.OPERATION_DEFINITION && operations[0]!.name?.value).toBe(
      file.replace(/\.graphql$/, ''),
    );
  });
});
