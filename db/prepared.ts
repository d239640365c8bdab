import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

/** A value the query binds, standing in for it while the query is built and compiled. */
class Placeholder {
  constructor(readonly name: string) {}

  /** Turning a placeholder into text or a number would bake it into the SQL: the query would be wrong for every call. */
  [Symbol.toPrimitive](): never {
    throw new Error(
      `Prepared query: "${this.name}" is a bound value; compute it before the call, and decide on the shape`,
    );
  }
}

/** Values a query binds: one SQL parameter each (lists change the SQL, so they are part of the shape). */
export type BoundValues = Record<string, string | number | null>;

interface Template {
  compiled: CompiledQuery;
  /** Per SQL parameter, the name of the value bound there, or null for a constant of the query itself. */
  slots: ReadonlyArray<string | null>;
}

/**
 * A query built and compiled once per shape, then run with bound values. Kysely
 * builds and compiles a query anew on every call, which for the caseload (a CTE
 * with correlated sub-queries) costs more than SQLite running it on the statement
 * db/connection.ts has already prepared for that SQL text.
 *
 * `build` gets the shape (whatever changes the SQL: which filters are on) and the
 * values as placeholders: it may pass a value only where the query binds it, never
 * compute with it or branch on it. Rows keep the type the builder gives them.
 *
 * The SQL depends on the dialect only, so it is kept per dialect for the life of the
 * process, like compiled code: a database opened again (a restore, the next test)
 * does not compile it again. Connections with plugins, which rewrite queries, are
 * not supported.
 */
export function preparedQuery<Shape, Values extends BoundValues, Row>(
  build: (db: Kysely<Database>, shape: Shape, values: Values) => Compilable<Row>,
): (db: Kysely<Database>, shape: Shape, values: Values) => Promise<Row[]> {
  const cache = new WeakMap<object, Map<string, Template>>();

  function template(db: Kysely<Database>, shape: Shape): Template {
    const executor = db.getExecutor();
    if (executor.plugins.length > 0) throw new Error('Prepared queries do not support plugins on the connection');
    const dialect = executor.adapter.constructor;
    let byShape = cache.get(dialect);
    if (!byShape) cache.set(dialect, (byShape = new Map()));
    const key = JSON.stringify(shape);
    let found = byShape.get(key);
    if (!found) {
      const placeholders = new Proxy({} as Values, {
        get: (_, name) => (typeof name === 'string' ? new Placeholder(name) : undefined),
      });
      const compiled = build(db, shape, placeholders).compile();
      const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? p.name : null));
      found = { compiled, slots };
      byShape.set(key, found);
    }
    return found;
  }

  return async (db, shape, values) => {
    const { compiled, slots } = template(db, shape);
    const parameters = slots.map((name, i) => {
      if (name === null) return compiled.parameters[i];
      const value = values[name];
      if (value === undefined) throw new Error(`Prepared query: no value for "${name}"`);
      return value;
    });
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
