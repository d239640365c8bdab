import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { remote } from '../query';
import { CheckboxField, SelectField } from '../ui/fields';
import { MappingFields } from './ImportParts';
import { ImportWizard } from './ImportWizard';

const FIELDS = [
  'reference',
  'fullName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'phone',
  'email',
  'targetGroup',
  'stage',
  'caseworker',
  'startDate',
  'nextAction',
  'nextActionDate',
  'nextActionTime',
  'remark',
] as const;

/** Names in the sheet Koers does not know, and the option that creates them. */
const CREATABLE = [
  {
    unknown: 'targetGroups',
    option: 'createTargetGroups',
    label: 'spreadsheets.import.createTargetGroups',
    name: 'spreadsheets.import.createTargetGroupsName',
  },
  {
    unknown: 'stages',
    option: 'createStages',
    label: 'spreadsheets.import.createStages',
    name: 'spreadsheets.import.createStagesName',
  },
] as const;

type Preview = Output<'imports.caseloadPreview'>;
/** Caseworker name as in the sheet → the colleague it stands for; a name not here is created (or, without the right, unresolved). */
type Mapped = Record<string, string>;

/** Caseload sheet: file → worksheet → columns → preview (and what to create of the unknown) → import → report. */
export function CaseloadImport() {
  const { t } = useTranslation();
  // The import's create options as the checkboxes show them; choosing another file keeps them.
  const [create, setCreate] = useState({ createTargetGroups: false, createStages: false });
  const [mapped, setMapped] = useState<Mapped>({});
  const choices = {
    ...create,
    // Unknown names become new caseworkers unless mapped (the server allows it for key persons only).
    createCaseworkers: true,
    caseworkers: Object.entries(mapped).map(([name, caseworkerId]) => ({ name, caseworkerId })),
  };
  return (
    <ImportWizard
      kind="caseload"
      preview="imports.caseloadPreview"
      run="imports.caseloadRun"
      previewInput={(choice) => ({ ...choice, ...choices })}
      runInput={(choice) => ({ ...choice, ...choices })}
      writes={(preview) => preview.counts.create + preview.counts.update}
      report={(done) =>
        [
          t('spreadsheets.import.done', {
            created: done.created,
            updated: done.updated,
            unchanged: done.unchanged,
            skipped: done.skipped.length,
          }),
          // What came along besides the clients, when anything did.
          done.todosAdded + done.remarksAdded + done.createdCaseworkers.length > 0
            ? t('spreadsheets.import.doneAdded', {
                todos: done.todosAdded,
                remarks: done.remarksAdded,
                caseworkers: done.createdCaseworkers.join(', ') || '–',
              })
            : '',
        ]
          .filter(Boolean)
          .join(' ')
      }
      blocked={(preview) => {
        // The checkboxes not ticked yet that would create what the rows name.
        const options = CREATABLE.filter(
          ({ unknown, option }) => preview.unknown[unknown].length > 0 && !create[option],
        );
        if (options.length === 0) return undefined;
        return t('spreadsheets.import.blockedUnknown', { options: options.map(({ name }) => t(name)).join('” / “') });
      }}
      columns={(props) => (
        <MappingFields fields={FIELDS.map((key) => ({ key, label: t(`fields.${key}`) }))} {...props} />
      )}
      options={(preview) => (
        <>
          {CREATABLE.map(
            ({ unknown, option, label }) =>
              preview.unknown[unknown].length > 0 &&
              preview.mayCreate && (
                <CheckboxField
                  key={option}
                  label={t(label, { names: preview.unknown[unknown].join(', ') })}
                  name={option}
                  checked={create[option]}
                  onChange={(checked) => setCreate((was) => ({ ...was, [option]: checked }))}
                />
              ),
          )}
          {preview.unknown.caseworkers.length > 0 && (
            <CaseworkerChoices preview={preview} mapped={mapped} onChange={setMapped} />
          )}
          <AddsLine preview={preview} />
        </>
      )}
    />
  );
}

/** Per caseworker name Koers does not know: create it, or the colleague it stands for. */
function CaseworkerChoices({
  preview,
  mapped,
  onChange,
}: {
  preview: Preview;
  mapped: Mapped;
  onChange(mapped: Mapped): void;
}) {
  const { t } = useTranslation();
  const caseworkers = useQuery(remote('caseworkers.list', {}));
  const colleagues = (caseworkers.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
  return (
    <fieldset className="mapping">
      <legend>{t('spreadsheets.import.caseworkers')}</legend>
      <p className="hint">
        {preview.mayCreate ? t('spreadsheets.import.caseworkersHint') : t('spreadsheets.import.caseworkersHintMap')}
      </p>
      <div className="mapping-fields">
        {preview.unknown.caseworkers.map((name, i) => (
          <SelectField
            key={name}
            label={t('spreadsheets.import.caseworkerFor', { name })}
            name={`caseworker-${i}`}
            value={mapped[name] ?? ''}
            onChange={(value) => {
              const { [name]: _was, ...rest } = mapped;
              onChange(value === '' ? rest : { ...rest, [name]: value });
            }}
            empty={
              preview.mayCreate ? t('spreadsheets.import.createCaseworker') : t('spreadsheets.import.chooseCaseworker')
            }
            options={colleagues}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** What the import adds besides the clients: to-dos from the next actions, notes from the remarks. */
function AddsLine({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  if (preview.adds.todos + preview.adds.remarks === 0) return null;
  return (
    <p className="hint">
      {t('spreadsheets.import.adds', {
        todos: t('spreadsheets.import.addsTodos', { count: preview.adds.todos }),
        remarks: t('spreadsheets.import.addsRemarks', { count: preview.adds.remarks }),
      })}
    </p>
  );
}
