import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../ui/fields';
import { type IndicatorDraft, type LevelText, levelValues } from './draft';
import { LevelTableFrame } from './PublishedVersion';

interface Props {
  indicator: IndicatorDraft;
  index: number;
  total: number;
  /** The draft's field errors; this indicator's are keyed by its uid. */
  errors: Record<string, string>;
  autoFocus: boolean;
  onChange(changes: Partial<IndicatorDraft>): void;
  onMove(direction: 'up' | 'down'): void;
  onRemove(): void;
}

export const moveButtonId = (uid: string, direction: 'up' | 'down') => `indicator-${direction}-${uid}`;

/** One indicator of the draft: its name, its scale, and a label (and description) for every level. */
export function IndicatorEditor({ indicator, index, total, errors, autoFocus, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const error = (field: string) => errors[`${indicator.uid}.${field}`];
  // Buttons name the indicator; an unnamed one by its number.
  const name = indicator.name.trim() || String(index + 1);
  const setLevel = (value: number, changes: Partial<LevelText>) => {
    const current = indicator.levels[value] ?? { label: '', description: '' };
    onChange({ levels: { ...indicator.levels, [value]: { ...current, ...changes } } });
  };

  return (
    <fieldset className="indicator-editor">
      <legend>
        {t('sheets.editor.indicatorLegend', {
          number: index + 1,
          name: indicator.name.trim() || t('sheets.editor.unnamed'),
        })}
      </legend>
      <div className="indicator-tools">
        <ToolButton
          id={moveButtonId(indicator.uid, 'up')}
          label={t('sheets.editor.moveUp', { name })}
          symbol="▲"
          disabled={index === 0}
          onClick={() => onMove('up')}
        />
        <ToolButton
          id={moveButtonId(indicator.uid, 'down')}
          label={t('sheets.editor.moveDown', { name })}
          symbol="▼"
          disabled={index === total - 1}
          onClick={() => onMove('down')}
        />
        <ToolButton label={t('sheets.editor.remove', { name })} symbol="✕" onClick={onRemove} />
      </div>
      <div className="indicator-fields">
        <TextField
          label={t('sheets.editor.indicatorName')}
          name="indicatorName"
          value={indicator.name}
          onChange={(v) => onChange({ name: v })}
          error={error('name')}
          autoFocus={autoFocus}
        />
        <TextField
          label={t('sheets.editor.indicatorDescription')}
          name="indicatorDescription"
          value={indicator.description}
          onChange={(v) => onChange({ description: v })}
          error={error('description')}
        />
      </div>
      <div className="scale-fields">
        <TextField
          label={t('sheets.editor.scaleMin')}
          name="scaleMin"
          type="number"
          step="1"
          value={indicator.scaleMin}
          onChange={(v) => onChange({ scaleMin: v })}
          error={error('scaleMin')}
        />
        <TextField
          label={t('sheets.editor.scaleMax')}
          name="scaleMax"
          type="number"
          step="1"
          value={indicator.scaleMax}
          onChange={(v) => onChange({ scaleMax: v })}
          error={error('scaleMax')}
        />
        <p className="hint scale-hint">{t('sheets.editor.scaleHint')}</p>
      </div>
      <LevelTable indicator={indicator} name={name} error={error} onChange={setLevel} />
    </fieldset>
  );
}

function ToolButton({
  id,
  label,
  symbol,
  disabled,
  onClick,
}: {
  id?: string;
  label: string;
  symbol: string;
  disabled?: boolean;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      id={id}
      className="link-button tool-button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
}

function LevelTable({
  indicator,
  name,
  error,
  onChange,
}: {
  indicator: IndicatorDraft;
  name: string;
  error(field: string): string | undefined;
  onChange(value: number, changes: Partial<LevelText>): void;
}) {
  const { t } = useTranslation();
  const values = levelValues(indicator);
  const levelsError = error('levels');
  return (
    <div className="level-editor">
      {levelsError && (
        <p className="field-error">
          <span aria-hidden="true">⚠ </span>
          {levelsError}
        </p>
      )}
      {values.length === 0 ? (
        <p className="empty">{t('sheets.editor.noLevels')}</p>
      ) : (
        <LevelTableFrame name={name}>
          {values.map((value) => (
            <tr key={value}>
              <th scope="row" className="level-value">
                {value}
              </th>
              <td>
                <TextField
                  className="bare-field"
                  label={t('sheets.editor.levelLabelOf', { value })}
                  name={`level-${value}-label`}
                  value={indicator.levels[value]?.label ?? ''}
                  onChange={(label) => onChange(value, { label })}
                  error={error(`${value}.label`)}
                />
              </td>
              <td>
                <TextArea
                  className="bare-field"
                  rows={2}
                  label={t('sheets.editor.levelDescriptionOf', { value })}
                  name={`level-${value}-description`}
                  value={indicator.levels[value]?.description ?? ''}
                  onChange={(description) => onChange(value, { description })}
                  error={error(`${value}.description`)}
                />
              </td>
            </tr>
          ))}
        </LevelTableFrame>
      )}
    </div>
  );
}
