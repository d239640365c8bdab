import { z } from 'zod';
import type { ClientFacts } from '../../db/queries/clients';
import { clientFacts, type FieldIssue } from '../../common/contract';
import { CASELOAD_FIELDS } from '../../common/contract/spreadsheets';
import { toFieldIssue } from '../rpc/dispatch';
import type { ColumnMapping } from './mapping';
import { nameKey } from '../../common/fold';
import { parseDateCell, parseTimeCell, timeOfDateCell } from './values';
import { type Cell, cellText, headerRow, type Worksheet } from './workbook';

export type CaseloadField = (typeof CASELOAD_FIELDS)[number];
export type CaseloadMapping = ColumnMapping<CaseloadField>;

/** Header names seen in Dutch, Danish and English caseload sheets. */
export const CASELOAD_SYNONYMS: Record<CaseloadField, readonly string[]> = {
  reference: [
    'Klantnummer',
    'Klantnr',
    'Cliëntnummer',
    'Clientnummer',
    'Dossiernummer',
    'Registratienummer',
    'Relatienummer',
    'Sagsnummer',
    'Borgernummer',
    'Journalnummer',
    'Sagsnr',
    'Reference',
    'Client number',
    'Case number',
    'ID',
  ],
  fullName: [
    'Naam',
    'Volledige naam',
    'Klantnaam',
    'Cliëntnaam',
    'Navn',
    'Fulde navn',
    'Borgernavn',
    'Name',
    'Full name',
    'Client name',
  ],
  firstName: ['Voornaam', 'Roepnaam', 'Fornavn', 'First name', 'Given name'],
  lastName: ['Achternaam', 'Familienaam', 'Efternavn', 'Last name', 'Surname', 'Family name'],
  dateOfBirth: ['Geboortedatum', 'Geb. datum', 'Geboren', 'Fødselsdato', 'Født', 'Date of birth', 'Birth date', 'DOB'],
  phone: [
    'Telefoon',
    'Telefoonnummer',
    'Tel',
    'Mobiel',
    'Telefon',
    'Telefonnummer',
    'Mobil',
    'Phone',
    'Mobile',
    'Telephone',
  ],
  email: ['E-mail', 'E-mailadres', 'Email', 'Mail', 'E-mail address'],
  targetGroup: ['Doelgroep', 'Målgruppe', 'Target group', 'Group'],
  stage: ['Fase', 'Stap', 'Trede', 'Stage', 'Phase'],
  caseworker: [
    'Klantmanager',
    'Consulent',
    'Casemanager',
    'Gezinsmanager',
    'Sagsbehandler',
    'Caseworker',
    'Case manager',
  ],
  startDate: [
    'Startdatum',
    'Instroomdatum',
    'Aanmelddatum',
    'Datum aanmelding',
    'Startdato',
    'Start date',
    'Intake date',
  ],
  nextAction: [
    'Volgende actie',
    'Actie',
    'Vervolgactie',
    'Volgende stap',
    'Volgende afspraak',
    'Afspraak',
    'Næste aftale',
    'Næste skridt',
    'Næste handling',
    'Aftale',
    'Opfølgning',
    'Next action',
    'Next step',
    'Next appointment',
    'Action',
    'Follow-up',
  ],
  nextActionDate: [
    'Datum actie',
    'Actiedatum',
    'Datum volgende actie',
    'Datum afspraak',
    'Afspraakdatum',
    'Deadline',
    'Dato',
    'Dato for aftale',
    'Aftaledato',
    'Dato næste aftale',
    'Opfølgningsdato',
    'Frist',
    'Action date',
    'Due date',
    'Due',
  ],
  nextActionTime: ['Tijd', 'Tijdstip', 'Tijd afspraak', 'Tidspunkt', 'Klokkeslæt', 'Kl', 'Time', 'Action time'],
  remark: [
    'Opmerking',
    'Opmerkingen',
    'Notitie',
    'Notities',
    'Bijzonderheden',
    'Toelichting',
    'Bemærkning',
    'Bemærkninger',
    'Kommentar',
    'Kommentarer',
    'Noter',
    'Remark',
    'Remarks',
    'Comment',
    'Comments',
    'Notes',
  ],
};

