import type { CatalogKind, Role } from '../../common/enums';
import type { JoinEntry, JoinPreview } from '../../common/contract/team-sync';
import { CATALOG_DEFAULT_NAMES } from '../../common/contract/catalog-names';
import { LANGUAGES } from '../../common/languages';
import { nameKey } from '../../common/fold';

/**
 * Joining a team with data on the laptop (issue 18, Must have 2): which of the laptop's
 * caseworkers, lists and sheets are the team's already (matched by key and by name, and then the
 * team's win), which a key person brings to the team, which go, and which keep a caseworker from
 * joining because her clients use them and the team lacks them. Pure: the laptop's and the team's
 * definitions in, the mapping and what the caseworker is shown out.
 */

export interface CaseworkerDef {
  id: string;
  name: string;
  deleted: boolean;
}
export interface CatalogDef {
  id: string;
  kind: CatalogKind;
  defaultKey: string | null;
  name: string | null;
  deleted: boolean;
}
export interface SheetDef {
  id: string;
  name: string;
  deleted: boolean;
}
export interface VersionDef {
  id: string;
  sheetId: string;
  number: number;
  published: boolean;
  indicators: readonly { id: string; key: string; scaleMin: number; scaleMax: number }[];
}
export interface Definitions {
  caseworkers: readonly CaseworkerDef[];
  catalog: readonly CatalogDef[];
  sheets: readonly SheetDef[];
  versions: readonly VersionDef[];
  /** Target groups with a sheet of their own (sheet_target_group), by target group. */
  sheetOfTargetGroup: ReadonlyMap<string, string>;
  coverageTargets: number;
}

/** What the laptop's clients use, and whose they are. */
export interface LocalUse {
  /** Rows referring to each catalog item (clients, stage changes, closures). */
  catalog: ReadonlyMap<string, number>;
  /** Scorings made with each sheet version. */
  versions: ReadonlyMap<string, number>;
  /** Clients per local caseworker (null: nobody's). */
  clientsOf: ReadonlyMap<string | null, number>;
  clients: number;
  households: number;
}

export interface JoinMapping {
  /** Local id → the team's id, for every local definition that stays referred to. */
  caseworkers: Map<string, string>;
  catalog: Map<string, string>;
  sheets: Map<string, string>;
  versions: Map<string, string>;
  indicators: Map<string, string>;
  /** Local definitions a key person brings to the team: kept and uploaded (ids unchanged). */
  added: {
    caseworkers: Set<string>;
    catalog: Set<string>;
    sheets: Set<string>;
    versions: Set<string>;
    sheetTargetGroups: Set<string>;
    coverageTargets: boolean;
  };
  /** Added versions of a sheet the team has: numbered after the team's. */
  renumber: Map<string, number>;
  /** Every client and household becomes hers: only her own rows can be uploaded. */
  me: string;
}

export interface JoinPlan {
  mapping: JoinMapping;
  preview: Omit<JoinPreview, 'teamName' | 'role'>;
}

