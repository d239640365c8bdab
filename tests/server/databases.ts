import { asAdmin, type TestPostgres } from './postgres';

/** The owner that runs `migrate` in the tests: like IT's, a plain role that may create roles, not a superuser. */
export const OWNER_ROLE = 'koers_owner';

/**
 * A fresh database `name` owned by koers_owner (created on first use) on `postgres`;
 * returns the owner's URL to it. Each test file uses its own cluster, so names only
 * need to differ within a file.
 */
export async function freshDatabase(postgres: TestPostgres, name: string): Promise<string> {
  await asAdmin(postgres, [
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN CREATE ROLE ${OWNER_ROLE} LOGIN CREATEROLE; END IF; END $$`,
    `CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`,
  ]);
  return postgres.url(OWNER_ROLE, name);
}
