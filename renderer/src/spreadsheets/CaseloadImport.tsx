import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../ui/fields';
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

/** Caseload sheet: file → worksheet → columns → preview (and what to create of the unknown) → import → report. */
export function CaseloadImport() {
  const { t } = useTranslation();
  // The import's create options as the checkboxes show them; choosing another file keeps them.
  const [create, setCreate] = useState({ createTargetGroups: false, createStages: false });
  return (
    <ImportWizard
      kind="caseload"
      preview="imports.caseloadPreview"
      run="imports.caseloadRun"
      previewInput={(choice) => ({ ...choice, ...create })}
      runInput={(choice) => ({ ...choice, ...create })}
      writes={(preview) => preview.counts.create + preview.counts.update}
      report={(done) =>
        t('spreadsheets.import.done', {
          created: done.created,
          updated: done.updated,
          unchanged: done.unchanged,
          skipped: done.skipped.length,
        })
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
              preview.unknown[unknown].length > 0 && (
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
            <p className="hint">
              {t('spreadsheets.import.unknownCaseworkers', { names: preview.unknown.caseworkers.join(', ') })}
            </p>
          )}
        </>
      )}
    />
  );
}
