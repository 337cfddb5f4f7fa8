import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints } from './endpoints';
import { responseExamples } from './response-examples';
import { objectSites, unwrapSchema } from './schema-walk';

interface Case {
  name: string;
  schema: z.ZodType;
  value: unknown;
}

const bodies = endpoints.flatMap((e) =>
  Object.entries(e.responses)
    .filter(([, r]) => r.schema !== null)
    .map(([status, r]) => ({
      label: `${e.id} ${status}`,
      schema: r.schema as z.ZodType,
      example: (responseExamples as Record<string, Record<string, unknown>>)[e.id]?.[status],
    })),
);

/** A deep copy of `root` with `edit` applied to the object at `path`. */
function mutate(root: unknown, path: (string | number)[], edit: (o: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(root);
  let target: unknown = copy;
  for (const key of path) target = (target as Record<string | number, unknown>)[key];
  edit(target as Record<string, unknown>);
  return copy;
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function wrongVersions(label: string, schema: z.ZodType, example: unknown): Case[] {
  return objectSites(schema, example).flatMap(({ path, schema: object, value }) => {
    const at = `$${path.map((p) => `.${p}`).join('')}`;
    const cases: Case[] = [{ name: `${label} rejects an extra key at ${at}`, schema, value: mutate(example, path, (o) => (o.unexpected = 1)) }];
    for (const [key, field] of Object.entries(object.shape)) {
      const inner = unwrapSchema(field as z.ZodType);
      cases.push({ name: `${label} rejects missing ${at}.${key}`, schema, value: mutate(example, path, (o) => delete o[key]) });
      if (key.includes('_')) {
        cases.push({
          name: `${label} rejects camelCase ${camel(key)} at ${at}`,
          schema,
          value: mutate(example, path, (o) => {
            o[camel(key)] = o[key];
            delete o[key];
          }),
        });
      }
      if (inner instanceof z.ZodNumber && inner.format === 'safeint' && typeof value[key] === 'number') {
        const float = (value[key] as number) + 0.5;
        cases.push({ name: `${label} rejects float ${at}.${key}`, schema, value: mutate(example, path, (o) => (o[key] = float)) });
      }
      if (inner instanceof z.ZodLiteral || inner instanceof z.ZodEnum) {
        cases.push({ name: `${label} rejects wrong literal ${at}.${key}`, schema, value: mutate(example, path, (o) => (o[key] = 'wrong-literal')) });
      }
      if (typeof value[key] === 'string' && !(inner instanceof z.ZodString || inner instanceof z.ZodUnion)) {
        cases.push({ name: `${label} rejects a number for ${at}.${key}`, schema, value: mutate(example, path, (o) => (o[key] = 1)) });
      }
    }
    return cases;
  });
}

describe('response examples', () => {
  it.each(bodies.map((b) => [b.label, b] as const))('%s has an example', (_, b) => {
    expect(b.example).toBeDefined();
  });

  it.each(bodies.map((b) => [b.label, b] as const))('%s accepts its example', (_, b) => {
    const result = b.schema.safeParse(b.example);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe('response schemas reject typical mistakes', () => {
  const cases = bodies.filter((b) => b.example !== undefined).flatMap((b) => wrongVersions(b.label, b.schema, b.example));

  it('covers every kind of mistake', () => {
    for (const kind of ['extra key', 'missing', 'camelCase createdAt', 'float', 'wrong literal']) {
      expect(
        cases.some((c) => c.name.includes(kind)),
        kind,
      ).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(c.schema.safeParse(c.value).success).toBe(false);
  });
});
