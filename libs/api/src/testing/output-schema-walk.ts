/**
 * Walks a zod (v4) output schema and lists every field it can carry, with the field's path and
 * kind. The advertiser privacy test uses it to prove, from the schemas alone, that no procedure an
 * advertiser can call is able to return a person, a pseudonym or an unchecked count.
 */
export interface SchemaField {
  path: string;
  key: string;
  type: string;
}

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

const isZod = (value: unknown): value is ZodLike => typeof value === 'object' && value !== null && '_zod' in value;

export function schemaFields(schema: unknown, path = '', key = '', seen = new Set<unknown>()): SchemaField[] {
  if (!isZod(schema)) return [{ path, key, type: 'not-a-schema' }];
  // Only the schemas on the way here: a recursive schema stops, a shared one (an estimate used in
  // two places) is walked at every place it occurs.
  if (seen.has(schema)) return [];
  seen.add(schema);
  try {
    return fieldsOf(schema, path, key, seen);
  } finally {
    seen.delete(schema);
  }
}

function fieldsOf(schema: ZodLike, path: string, key: string, seen: Set<unknown>): SchemaField[] {
  const def = schema._zod.def;
  const walk = (child: unknown, childPath: string, childKey: string) => schemaFields(child, childPath, childKey, seen);
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, unknown>;
      const fields = Object.entries(shape).flatMap(([name, child]) => walk(child, path ? `${path}.${name}` : name, name));
      // A non-strict object still drops unknown keys on output; a catchall would let anything through.
      if (def['catchall'] && (def['catchall'] as ZodLike)._zod.def.type !== 'never') fields.push({ path: `${path}.*`, key: '*', type: 'catchall' });
      return fields;
    }
    case 'array':
      return walk(def['element'], `${path}[]`, key);
    case 'union':
      return (def['options'] as unknown[]).flatMap((option) => walk(option, path, key));
    case 'intersection':
      return [...walk(def['left'], path, key), ...walk(def['right'], path, key)];
    case 'tuple':
      return (def['items'] as unknown[]).flatMap((item, i) => walk(item, `${path}[${i}]`, key));
    case 'record':
      return walk(def['valueType'], `${path}{}`, key);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def['innerType'], path, key);
    case 'pipe':
      return [...walk(def['in'], path, key), ...walk(def['out'], path, key)];
    case 'lazy':
      return walk((def['getter'] as () => unknown)(), path, key);
    default:
      return [{ path, key, type: def.type }];
  }
}