/** Longest to-do title and remark Koers keeps, as the forms allow. */
export const TODO_TITLE_MAX = 200;
export const REMARK_MAX = 20_000;

/** What Koers knows, to match names and references against (built in the import's transaction). */
export interface CaseloadLookup {
  /** nameKey(name) → id; live items only. */
  targetGroups: Map<string, string>;
  stages: Map<string, string>;
  caseworkers: Map<string, string>;
  /** By reference. */
  clients: Map<string, ExistingClient>;
  /** Per existing client id: its to-dos as todoKey(title, date), and its remarks, so a second import adds neither again. */
  todos: Map<string, Set<string>>;
  remarks: Map<string, Set<string>>;
}

/** The colleague the user chose for a caseworker name Koers does not know, by nameKey of the name. */
export type CaseworkerChoices = ReadonlyMap<string, string>;

/** A to-do from the next-action columns. */
export interface PlannedTodo {
  title: string;
  kind: 'task' | 'appointment';
  dueDate: string;
  dueTime: string | null;
}

/** The same to-do, whatever the spacing or case of its title; a null date: the title alone, for a next action the sheet gives no date. */
export const todoKey = (title: string, dueDate: string | null) => `${nameKey(title)}|${dueDate ?? '*'}`;
/** The same remark, whatever its spacing. */
export const remarkKey = (body: string) => body.replace(/\s+/g, ' ').trim();

/** The facts a caseload sheet can carry; household and target group are matched separately. */
export type ImportedFacts = Omit<ClientFacts, 'targetGroupId' | 'householdId'>;

export interface ExistingClient extends ImportedFacts {
  id: string;
  targetGroupId: string | null;
  stageId: string | null;
  householdId: string | null;
}

export type RowIssue = FieldIssue & { value: string };

export interface PlannedRow {
  /** The row number as the spreadsheet shows it. */
  line: number;
  action: 'create' | 'update' | 'unchanged' | 'empty' | 'error';
  issues: RowIssue[];
  facts: ImportedFacts;
  /** As written in the file; matched by name. */
  targetGroup: string | null;
  stage: string | null;
  caseworker: string | null;
  existing: ExistingClient | null;
  /** A to-do or remark this row adds (null: none in the row, or the client has it already). */
  todo: PlannedTodo | null;
  remark: string | null;
}

export interface CaseloadPlan {
  rows: PlannedRow[];
  /** Names in the file that Koers does not know yet (each once, as first written). */
  unknown: { targetGroups: string[]; stages: string[]; caseworkers: string[] };
}

export interface CaseloadOptions {
  today: string;
  createTargetGroups: boolean;
  createStages: boolean;
  caseworkers: CaseworkerChoices;
  /** Unknown names not mapped become new caseworkers; when false they are errors. */
  createCaseworkers: boolean;
}

const rowSchema = z.object({
  firstName: clientFacts.firstName,
  lastName: clientFacts.lastName,
  reference: clientFacts.reference,
  dateOfBirth: clientFacts.dateOfBirth,
  phone: clientFacts.phone,
  email: clientFacts.email,
  startDate: clientFacts.startDate,
});

/** "Jan de Vries" → Jan / de Vries (Dutch particles stay with the surname); "Vries, Jan de" → Jan de / Vries. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const text = full.replace(/\s+/g, ' ').trim();
  const comma = text.indexOf(',');
  if (comma >= 0) return { firstName: text.slice(comma + 1).trim(), lastName: text.slice(0, comma).trim() };
  const space = text.indexOf(' ');
  return space < 0
    ? { firstName: '', lastName: text }
    : { firstName: text.slice(0, space), lastName: text.slice(space + 1) };
}

const sameFacts = (a: ImportedFacts, b: ImportedFacts) =>
  a.firstName === b.firstName &&
  a.lastName === b.lastName &&
  a.reference === b.reference &&
  a.dateOfBirth === b.dateOfBirth &&
  a.phone === b.phone &&
  a.email === b.email &&
  a.startDate === b.startDate;

/**
 * Reads and checks every row against the mapping and what Koers knows, without
 * writing anything: the preview shows this plan and the import carries it out.
 */