/** Case, accents, ø/æ and spacing do not tell names apart. */
function same(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Every name a catalog item goes by: its own, or its shipped name in each language. */
function namesOf(item: CatalogDef): string[] {
  if (item.name) return [item.name];
  if (!item.defaultKey || item.kind === 'target_group') return [];
  const kind = item.kind;
  return LANGUAGES.flatMap((lang) => {
    const names: Record<string, string> = CATALOG_DEFAULT_NAMES[lang][kind];
    const name = names[item.defaultKey ?? ''];
    return name ? [name] : [];
  });
}

function catalogMatch(local: CatalogDef, team: readonly CatalogDef[]): CatalogDef | undefined {
  const live = team.filter((t) => t.kind === local.kind && !t.deleted);
  const byKey = local.defaultKey ? live.find((t) => t.defaultKey === local.defaultKey) : undefined;
  if (byKey) return byKey;
  const names = namesOf(local);
  return live.find((t) => namesOf(t).some((n) => names.some((m) => same(n, m))));
}

/** The same indicators (by key, in order) on the same scales: scores mean the same on both. */
function sameIndicators(a: VersionDef, b: VersionDef): boolean {
  return (
    a.indicators.length === b.indicators.length &&
    a.indicators.every((i, n) => {
      const other = b.indicators[n];
      return (
        other !== undefined && other.key === i.key && other.scaleMin === i.scaleMin && other.scaleMax === i.scaleMax
      );
    })
  );
}

const entry = (kind: JoinEntry['kind'], fields: Partial<JoinEntry> = {}): JoinEntry => ({
  kind,
  name: null,
  defaultKey: null,
  number: null,
  teamName: null,
  teamDefaultKey: null,
  count: 0,
  ...fields,
});

export function planJoin(input: {
  local: Definitions;
  team: Definitions;
  use: LocalUse;
  role: Role;
  /** The laptop's caseworker now (settings) and whom she signed in as. */
  currentLocal: string | null;
  me: string;
}): JoinPlan {
  const { local, team, use, role, me } = input;
  const keyPerson = role === 'key_person';
  const mapping: JoinMapping = {
    caseworkers: new Map(),
    catalog: new Map(),
    sheets: new Map(),
    versions: new Map(),
    indicators: new Map(),
    added: {
      caseworkers: new Set(),
      catalog: new Set(),
      sheets: new Set(),
      versions: new Set(),
      sheetTargetGroups: new Set(),
      coverageTargets: false,
    },
    renumber: new Map(),
    me,
  };
  const preview: JoinPlan['preview'] = {
    clients: use.clients,
    households: use.households,
    matched: [],
    added: [],
    dropped: [],
    missing: [],
    reassigned: [],
  };

  for (const caseworker of local.caseworkers) {
    const teamOne =
      caseworker.id === input.currentLocal
        ? team.caseworkers.find((t) => t.id === me)
        : team.caseworkers.find((t) => !t.deleted && same(t.name, caseworker.name));
    const clients = use.clientsOf.get(caseworker.id) ?? 0;
    if (teamOne) {
      mapping.caseworkers.set(caseworker.id, teamOne.id);
      if (caseworker.id !== input.currentLocal)
        preview.matched.push(entry('caseworker', { name: caseworker.name, teamName: teamOne.name }));
    } else if (keyPerson && !caseworker.deleted) {
      mapping.added.caseworkers.add(caseworker.id);
      mapping.caseworkers.set(caseworker.id, caseworker.id);
      preview.added.push(entry('caseworker', { name: caseworker.name }));
    } else {
      // What she wrote or scored as this colleague is hers on the team.
      mapping.caseworkers.set(caseworker.id, me);
    }
    if (clients > 0 && caseworker.id !== input.currentLocal)
      preview.reassigned.push(entry('caseworker', { name: caseworker.name, count: clients }));
  }
  const nobodys = use.clientsOf.get(null) ?? 0;
  if (nobodys > 0) preview.reassigned.push(entry('caseworker', { count: nobodys }));

  for (const item of local.catalog) {
    const teamOne = catalogMatch(item, team.catalog);
    const uses = use.catalog.get(item.id) ?? 0;
    const shown = { name: item.name, defaultKey: item.defaultKey };
    if (teamOne) {
      mapping.catalog.set(item.id, teamOne.id);
      preview.matched.push(
        // A shipped item the team kept is named in the window's language by its key.
        entry(item.kind, { ...shown, teamName: teamOne.name, teamDefaultKey: teamOne.defaultKey, count: uses }),
      );
    } else if (keyPerson && (!item.deleted || uses > 0)) {
      mapping.added.catalog.add(item.id);
      mapping.catalog.set(item.id, item.id);
      preview.added.push(entry(item.kind, shown));
    } else if (uses > 0) {
      preview.missing.push(entry(item.kind, { ...shown, count: uses }));
    } else if (!item.deleted) {
      preview.dropped.push(entry(item.kind, shown));
    }
  }

  const teamVersions = (sheetId: string) => team.versions.filter((v) => v.sheetId === sheetId);
  for (const sheet of local.sheets) {
    const teamSheet = team.sheets.find((t) => !t.deleted && same(t.name, sheet.name));
    const versions = local.versions.filter((v) => v.sheetId === sheet.id);
    const scorings = versions.reduce((n, v) => n + (use.versions.get(v.id) ?? 0), 0);
    if (!teamSheet) {
      if (keyPerson && (!sheet.deleted || scorings > 0)) {
        mapping.added.sheets.add(sheet.id);
        mapping.sheets.set(sheet.id, sheet.id);
        for (const v of versions) {
          mapping.added.versions.add(v.id);
          mapping.versions.set(v.id, v.id);
          for (const i of v.indicators) mapping.indicators.set(i.id, i.id);
        }
        preview.added.push(entry('sheet', { name: sheet.name }));
      } else if (scorings > 0) {
        preview.missing.push(entry('sheet', { name: sheet.name, count: scorings }));
      } else if (!sheet.deleted) {
        preview.dropped.push(entry('sheet', { name: sheet.name }));
      }
      continue;
    }
    mapping.sheets.set(sheet.id, teamSheet.id);
    preview.matched.push(entry('sheet', { name: sheet.name, teamName: teamSheet.name, count: scorings }));
    const theirs = teamVersions(teamSheet.id);
    let nextNumber = Math.max(0, ...theirs.map((v) => v.number)) + 1;
    for (const version of versions) {
      const uses = use.versions.get(version.id) ?? 0;
      const twin =
        theirs.find((t) => t.number === version.number && sameIndicators(t, version)) ??
        theirs.find((t) => sameIndicators(t, version));
      if (twin) {
        mapping.versions.set(version.id, twin.id);
        // Same keys in the same order (sameIndicators): position n is the same indicator on both.
        twin.indicators.forEach((teamOne, n) => {
          const here = version.indicators[n];
          if (here) mapping.indicators.set(here.id, teamOne.id);
        });
        continue;
      }
      const shown = { name: sheet.name, number: version.number, count: uses };
      if (keyPerson && (version.published || uses > 0)) {
        mapping.added.versions.add(version.id);
        mapping.versions.set(version.id, version.id);
        for (const i of version.indicators) mapping.indicators.set(i.id, i.id);
        mapping.renumber.set(version.id, nextNumber);
        preview.added.push(entry('sheet_version', { ...shown, number: nextNumber }));
        nextNumber += 1;
      } else if (uses > 0) {
        preview.missing.push(entry('sheet_version', shown));
      }
    }
  }

  // The team's sheet per target group wins; a key person brings hers where the team has none.
  if (keyPerson)
    for (const [targetGroup, sheet] of local.sheetOfTargetGroup) {
      const teamGroup = mapping.catalog.get(targetGroup);
      const teamSheet = mapping.sheets.get(sheet);
      if (teamGroup && teamSheet && !team.sheetOfTargetGroup.has(teamGroup))
        mapping.added.sheetTargetGroups.add(targetGroup);
    }
  mapping.added.coverageTargets = keyPerson && team.coverageTargets === 0 && local.coverageTargets > 0;
  return { mapping, preview };
}
