import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetDetail, SheetVersion } from '../../../common/contract';
import { describeError } from '../errors';
import { useMutate } from '../query';
import { useSession } from '../session';
import { CheckboxField, ErrorSummary, focusFirstError, TextArea, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import {
  adoptKeys,
  draftErrors,
  draftFrom,
  fingerprint,
  type IndicatorDraft,
  moveIndicator,
  newIndicator,
  type SheetDraft,
  toInput,
} from './draft';
import { IndicatorEditor, moveButtonId } from './IndicatorEditor';

interface Props {
  sheet: SheetDetail;
  version: SheetVersion;
  /** Focus the editor when it appears because the user just started it. */
  autoFocus: boolean;
  onPublished(number: number): void;
}

/** The draft of a sheet's next version: everything is edited here and saved at once. */
export function DraftEditor({ sheet, version, autoFocus, onPublished }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const indicatorsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const indicatorsRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftFrom(sheet, version));
  const [savedAs, setSavedAs] = useState(() => fingerprint(draftFrom(sheet, version)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const action = useAction();
  const pendingFocusRef = useRefocusAfterMove(draft.indicators);
  const dirty = fingerprint(draft) !== savedAs;

  useEffect(() => {
    if (autoFocus) headingRef.current?.focus();
  }, [autoFocus]);
  // A refused save or publish takes the user to the first field in error, not to the sticky footer's buttons.
  useEffect(() => focusFirstError(formRef.current), [errors]);

  const saving = useMutate('sheets.saveDraft');
  const save = async () => {
    const sent = draft;
    try {
      const saved = await saving.mutateAsync(toInput(sheet.id, sent));
      setErrors({});
      setDraft((current) => adoptKeys(current, sent, saved.draft));
      setSavedAs(fingerprint(adoptKeys(sent, sent, saved.draft)));
      return saved;
    } catch (failure) {
      // The server names fields by position; the editor shows them next to the indicator and level meant.
      setErrors(draftErrors(t, failure, sent));
      return undefined;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save()) action.announce(t('sheets.editor.saved'));
  };
  // Publishing publishes what is saved: unsaved changes are saved first, and a failed save stops here.
  const startPublish = async () => {
    if (!dirty || (await save())) setPublishing(true);
  };

  const change = (changes: Partial<SheetDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const changeIndicator = (uid: string, changes: Partial<IndicatorDraft>) =>
    setDraft((d) => ({ ...d, indicators: d.indicators.map((i) => (i.uid === uid ? { ...i, ...changes } : i)) }));
  const add = () => {
    const indicator = newIndicator();
    setAdded(indicator.uid);
    setDraft((d) => ({ ...d, indicators: [...d.indicators, indicator] }));
    action.announce(t('sheets.editor.added', { number: draft.indicators.length + 1 }));
  };
  const move = (indicator: IndicatorDraft, direction: 'up' | 'down') => {
    const index = draft.indicators.indexOf(indicator);
    pendingFocusRef.current = { uid: indicator.uid, direction };
    setDraft((d) => ({ ...d, indicators: moveIndicator(d.indicators, indicator.uid, direction) }));
    const name = indicator.name.trim() || String(index + 1);
    action.announce(
      t('sheets.editor.moved', {
        name,
        position: direction === 'up' ? index : index + 2,
        total: draft.indicators.length,
      }),
    );
  };
  const remove = (indicator: IndicatorDraft, index: number) => {
    setDraft((d) => ({ ...d, indicators: d.indicators.filter((i) => i.uid !== indicator.uid) }));
    action.announce(t('sheets.editor.removed', { name: indicator.name.trim() || String(index + 1) }));
    // The removed fieldset held the focus: continue from the list's heading.
    indicatorsRef.current?.focus();
  };

  return (
    <section className="panel draft-editor" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('sheets.editor.title', { number: version.number })}
      </h2>
      <p className="hint">{t('sheets.editor.intro')}</p>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
        <div className="sheet-fields">
          <TextField
            label={t('sheets.editor.sheetName')}
            name="name"
            value={draft.name}
            onChange={(name) => change({ name })}
            error={errors.name}
          />
          <TextArea
            label={t('sheets.editor.sheetDescription')}
            name="description"
            rows={2}
            value={draft.description}
            onChange={(description) => change({ description })}
            error={errors.description}
          />
        </div>
        <TargetGroupPicker
          selected={draft.targetGroupIds}
          onChange={(targetGroupIds) => change({ targetGroupIds })}
          error={errors.targetGroupIds}
        />

        <section className="indicators" aria-labelledby={indicatorsId}>
          <h3 id={indicatorsId} ref={indicatorsRef} tabIndex={-1}>
            {t('sheets.editor.indicators')}
          </h3>
          <p className="hint">{t('sheets.editor.notScoredHint')}</p>
          {errors.indicators && <p className="field-error">{errors.indicators}</p>}
          {draft.indicators.length === 0 ? (
            <p className="empty">{t('sheets.editor.noIndicators')}</p>
          ) : (
            <ol className="indicator-list">
              {draft.indicators.map((indicator, index) => (
                <li key={indicator.uid}>
                  <IndicatorEditor
                    indicator={indicator}
                    index={index}
                    total={draft.indicators.length}
                    errors={errors}
                    autoFocus={indicator.uid === added}
                    onChange={(changes) => changeIndicator(indicator.uid, changes)}
                    onMove={(direction) => move(indicator, direction)}
                    onRemove={() => remove(indicator, index)}
                  />
                </li>
              ))}
            </ol>
          )}
          <button type="button" className="secondary" onClick={add}>
            {t('sheets.editor.add')}
          </button>
        </section>

        <div className="editor-footer">
          <div className="editor-state">
            <p role="status" className="saved">
              {action.status}
            </p>
            {dirty && <p className="hint">{t('sheets.editor.unsaved')}</p>}
            <ErrorSummary message={saving.error ? describeError(t, saving.error).summary : undefined} />
            {errors.form && <p className="field-error">{errors.form}</p>}
          </div>
          <button type="submit" disabled={saving.isPending}>
            {t('sheets.editor.save')}
          </button>
          <button type="button" className="secondary" disabled={saving.isPending} onClick={() => void startPublish()}>
            {t('sheets.editor.publish', { number: version.number })}
          </button>
        </div>
      </form>
      {publishing && (
        <PublishDialog
          sheet={sheet}
          number={version.number}
          onClose={() => setPublishing(false)}
          onPublished={onPublished}
        />
      )}
    </section>
  );
}

/**
 * Moving an indicator moves DOM nodes, and a moved node loses focus. Once the new
 * order has rendered, focus returns to the arrow that was pressed, or to the other
 * one when the indicator reached the top or bottom.
 */
function useRefocusAfterMove(indicators: readonly IndicatorDraft[]) {
  const pending = useRef<{ uid: string; direction: 'up' | 'down' } | null>(null);
  useEffect(() => {
    const move = pending.current;
    if (!move) return;
    pending.current = null;
    const pressed = document.getElementById(moveButtonId(move.uid, move.direction));
    const other = document.getElementById(moveButtonId(move.uid, move.direction === 'up' ? 'down' : 'up'));
    (pressed instanceof HTMLButtonElement && !pressed.disabled ? pressed : other)?.focus();
  }, [indicators]);
  return pending;
}

/** Which target groups score with this sheet by default; a retired group stays visible while chosen, so it can be unticked. */
function TargetGroupPicker({
  selected,
  onChange,
  error,
}: {
  selected: readonly string[];
  onChange(ids: string[]): void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const hintId = useId();
  const errorId = useId();
  const groups = session
    .items('target_group', { includeRetired: true })
    .filter((g) => !g.retired || selected.includes(g.id));
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset
      className="target-group-picker"
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend>{t('sheets.editor.targetGroups')}</legend>
      <p id={hintId} className="hint">
        {t('sheets.editor.targetGroupsHint')}
      </p>
      {groups.length === 0 ? (
        <p className="empty">{t('sheets.editor.noTargetGroups')}</p>
      ) : (
        <div className="target-group-options">
          {groups.map((group) => (
            <CheckboxField
              key={group.id}
              name="targetGroupIds"
              label={group.retired ? t('common.retired', { name: session.label(group) }) : session.label(group)}
              checked={selected.includes(group.id)}
              onChange={(checked) => toggle(group.id, checked)}
            />
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function PublishDialog({
  sheet,
  number,
  onClose,
  onPublished,
}: {
  sheet: SheetDetail;
  number: number;
  onClose(): void;
  onPublished(number: number): void;
}) {
  const { t } = useTranslation();
  const save = useSave('sheets.publish');
  const submit = async () => {
    if (await save.run({ id: sheet.id })) onPublished(number);
  };
  return (
    <FormDialog
      title={t('sheets.publish.title', { number, name: sheet.name })}
      submitLabel={t('sheets.publish.submit', { number })}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <p>{t('sheets.publish.body', { number })}</p>
    </FormDialog>
  );
}