export function planCaseload(
  sheet: Worksheet,
  mapping: CaseloadMapping,
  lookup: CaseloadLookup,
  options: CaseloadOptions,
): CaseloadPlan {
  const { index: headerIndex } = headerRow(sheet);
  const unknown = {
    targetGroups: new Map<string, string>(),
    stages: new Map<string, string>(),
    caseworkers: new Map<string, string>(),
  };
  const seenReferences = new Map<string, number>();
  const rows: PlannedRow[] = [];

  sheet.rows.forEach((cells, i) => {
    if (i <= headerIndex) return;
    const line = i + 1;
    const raw = (field: CaseloadField): Cell => (mapping[field] === undefined ? null : (cells[mapping[field]] ?? null));
    const text = (field: CaseloadField) => cellText(raw(field));
    const mapped = CASELOAD_FIELDS.filter((f) => mapping[f] !== undefined);
    const empty = mapped.every((f) => text(f) === '');
    const issues: RowIssue[] = [];

    const names =
      mapping.firstName !== undefined || mapping.lastName !== undefined
        ? { firstName: text('firstName'), lastName: text('lastName') }
        : splitName(text('fullName'));
    const date = (field: 'dateOfBirth' | 'startDate'): string | null => {
      if (text(field) === '') return null;
      const parsed = parseDateCell(raw(field), options.today);
      if (!parsed) issues.push({ field, rule: 'date', value: text(field) });
      return parsed;
    };
    const candidate = {
      ...names,
      reference: text('reference'),
      dateOfBirth: date('dateOfBirth'),
      phone: text('phone'),
      email: text('email'),
      startDate: date('startDate'),
    };
    const parsed = rowSchema.safeParse(candidate);
    const facts: ImportedFacts = parsed.success
      ? parsed.data
      : {
          firstName: names.firstName,
          lastName: names.lastName,
          reference: candidate.reference || null,
          dateOfBirth: candidate.dateOfBirth,
          phone: candidate.phone || null,
          email: candidate.email || null,
          startDate: candidate.startDate,
        };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const fieldIssue = toFieldIssue(issue, candidate);
        const field =
          (fieldIssue.field === 'firstName' || fieldIssue.field === 'lastName') &&
          mapping.fullName !== undefined &&
          mapping.firstName === undefined
            ? 'fullName'
            : fieldIssue.field;
        issues.push({ ...fieldIssue, field, value: text(field as CaseloadField) });
      }
    }
    if (facts.dateOfBirth && facts.dateOfBirth > options.today)
      issues.push({ field: 'dateOfBirth', rule: 'future_date', value: text('dateOfBirth') });

    if (facts.reference) {
      const first = seenReferences.get(facts.reference);
      if (first !== undefined) issues.push({ field: 'reference', rule: 'duplicate', value: facts.reference });
      else seenReferences.set(facts.reference, line);
    }
    const known = (
      field: 'targetGroup' | 'stage' | 'caseworker',
      table: Map<string, string>,
      unknownNames: Map<string, string>,
      create: boolean,
    ) => {
      const name = text(field);
      if (name === '') return null;
      if (!table.has(nameKey(name))) {
        if (!unknownNames.has(nameKey(name))) unknownNames.set(nameKey(name), name);
        if (!create) issues.push({ field, rule: 'unknown', value: name });
      }
      return name;
    };
    const targetGroup = known('targetGroup', lookup.targetGroups, unknown.targetGroups, options.createTargetGroups);
    const stage = known('stage', lookup.stages, unknown.stages, options.createStages);
    const caseworker = known(
      'caseworker',
      lookup.caseworkers,
      unknown.caseworkers,
      options.createCaseworkers || options.caseworkers.has(nameKey(text('caseworker'))),
    );
    const existing = facts.reference ? (lookup.clients.get(facts.reference) ?? null) : null;

    let todo: PlannedTodo | null = null;
    const title = text('nextAction').replace(/\s+/g, ' ');
    if (title.length > TODO_TITLE_MAX)
      issues.push({ field: 'nextAction', rule: 'too_long', limit: TODO_TITLE_MAX, value: title.slice(0, 40) });
    else if (title !== '') {
      const dueDate =
        text('nextActionDate') === '' ? options.today : parseDateCell(raw('nextActionDate'), options.today);
      if (!dueDate) issues.push({ field: 'nextActionDate', rule: 'date', value: text('nextActionDate') });
      // The time from its own column, or from a date cell that holds one.
      const dueTime =
        text('nextActionTime') !== '' ? parseTimeCell(raw('nextActionTime')) : timeOfDateCell(raw('nextActionDate'));
      if (text('nextActionTime') !== '' && !dueTime)
        issues.push({ field: 'nextActionTime', rule: 'time', value: text('nextActionTime') });
      const dated = text('nextActionDate') !== '';
      const had = existing !== null && lookup.todos.get(existing.id)?.has(todoKey(title, dated ? dueDate : null));
      if (dueDate && !had) todo = { title, kind: dueTime ? 'appointment' : 'task', dueDate, dueTime: dueTime ?? null };
    }
    const remarkText = text('remark').trim();
    let remark: string | null = null;
    if (remarkText.length > REMARK_MAX)
      issues.push({ field: 'remark', rule: 'too_long', limit: REMARK_MAX, value: remarkText.slice(0, 40) });
    else if (remarkText !== '' && !(existing && lookup.remarks.get(existing.id)?.has(remarkKey(remarkText))))
      remark = remarkText;

    let action: PlannedRow['action'];
    if (empty) action = 'empty';
    else if (issues.length > 0) action = 'error';
    else if (!existing) action = 'create';
    else {
      const merged = mergeFacts(existing, facts, mapping);
      const sameGroup =
        targetGroup === null || lookup.targetGroups.get(nameKey(targetGroup)) === existing.targetGroupId;
      const sameStage = stage === null || lookup.stages.get(nameKey(stage)) === existing.stageId;
      const adds = todo !== null || remark !== null;
      action = sameFacts(merged, existing) && sameGroup && sameStage && !adds ? 'unchanged' : 'update';
    }
    rows.push({
      line,
      action,
      issues: empty ? [] : issues,
      facts,
      targetGroup,
      stage,
      caseworker,
      existing,
      todo: action === 'create' || action === 'update' ? todo : null,
      remark: action === 'create' || action === 'update' ? remark : null,
    });
  });
  return {
    rows,
    unknown: {
      targetGroups: [...unknown.targetGroups.values()],
      stages: [...unknown.stages.values()],
      caseworkers: [...unknown.caseworkers.values()],
    },
  };
}

/** An update changes only what the file maps: an unmapped column keeps what Koers has. */
export function mergeFacts(existing: ImportedFacts, facts: ImportedFacts, mapping: CaseloadMapping): ImportedFacts {
  const names = mapping.fullName !== undefined || mapping.firstName !== undefined || mapping.lastName !== undefined;
  return {
    firstName: names ? facts.firstName : existing.firstName,
    lastName: names ? facts.lastName : existing.lastName,
    reference: existing.reference,
    dateOfBirth: mapping.dateOfBirth !== undefined ? facts.dateOfBirth : existing.dateOfBirth,
    phone: mapping.phone !== undefined ? facts.phone : existing.phone,
    email: mapping.email !== undefined ? facts.email : existing.email,
    startDate: mapping.startDate !== undefined ? (facts.startDate ?? existing.startDate) : existing.startDate,
  };
}
