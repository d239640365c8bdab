import { createHash } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SyncedTableName } from '../../common/sync/tables';
import type { ServerDatabase } from './schema';

/**
 * Who may see and change what, enforced by PostgreSQL itself (issue 17, point 3).
 *
 * The server connects as `koers_app`: LOGIN, not a superuser, no BYPASSRLS, owns nothing.
 * Every table has row-level security enabled and forced. The identity is one setting per
 * transaction (`koers.subject`, see identity.ts); the functions `koers_me_*()` read the
 * account of that subject with the owner's rights, so the policies rest on the account
 * table and not on anything the server says about the caller. No subject: no rows.
 *
 * This is declared, not migrated: `migrateServer` re-applies all of it after the
 * migrations, in one transaction, so the policies always match this file.
 */

export const APP_ROLE = 'koers_app';

/** Serialises concurrent `migrate` runs over the security part (any constant key of ours). */
const SECURITY_LOCK_KEY = 171_717;

export class AppRoleUnsafeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The application role ${APP_ROLE} cannot be used safely: ${problems.join('; ')}.`);
    this.name = 'AppRoleUnsafeError';
  }
}

const ME_TEAM = sql`(SELECT koers_me_team())`;
const ME_CASEWORKER = sql`(SELECT koers_me_caseworker())`;
const ME_SUBJECT = sql`(SELECT koers_me_subject())`;
const KEY_PERSON = sql`((SELECT koers_me_role()) = 'key_person')`;

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
const ALL: readonly Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** A table's policies for koers_app; a missing command is refused (no policy, no grant). */
interface Rules {
  grants: readonly Privilege[];
  read: RawBuilder<unknown>;
  insert?: RawBuilder<unknown>;
  update?: { using: RawBuilder<unknown>; check: RawBuilder<unknown> };
  delete?: RawBuilder<unknown>;
}

const column = (table: string, name: string) => sql.ref(`${table}.${name}`);

/** The team's lists, people and sheets: everyone in the team reads, key persons write. */
function teamRules(table: string, read: RawBuilder<unknown> = sql`true`): Rules {
  const write = sql`${column(table, 'team_id')} = ${ME_TEAM} AND ${KEY_PERSON}`;
  return {
    grants: ALL,
    read: sql`${column(table, 'team_id')} = ${ME_TEAM} AND (${read})`,
    insert: write,
    update: { using: write, check: write },
    delete: write,
  };
}

/** A client's own rows: seen by whoever sees the client (policy on client), written by its caseworker. */
function clientRules(table: string): Rules {
  const inTeam = sql`${column(table, 'team_id')} = ${ME_TEAM}`;
  const write = sql`${inTeam} AND EXISTS (SELECT 1 FROM client c WHERE c.id = ${column(table, 'client_id')} AND c.caseworker_id = ${ME_CASEWORKER})`;
  return {
    grants: ALL,
    read: sql`${inTeam} AND EXISTS (SELECT 1 FROM client c WHERE c.id = ${column(table, 'client_id')})`,
    insert: write,
    update: { using: write, check: write },
    delete: write,
  };
}

/** A client's handover records: as its other rows, but a key person adds them for any client of the team. */
function handoverRules(): Rules {
  const rules = clientRules('handover');
  return {
    ...rules,
    insert: sql`(${rules.insert}) OR (handover.team_id = ${ME_TEAM} AND ${KEY_PERSON}
      AND EXISTS (SELECT 1 FROM client c WHERE c.id = handover.client_id))`,
  };
}

/** The caller is the caseworker of the note's client or household. */
function ownNote(alias: string): RawBuilder<unknown> {
  return sql`(EXISTS (SELECT 1 FROM client c WHERE c.id = ${column(alias, 'client_id')} AND c.caseworker_id = ${ME_CASEWORKER})
    OR EXISTS (SELECT 1 FROM household h WHERE h.id = ${column(alias, 'household_id')} AND h.caseworker_id = ${ME_CASEWORKER}))`;
}

/** Mine, or (key person) assigned to nobody or to a caseworker of the team. */
function assignable(table: 'client' | 'household'): RawBuilder<unknown> {
  const cw = column(table, 'caseworker_id');
  return sql`${column(table, 'team_id')} = ${ME_TEAM} AND (${cw} = ${ME_CASEWORKER}
    OR (${KEY_PERSON} AND (${cw} IS NULL OR koers_caseworker_in_team(${cw}, ${column(table, 'team_id')}))))`;
}

const clientRead = sql`client.team_id = ${ME_TEAM} AND (client.caseworker_id = ${ME_CASEWORKER} OR ${KEY_PERSON})`;
const householdRead = sql`household.team_id = ${ME_TEAM} AND (household.caseworker_id = ${ME_CASEWORKER} OR ${KEY_PERSON})`;
const noteWrite = sql`note.team_id = ${ME_TEAM} AND ${ownNote('note')}`;
const noteVersionWrite = sql`note_version.team_id = ${ME_TEAM} AND EXISTS (SELECT 1 FROM note n WHERE n.id = note_version.note_id AND ${ownNote('n')})`;
const scoreWrite = sql`score.team_id = ${ME_TEAM} AND EXISTS (SELECT 1 FROM scoring s JOIN client c ON c.id = s.client_id
  WHERE s.id = score.scoring_id AND c.caseworker_id = ${ME_CASEWORKER})`;

const SYNCED_RULES: Record<SyncedTableName, Rules> = {
  caseworker: teamRules('caseworker'),
  catalog_item: teamRules('catalog_item'),
  coverage_target: teamRules('coverage_target'),
  sheet: teamRules('sheet'),
  sheet_target_group: teamRules('sheet_target_group'),
  // Caseworkers see published versions only (and, through these, their indicators and levels).
  sheet_version: teamRules('sheet_version', sql`sheet_version.published_at IS NOT NULL OR ${KEY_PERSON}`),
  indicator: teamRules('indicator', sql`EXISTS (SELECT 1 FROM sheet_version v WHERE v.id = indicator.version_id)`),
  indicator_level: teamRules(
    'indicator_level',
    sql`EXISTS (SELECT 1 FROM indicator i WHERE i.id = indicator_level.indicator_id)`,
  ),
  sheet_translation: teamRules(
    'sheet_translation',
    sql`EXISTS (SELECT 1 FROM sheet_version v WHERE v.id = sheet_translation.version_id)`,
  ),
  household: {
    grants: ALL,
    read: householdRead,
    insert: sql`household.team_id = ${ME_TEAM} AND (household.caseworker_id = ${ME_CASEWORKER} OR ${KEY_PERSON})`,
    // A key person reassigns within the team (the trigger limits the columns).
    update: { using: householdRead, check: assignable('household') },
    delete: sql`household.team_id = ${ME_TEAM} AND household.caseworker_id = ${ME_CASEWORKER}`,
  },
  client: {
    grants: ALL,
    read: clientRead,
    insert: sql`client.team_id = ${ME_TEAM} AND (client.caseworker_id = ${ME_CASEWORKER} OR ${KEY_PERSON})`,
    // A key person reassigns within the team (the trigger limits the columns). A caseworker's
    // handover goes through koers_hand_over(): the client is no longer hers to see afterwards,
    // which PostgreSQL would refuse in a plain UPDATE.
    update: { using: clientRead, check: assignable('client') },
    delete: sql`client.team_id = ${ME_TEAM} AND client.caseworker_id = ${ME_CASEWORKER}`,
  },
  action: clientRules('action'),
  goal: clientRules('goal'),
  consent: clientRules('consent'),
  paper_sheet: clientRules('paper_sheet'),
  stage_change: clientRules('stage_change'),
  // A key person hands over any of the team's clients (the assignment): its record is hers to add.
  handover: handoverRules(),
  closure: clientRules('closure'),
  scoring: clientRules('scoring'),
  score: {
    grants: ALL,
    read: sql`score.team_id = ${ME_TEAM} AND EXISTS (SELECT 1 FROM scoring s WHERE s.id = score.scoring_id)`,
    insert: scoreWrite,
    update: { using: scoreWrite, check: scoreWrite },
    delete: scoreWrite,
  },
  // Key persons read colleagues' notes only when the team allows it.
  note: {
    grants: ALL,
    read: sql`note.team_id = ${ME_TEAM} AND (${ownNote('note')}
      OR (${KEY_PERSON} AND EXISTS (SELECT 1 FROM team t WHERE t.id = note.team_id AND t.notes_visible_to_key_persons)))`,
    insert: noteWrite,
    update: { using: noteWrite, check: noteWrite },
    delete: noteWrite,
  },
  note_version: {
    grants: ALL,
    read: sql`note_version.team_id = ${ME_TEAM} AND EXISTS (SELECT 1 FROM note n WHERE n.id = note_version.note_id)`,
    insert: noteVersionWrite,
    update: { using: noteVersionWrite, check: noteVersionWrite },
    delete: noteVersionWrite,
  },
};

const accountManage = sql`account.team_id = ${ME_TEAM} AND ${KEY_PERSON}`;

const SERVER_RULES: Record<
  'team' | 'account' | 'device' | 'conflict' | 'rejection' | 'client_revocation' | 'erased_row' | 'audit_event',
  Rules
> = {
  // Row counters move only through koers_next_row_version().
  team: { grants: ['SELECT'], read: sql`team.id = ${ME_TEAM}` },
  account: {
    grants: ALL,
    read: sql`account.subject = ${ME_SUBJECT} OR (${accountManage})`,
    insert: accountManage,
    update: { using: accountManage, check: accountManage },
    delete: accountManage,
  },
  device: {
    grants: ['SELECT', 'INSERT', 'UPDATE'],
    read: sql`device.subject = ${ME_SUBJECT}`,
    insert: sql`device.subject = ${ME_SUBJECT}`,
    update: { using: sql`device.subject = ${ME_SUBJECT}`, check: sql`device.subject = ${ME_SUBJECT}` },
  },
  conflict: {
    grants: ['SELECT', 'INSERT'],
    read: sql`conflict.team_id = ${ME_TEAM} AND conflict.addressed_to = ${ME_CASEWORKER}`,
    insert: sql`conflict.team_id = ${ME_TEAM} AND conflict.addressed_to = ${ME_CASEWORKER}`,
  },
  rejection: {
    grants: ['SELECT', 'INSERT'],
    read: sql`rejection.subject = ${ME_SUBJECT}`,
    insert: sql`rejection.subject = ${ME_SUBJECT} AND rejection.team_id = ${ME_TEAM}`,
  },
  // Written by the trigger koers_client_moved only.
  client_revocation: { grants: ['SELECT'], read: sql`client_revocation.team_id = ${ME_TEAM}` },
  // Keys of erased rows, added by the push that erases them; read by the team's laptops.
  erased_row: {
    grants: ['SELECT', 'INSERT'],
    read: sql`erased_row.team_id = ${ME_TEAM}`,
    insert: sql`erased_row.team_id = ${ME_TEAM}`,
  },
  // Append-only for the server: it adds its own events; key persons read (and export) the team's.
  audit_event: {
    grants: ['SELECT', 'INSERT'],
    read: sql`audit_event.team_id = ${ME_TEAM} AND ${KEY_PERSON}`,
    insert: sql`audit_event.subject = ${ME_SUBJECT} AND audit_event.team_id = ${ME_TEAM}`,
  },
};

/** The caller's account, one function per column the policies ask about. */
const ME = [
  ['koers_me_subject', 'subject', 'text'],
  ['koers_me_caseworker', 'caseworker_id', 'text'],
  ['koers_me_team', 'team_id', 'uuid'],
  ['koers_me_role', 'role', 'text'],
] as const;

/** Functions the policies (and the push) call; SECURITY DEFINER ones run as the owner with a pinned search_path. */
const FUNCTIONS: readonly RawBuilder<unknown>[] = [
  // PL/pgSQL, not SQL: a SECURITY DEFINER SQL function is never inlined and is planned again in every
  // query that calls it, once per policy (~150 µs each, a pull calls dozens); PL/pgSQL keeps its plan
  // for the session (~20 µs).
  ...ME.map(
    ([name, column, type]) => sql`CREATE OR REPLACE FUNCTION ${sql.id(name)}() RETURNS ${sql.raw(type)}
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      RETURN (SELECT ${sql.id(column)} FROM account
        WHERE subject = nullif(current_setting('koers.subject', true), '') AND disabled_at IS NULL);
    END $$`,
  ),
  // The start of every transaction of a request (identity.ts asUser): sets the identity and answers
  // who that is, in one round trip. SECURITY INVOKER and no SET clause, so its settings outlive the call
  // and the team row is read under the policies.
  sql`CREATE OR REPLACE FUNCTION koers_begin_as(wanted_subject text, generic_plans boolean,
      OUT signed_in text, OUT caseworker text, OUT team uuid, OUT account_role text, OUT team_version bigint)
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      PERFORM set_config('koers.subject', wanted_subject, true), set_config('jit', 'off', true);
      IF generic_plans THEN
        PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
      END IF;
      signed_in := koers_me_subject();
      caseworker := koers_me_caseworker();
      team := koers_me_team();
      account_role := koers_me_role();
      team_version := (SELECT t.row_counter FROM team t WHERE t.id = team);
    END $$`,
  // The target of a handover may be in another team, whose caseworkers the caller cannot see.
  sql`CREATE OR REPLACE FUNCTION koers_caseworker_in_team(wanted_caseworker text, wanted_team uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      RETURN EXISTS (SELECT 1 FROM caseworker WHERE id = wanted_caseworker AND team_id = wanted_team
        AND deleted_at IS NULL AND deactivated_at IS NULL);
    END $$`,
  // The team of a handover's new caseworker, who may be in another team (ids only, never names).
  sql`CREATE OR REPLACE FUNCTION koers_caseworker_team(wanted_caseworker text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      SELECT team_id FROM caseworker WHERE id = wanted_caseworker AND deleted_at IS NULL AND deactivated_at IS NULL
        AND koers_me_team() IS NOT NULL $$`,
  // Whether a sign-in already belongs to a team (a key person must not take over another team's member).
  sql`CREATE OR REPLACE FUNCTION koers_account_team(wanted_subject text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      SELECT team_id FROM account WHERE subject = wanted_subject AND koers_me_role() = 'key_person' $$`,
  sql`CREATE OR REPLACE FUNCTION koers_bump_team(bumped_team uuid) RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      UPDATE team SET row_counter = row_counter + 1 WHERE id = bumped_team RETURNING row_counter $$`,
  // The push takes its row version here: the caller's team counter, locked until commit.
  sql`CREATE OR REPLACE FUNCTION koers_next_row_version() RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE version bigint;
    BEGIN
      version := koers_bump_team(koers_me_team());
      IF version IS NULL THEN
        RAISE EXCEPTION 'koers: no signed-in account in this transaction' USING ERRCODE = '42501';
      END IF;
      RETURN version;
    END $$`,
  // A handover: the caller's client (a key person: any of the team's) goes to a caseworker of
  // the given team, possibly another one; the triggers move its rows and write the revocation.
  sql`CREATE OR REPLACE FUNCTION koers_hand_over(handed_client text, to_caseworker text, to_team uuid, version bigint)
    RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE current client;
    BEGIN
      SELECT * INTO current FROM client WHERE id = handed_client FOR UPDATE;
      IF NOT FOUND OR current.team_id IS DISTINCT FROM koers_me_team()
         OR NOT (current.caseworker_id IS NOT DISTINCT FROM koers_me_caseworker() OR koers_me_role() = 'key_person') THEN
        RAISE EXCEPTION 'koers: not a client the caller may hand over' USING ERRCODE = '42501';
      END IF;
      IF NOT koers_caseworker_in_team(to_caseworker, to_team) THEN
        RAISE EXCEPTION 'koers: the new caseworker is not in that team' USING ERRCODE = '42501';
      END IF;
      UPDATE client SET caseworker_id = to_caseworker, team_id = to_team, row_version = version WHERE id = handed_client;
    END $$`,
  // An erasure of a client (a key person's, or its caseworker's), team-wide: every row about it,
  // every conflict holding a copy of one, and its household when it was the last member. Only the
  // keys stay (erased_row), so every laptop holding the client erases it too.
  sql`CREATE OR REPLACE FUNCTION koers_erase_client(erased_client text, version bigint) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE current client;
    BEGIN
      SELECT * INTO current FROM client WHERE id = erased_client FOR UPDATE;
      -- Another team's client is not there for the caller, as with any row she cannot see.
      IF NOT FOUND OR current.team_id IS DISTINCT FROM koers_me_team() THEN RETURN false; END IF;
      IF NOT (current.caseworker_id IS NOT DISTINCT FROM koers_me_caseworker() OR koers_me_role() = 'key_person') THEN
        RAISE EXCEPTION 'koers: not a client the caller may erase' USING ERRCODE = '42501';
      END IF;
      DELETE FROM conflict WHERE team_id = current.team_id
        AND ((table_name = 'client' AND row_key->>'id' = erased_client) OR pushed->>'client_id' = erased_client);
      -- A to-do of another client that followed from one of these notes keeps its text, not the link.
      UPDATE action SET note_id = NULL, row_version = version
        WHERE client_id <> erased_client AND note_id IN (SELECT id FROM note WHERE client_id = erased_client);
      DELETE FROM action WHERE client_id = erased_client;
      DELETE FROM note_version WHERE note_id IN (SELECT id FROM note WHERE client_id = erased_client);
      DELETE FROM note WHERE client_id = erased_client;
      DELETE FROM score WHERE scoring_id IN (SELECT id FROM scoring WHERE client_id = erased_client);
      DELETE FROM scoring WHERE client_id = erased_client;
      DELETE FROM goal WHERE client_id = erased_client;
      DELETE FROM consent WHERE client_id = erased_client;
      DELETE FROM paper_sheet WHERE client_id = erased_client;
      DELETE FROM stage_change WHERE client_id = erased_client;
      DELETE FROM handover WHERE client_id = erased_client;
      DELETE FROM closure WHERE client_id = erased_client;
      DELETE FROM client WHERE id = erased_client;
      INSERT INTO erased_row (team_id, table_name, row_key, row_version)
        VALUES (current.team_id, 'client', jsonb_build_object('id', erased_client), version);
      IF current.household_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM client WHERE household_id = current.household_id) THEN
        DELETE FROM conflict WHERE team_id = current.team_id
          AND table_name = 'household' AND row_key->>'id' = current.household_id;
        UPDATE action SET note_id = NULL, row_version = version
          WHERE note_id IN (SELECT id FROM note WHERE household_id = current.household_id);
        DELETE FROM note_version WHERE note_id IN (SELECT id FROM note WHERE household_id = current.household_id);
        DELETE FROM note WHERE household_id = current.household_id;
        DELETE FROM household WHERE id = current.household_id;
        INSERT INTO erased_row (team_id, table_name, row_key, row_version)
          VALUES (current.team_id, 'household', jsonb_build_object('id', current.household_id), version);
      END IF;
      RETURN true;
    END $$`,
  // Everything the team holds about one client, for the access export a key person makes on a
  // client's request (GDPR art. 15): colleagues' notes too, whatever the team's setting for
  // reading them. Null: no such client in the caller's team.
  sql`CREATE OR REPLACE FUNCTION koers_client_export(exported_client text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE current client;
    BEGIN
      IF koers_me_role() IS DISTINCT FROM 'key_person' THEN
        RAISE EXCEPTION 'koers: only a key person exports a client''s data' USING ERRCODE = '42501';
      END IF;
      SELECT * INTO current FROM client WHERE id = exported_client;
      IF NOT FOUND OR current.team_id IS DISTINCT FROM koers_me_team() THEN RETURN NULL; END IF;
      RETURN jsonb_build_object(
        'client', jsonb_build_array(to_jsonb(current) - 'team_id' - 'row_version'),
        'household', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM household r WHERE r.id = current.household_id AND r.team_id = current.team_id), '[]'::jsonb),
        'action', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM action r WHERE r.client_id = exported_client), '[]'::jsonb),
        'goal', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM goal r WHERE r.client_id = exported_client), '[]'::jsonb),
        'consent', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM consent r WHERE r.client_id = exported_client), '[]'::jsonb),
        'paper_sheet', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM paper_sheet r WHERE r.client_id = exported_client), '[]'::jsonb),
        'stage_change', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM stage_change r WHERE r.client_id = exported_client), '[]'::jsonb),
        'handover', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM handover r WHERE r.client_id = exported_client), '[]'::jsonb),
        'closure', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM closure r WHERE r.client_id = exported_client), '[]'::jsonb),
        'scoring', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM scoring r WHERE r.client_id = exported_client), '[]'::jsonb),
        'score', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM score r WHERE r.scoring_id IN (SELECT s.id FROM scoring s WHERE s.client_id = exported_client)), '[]'::jsonb),
        'note', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM note r WHERE r.team_id = current.team_id AND (r.client_id = exported_client OR (current.household_id IS NOT NULL AND r.household_id = current.household_id))), '[]'::jsonb),
        'note_version', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'team_id' - 'row_version') FROM note_version r WHERE r.team_id = current.team_id AND r.note_id IN (SELECT n.id FROM note n WHERE n.team_id = current.team_id AND (n.client_id = exported_client
          OR (current.household_id IS NOT NULL AND n.household_id = current.household_id)))), '[]'::jsonb));
    END $$`,
  // Pseudonyms are unique in a team: each laptop numbers its new clients itself, so two of them
  // may both bring a K-0001; the later one gets the team's next number (and its laptop takes it
  // with the next pull). One assignment at a time per team.
  sql`CREATE OR REPLACE FUNCTION koers_client_pseudonym() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE highest bigint;
    BEGIN
      IF NEW.pseudonym IS NULL THEN RETURN NEW; END IF;
      PERFORM pg_advisory_xact_lock(hashtextextended('koers_pseudonym:' || NEW.team_id::text, 0));
      IF EXISTS (SELECT 1 FROM client c WHERE c.team_id = NEW.team_id AND c.pseudonym = NEW.pseudonym AND c.id <> NEW.id) THEN
        SELECT coalesce(max(substr(c.pseudonym, 3)::bigint), 0) INTO highest FROM client c
          WHERE c.team_id = NEW.team_id AND c.pseudonym ~ '^K-[0-9]{1,18}$';
        NEW.pseudonym := 'K-' || CASE WHEN highest + 1 < 10000 THEN lpad((highest + 1)::text, 4, '0') ELSE (highest + 1)::text END;
      END IF;
      RETURN NEW;
    END $$`,
  // The server checks at start that the database is up to date, without reading Kysely's bookkeeping.
  sql`CREATE OR REPLACE FUNCTION koers_applied_migrations() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      SELECT name FROM kysely_migration ORDER BY name $$`,
  // A key person sees colleagues' and households but changes only who has them.
  sql`CREATE OR REPLACE FUNCTION koers_assignment_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
    DECLARE assignment CONSTANT text[] := '{caseworker_id,team_id,updated_at,updated_by,row_version}';
    BEGIN
      IF koers_me_role() = 'key_person' AND OLD.caseworker_id IS DISTINCT FROM koers_me_caseworker()
         AND to_jsonb(NEW) - assignment IS DISTINCT FROM to_jsonb(OLD) - assignment THEN
        RAISE EXCEPTION 'koers: a key person changes only the assignment of a colleague''s %', TG_TABLE_NAME
          USING ERRCODE = '42501';
      END IF;
      RETURN NEW;
    END $$`,
  // A client handed to another team takes a row version of that team, so its pulls see it.
  sql`CREATE OR REPLACE FUNCTION koers_client_new_team() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      NEW.row_version := koers_bump_team(NEW.team_id);
      RETURN NEW;
    END $$`,
  // Moves the client's rows with it, to its new caseworker (a new row version, so her next pull
  // brings them) and team, and tells the old team (or caseworker) it is gone. A household goes
  // along with its last member who had it: one family, one caseworker.
  sql`CREATE OR REPLACE FUNCTION koers_client_moved() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      UPDATE action SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE goal SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE consent SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE paper_sheet SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE stage_change SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE handover SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE closure SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE scoring SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE score SET team_id = NEW.team_id, row_version = NEW.row_version
        WHERE scoring_id IN (SELECT id FROM scoring WHERE client_id = NEW.id);
      UPDATE note SET team_id = NEW.team_id, row_version = NEW.row_version WHERE client_id = NEW.id;
      UPDATE note_version SET team_id = NEW.team_id, row_version = NEW.row_version
        WHERE note_id IN (SELECT id FROM note WHERE client_id = NEW.id);
      IF NEW.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM client c WHERE c.household_id = NEW.household_id
           AND c.id <> NEW.id AND c.deleted_at IS NULL AND c.caseworker_id IS NOT DISTINCT FROM OLD.caseworker_id) THEN
        UPDATE household SET caseworker_id = NEW.caseworker_id, team_id = NEW.team_id, row_version = NEW.row_version
          WHERE id = NEW.household_id AND caseworker_id IS NOT DISTINCT FROM OLD.caseworker_id;
        IF FOUND THEN
          UPDATE note SET team_id = NEW.team_id, row_version = NEW.row_version WHERE household_id = NEW.household_id;
          UPDATE note_version SET team_id = NEW.team_id, row_version = NEW.row_version
            WHERE note_id IN (SELECT id FROM note WHERE household_id = NEW.household_id);
        END IF;
      END IF;
      INSERT INTO client_revocation (team_id, client_id, from_caseworker_id, to_caseworker_id, to_team_id, row_version)
      VALUES (OLD.team_id, NEW.id, OLD.caseworker_id, NEW.caseworker_id, NEW.team_id, koers_bump_team(OLD.team_id));
      RETURN NULL;
    END $$`,
];

/** What koers_app may call; the rest (counter bumps, trigger functions) only runs inside. */
const APP_FUNCTIONS = [
  'koers_me_subject()',
  'koers_me_caseworker()',
  'koers_me_team()',
  'koers_me_role()',
  'koers_begin_as(text, boolean)',
  'koers_caseworker_in_team(text, uuid)',
  'koers_account_team(text)',
  'koers_caseworker_team(text)',
  'koers_next_row_version()',
  'koers_hand_over(text, text, uuid, bigint)',
  'koers_erase_client(text, bigint)',
  'koers_client_export(text)',
  'koers_applied_migrations()',
  'koers_security_fingerprint()',
] as const;
const INTERNAL_FUNCTIONS = [
  'koers_bump_team(uuid)',
  'koers_assignment_only()',
  'koers_client_new_team()',
  'koers_client_moved()',
  'koers_client_pseudonym()',
] as const;

const TRIGGERS: readonly (readonly [name: string, table: string, create: RawBuilder<unknown>])[] = [
  [
    'koers_assignment_only',
    'client',
    sql`CREATE TRIGGER koers_assignment_only BEFORE UPDATE ON client FOR EACH ROW EXECUTE FUNCTION koers_assignment_only()`,
  ],
  [
    'koers_assignment_only',
    'household',
    sql`CREATE TRIGGER koers_assignment_only BEFORE UPDATE ON household FOR EACH ROW EXECUTE FUNCTION koers_assignment_only()`,
  ],
  [
    'koers_client_new_team',
    'client',
    sql`CREATE TRIGGER koers_client_new_team BEFORE UPDATE OF team_id ON client FOR EACH ROW
      WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION koers_client_new_team()`,
  ],
  [
    'koers_client_moved',
    'client',
    sql`CREATE TRIGGER koers_client_moved AFTER UPDATE ON client FOR EACH ROW
      WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.caseworker_id IS DISTINCT FROM NEW.caseworker_id)
      EXECUTE FUNCTION koers_client_moved()`,
  ],
  [
    'koers_client_pseudonym_insert',
    'client',
    sql`CREATE TRIGGER koers_client_pseudonym_insert BEFORE INSERT ON client FOR EACH ROW
      EXECUTE FUNCTION koers_client_pseudonym()`,
  ],
  [
    'koers_client_pseudonym_update',
    'client',
    sql`CREATE TRIGGER koers_client_pseudonym_update BEFORE UPDATE OF pseudonym, team_id ON client FOR EACH ROW
      WHEN (OLD.pseudonym IS DISTINCT FROM NEW.pseudonym OR OLD.team_id IS DISTINCT FROM NEW.team_id)
      EXECUTE FUNCTION koers_client_pseudonym()`,
  ],
];

async function ensureAppRole(db: Kysely<ServerDatabase>): Promise<void> {
  // Attributes that only a superuser may change are touched only when they are wrong.
  await sql`DO $$
    DECLARE r pg_roles;
    BEGIN
      SELECT * INTO r FROM pg_roles WHERE rolname = 'koers_app';
      IF NOT FOUND THEN
        CREATE ROLE koers_app LOGIN NOSUPERUSER NOBYPASSRLS NOREPLICATION NOCREATEDB NOCREATEROLE;
      ELSE
        IF r.rolsuper OR r.rolbypassrls OR r.rolreplication THEN
          ALTER ROLE koers_app NOSUPERUSER NOBYPASSRLS NOREPLICATION;
        END IF;
        IF r.rolcreatedb OR r.rolcreaterole OR NOT r.rolcanlogin THEN
          ALTER ROLE koers_app LOGIN NOCREATEDB NOCREATEROLE;
        END IF;
      END IF;
      EXECUTE format('GRANT CONNECT ON DATABASE %I TO koers_app', current_database());
    END $$`.execute(db);

  const problems: string[] = [];
  const owned = await sql<{ name: string }>`
    SELECT relname AS name FROM pg_class WHERE relowner = ${APP_ROLE}::regrole
    UNION ALL SELECT proname FROM pg_proc WHERE proowner = ${APP_ROLE}::regrole
    UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner = ${APP_ROLE}::regrole`.execute(db);
  if (owned.rows.length > 0) problems.push(`it owns ${owned.rows.map((r) => r.name).join(', ')}`);
  const memberOf = await sql<{ name: string }>`
    SELECT g.rolname AS name FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
    WHERE m.member = ${APP_ROLE}::regrole`.execute(db);
  if (memberOf.rows.length > 0) problems.push(`it is a member of ${memberOf.rows.map((r) => r.name).join(', ')}`);
  if (problems.length > 0) throw new AppRoleUnsafeError(problems);
}

/** A table's grants and policies for koers_app. */
function policyStatements(table: string, rules: Rules): RawBuilder<unknown>[] {
  const t = sql.table(table);
  return [
    sql`GRANT ${sql.raw(rules.grants.join(', '))} ON ${t} TO koers_app`,
    sql`CREATE POLICY koers_read ON ${t} FOR SELECT TO koers_app USING (${rules.read})`,
    ...(rules.insert
      ? [sql`CREATE POLICY koers_insert ON ${t} FOR INSERT TO koers_app WITH CHECK (${rules.insert})`]
      : []),
    ...(rules.update
      ? [
          sql`CREATE POLICY koers_update ON ${t} FOR UPDATE TO koers_app
            USING (${rules.update.using}) WITH CHECK (${rules.update.check})`,
        ]
      : []),
    ...(rules.delete ? [sql`CREATE POLICY koers_delete ON ${t} FOR DELETE TO koers_app USING (${rules.delete})`] : []),
  ];
}

const ALL_RULES = [...Object.entries(SYNCED_RULES), ...Object.entries(SERVER_RULES)];

/**
 * A digest of everything applySecurity declares, as this server's code has it. `migrate` stores it in
 * the database (koers_security_fingerprint()) and the server compares at start: a server updated
 * without `migrate` would otherwise meet functions or policies it does not expect, request by request.
 */
export function securityFingerprint(db: Kysely<ServerDatabase>): string {
  const hash = createHash('sha256');
  const declared = [
    ...FUNCTIONS,
    ...ALL_RULES.flatMap(([table, rules]) => policyStatements(table, rules)),
    ...TRIGGERS.map(([, , create]) => create),
  ];
  for (const statement of declared) {
    const { sql: text, parameters } = statement.compile(db);
    // Layout is not a change: re-indenting this file must not ask for a migrate.
    hash.update(text.replace(/\s+/g, ' ').trim()).update(JSON.stringify(parameters));
  }
  hash.update([...APP_FUNCTIONS, ...INTERNAL_FUNCTIONS].join());
  return hash.digest('hex').slice(0, 32);
}

/**
 * Creates or updates koers_app, the functions, row-level security and policies of every
 * table, its grants and the triggers, in one transaction. Run as the owner of the tables.
 */
export async function applySecurity(db: Kysely<ServerDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SECURITY_LOCK_KEY})`.execute(trx);
    await ensureAppRole(trx);
    for (const statement of FUNCTIONS) await statement.execute(trx);
    // Atomic with the rest: the transaction commits all of it or none.
    await sql`CREATE OR REPLACE FUNCTION koers_security_fingerprint() RETURNS text LANGUAGE sql IMMUTABLE
      AS ${sql.lit(`SELECT '${securityFingerprint(trx)}'::text`)}`.execute(trx);
    for (const fn of [...APP_FUNCTIONS, ...INTERNAL_FUNCTIONS])
      await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(trx);
    for (const fn of APP_FUNCTIONS) await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO koers_app`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA public TO koers_app`.execute(trx);

    // Every table, ours or Kysely's bookkeeping: forced RLS, no old policy or grant left over.
    const tables = await sql<{
      name: string;
    }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(trx);
    for (const { name } of tables.rows) {
      const t = sql.table(name);
      await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(trx);
      await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(trx);
      await sql`REVOKE ALL ON ${t} FROM PUBLIC, koers_app`.execute(trx);
      const policies = await sql<{
        name: string;
      }>`SELECT policyname AS name FROM pg_policies WHERE schemaname = 'public' AND tablename = ${name}`.execute(trx);
      for (const policy of policies.rows) await sql`DROP POLICY ${sql.id(policy.name)} ON ${t}`.execute(trx);
      // The owner (who migrates, and whose SECURITY DEFINER functions read accounts and move
      // handed-over rows) keeps full access; forcing RLS still binds any other role that owns.
      await sql`CREATE POLICY koers_owner ON ${t} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(trx);
    }
    for (const [table, rules] of ALL_RULES)
      for (const statement of policyStatements(table, rules)) await statement.execute(trx);

    for (const [name, table, create] of TRIGGERS) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(name)} ON ${sql.table(table)}`.execute(trx);
      await create.execute(trx);
    }
  });
}
