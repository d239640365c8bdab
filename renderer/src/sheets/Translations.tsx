import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetTranslation, SheetVersion } from '../../../common/contract';
import { canonicalLanguage, textDirection } from '../../../common/languages';
import { clientLanguageOptions, languageName } from '../format';
import { remote } from '../query';
import { useSession } from '../session';
import { DataTable, RowAction } from '../ui/DataTable';
import { ErrorSummary, FieldFrame, SelectField, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { StatusLine } from '../ui/StatusLine';

type Texts = SheetTranslation['indicators'];
const OTHER = 'other';

/**
 * The published version in the clients' languages (issue 19): indicator names, level labels and
 * descriptions, each beside the original, typed in the language's own direction. Client mode and the
 * paper sheet show a client the translation into their language; texts left empty show the original.
 */
export function Translations({ version }: { version: SheetVersion }) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const query = useQuery(remote('sheets.translations', { versionId: version.id }));
  const [editing, setEditing] = useState<{ language: string; texts: Texts } | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [removing, setRemoving] = useState<SheetTranslation | null>(null);
  const action = useAction();
  const open = (language: string) =>
    setEditing({ language, texts: query.data?.find((tr) => tr.language === language)?.indicators ?? [] });

  return (
    <section className="panel sheet-translations" aria-labelledby={titleId}>
      <div className="panel-heading">
        <h2 id={titleId}>{t('sheets.translations.title', { number: version.number })}</h2>
        {!editing && (
          <button type="button" className="secondary" onClick={() => setChoosing(true)}>
            {t('sheets.translations.add')}
          </button>
        )}
      </div>
      <p className="hint">{t('sheets.translations.intro')}</p>
      <StatusLine of={action} />
      {query.data ? (
        !editing && (
          <DataTable<SheetTranslation>
            labelledBy={titleId}
            empty={t('sheets.translations.none')}
            rows={query.data}
            rowKey={(tr) => tr.id}
            columns={[
              {
                key: 'language',
                header: t('sheets.translations.language'),
                cell: (tr) => languageName(tr.language, session.language),
              },
              {
                key: 'done',
                header: t('sheets.translations.translated'),
                cell: (tr) =>
                  t('sheets.translations.count', { done: countTexts(tr.indicators), total: countOriginal(version) }),
              },
              {
                key: 'actions',
                header: <span className="visually-hidden">{t('sheets.list.actions')}</span>,
                cell: (tr) => (
                  <span className="row-actions">
                    <RowAction
                      label={t('sheets.translations.editLabel', {
                        language: languageName(tr.language, session.language),
                      })}
                      onClick={() => open(tr.language)}
                    >
                      {t('sheets.translations.edit')}
                    </RowAction>
                    <RowAction
                      label={t('sheets.translations.removeLabel', {
                        language: languageName(tr.language, session.language),
                      })}
                      onClick={() => setRemoving(tr)}
                    >
                      {t('sheets.translations.remove')}
                    </RowAction>
                  </span>
                ),
              },
            ]}
          />
        )
      ) : (
        <Loading of={query} />
      )}
      {editing && (
        <TranslationEditor
          version={version}
          language={editing.language}
          initial={editing.texts}
          onDone={(saved) => {
            setEditing(null);
            if (saved)
              action.announce(
                t('sheets.translations.saved', { language: languageName(editing.language, session.language) }),
              );
          }}
        />
      )}
      {choosing && (
        <ChooseLanguage
          taken={(query.data ?? []).map((tr) => tr.language)}
          onClose={() => setChoosing(false)}
          onChosen={(language) => {
            setChoosing(false);
            open(language);
          }}
        />
      )}
      {removing && (
        <RemoveTranslation
          translation={removing}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            action.announce(
              t('sheets.translations.removed', { language: languageName(removing.language, session.language) }),
            );
          }}
        />
      )}
    </section>
  );
}

const countTexts = (texts: Texts) =>
  texts.reduce((n, i) => n + (i.name ? 1 : 0) + i.levels.filter((l) => l.label).length, 0);
const countOriginal = (version: SheetVersion) => version.indicators.reduce((n, i) => n + 1 + i.levels.length, 0);

/** A language from the usual list, or any other by its code (BCP 47). */
function ChooseLanguage({
  taken,
  onClose,
  onChosen,
}: {
  taken: readonly string[];
  onClose(): void;
  onChosen(language: string): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [choice, setChoice] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const save = { saving: false, error: null };
  const options = clientLanguageOptions(session.language, '').filter((o) => !taken.includes(o.value));
  const submit = async () => {
    const language = choice === OTHER ? canonicalLanguage(code) : choice || null;
    if (!language) return setError(t('sheets.translations.badCode'));
    if (taken.includes(language)) return setError(t('sheets.translations.taken'));
    onChosen(language);
  };
  return (
    <FormDialog
      title={t('sheets.translations.addTitle')}
      submitLabel={t('sheets.translations.start')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
      canSubmit={choice !== ''}
    >
      <SelectField
        label={t('sheets.translations.language')}
        name="language"
        value={choice}
        onChange={setChoice}
        empty={t('sheets.translations.choose')}
        options={[...options, { value: OTHER, label: t('sheets.translations.other') }]}
      />
      {choice === OTHER && (
        <TextField
          label={t('sheets.translations.code')}
          hint={t('sheets.translations.codeHint')}
          name="code"
          value={code}
          onChange={setCode}
          error={error}
        />
      )}
      {choice !== OTHER && <ErrorSummary message={error} />}
    </FormDialog>
  );
}

/** Every text of the version beside the original, in the language's direction; empty: the original shows. */
function TranslationEditor({
  version,
  language,
  initial,
  onDone,
}: {
  version: SheetVersion;
  language: string;
  initial: Texts;
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const save = useSave('sheets.saveTranslation');
  const dir = textDirection(language);
  const [texts, setTexts] = useState<Record<string, string>>(() => {
    const values: Record<string, string> = {};
    for (const indicator of initial) {
      values[`${indicator.key}|name`] = indicator.name ?? '';
      values[`${indicator.key}|description`] = indicator.description ?? '';
      for (const level of indicator.levels) {
        values[`${indicator.key}|${level.value}|label`] = level.label ?? '';
        values[`${indicator.key}|${level.value}|description`] = level.description ?? '';
      }
    }
    return values;
  });
  const text = (key: string) => texts[key] ?? '';
  const set = (key: string) => (value: string) => setTexts((all) => ({ ...all, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run({
      versionId: version.id,
      language,
      indicators: version.indicators.map((indicator) => ({
        key: indicator.key,
        name: text(`${indicator.key}|name`),
        description: text(`${indicator.key}|description`),
        levels: indicator.levels.map((level) => ({
          value: level.value,
          label: text(`${indicator.key}|${level.value}|label`),
          description: text(`${indicator.key}|${level.value}|description`),
        })),
      })),
    });
    if (saved) onDone(true);
  };
  const name = languageName(language, session.language);
  // The typed texts are in the client's language: the fields say so, for spelling and screen readers.
  const own = { lang: language, dir };
  return (
    <form className="translation-editor" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('sheets.translations.editing', { language: name })}</h3>
      <p className="hint">{t('sheets.translations.editorHint')}</p>
      {version.indicators.map((indicator) => (
        <fieldset key={indicator.key} className="translation-indicator">
          <legend>{indicator.name}</legend>
          <TranslatedField
            label={t('sheets.translations.name', { original: indicator.name })}
            value={text(`${indicator.key}|name`)}
            onChange={set(`${indicator.key}|name`)}
            own={own}
          />
          {indicator.description && (
            <TranslatedField
              label={t('sheets.translations.description', { original: indicator.description })}
              value={text(`${indicator.key}|description`)}
              onChange={set(`${indicator.key}|description`)}
              own={own}
              long
            />
          )}
          {indicator.levels.map((level) => (
            <div key={level.value} className="translation-level">
              <TranslatedField
                label={t('sheets.translations.level', { value: level.value, original: level.label })}
                value={text(`${indicator.key}|${level.value}|label`)}
                onChange={set(`${indicator.key}|${level.value}|label`)}
                own={own}
              />
              {level.description && (
                <TranslatedField
                  label={t('sheets.translations.levelDescription', { value: level.value, original: level.description })}
                  value={text(`${indicator.key}|${level.value}|description`)}
                  onChange={set(`${indicator.key}|${level.value}|description`)}
                  own={own}
                  long
                />
              )}
            </div>
          ))}
        </fieldset>
      ))}
      <div className="translation-footer">
        <ErrorSummary message={save.error?.summary} />
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={save.saving}>
          {t('sheets.translations.save', { language: name })}
        </button>
      </div>
    </form>
  );
}

/** One translated text: the original in the label, the field in the translation's language and direction. */
function TranslatedField({
  label,
  value,
  onChange,
  own,
  long = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  own: { lang: string; dir: 'ltr' | 'rtl' };
  long?: boolean;
}) {
  return (
    <FieldFrame label={label}>
      {({ id }) =>
        long ? (
          <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} {...own} />
        ) : (
          <input
            id={id}
            type="text"
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            {...own}
          />
        )
      }
    </FieldFrame>
  );
}

function RemoveTranslation({
  translation,
  onClose,
  onDone,
}: {
  translation: SheetTranslation;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const save = useSave('sheets.removeTranslation');
  const submit = async () => (await save.run({ id: translation.id })) && onDone();
  return (
    <FormDialog
      title={t('sheets.translations.removeTitle', { language: languageName(translation.language, session.language) })}
      submitLabel={t('sheets.translations.remove')}
      danger
      onClose={onClose}
      onSubmit={submit}
      save={save}
    >
      <p>{t('sheets.translations.removeText')}</p>
    </FormDialog>
  );
}
