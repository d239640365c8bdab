import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../query';
import type { CatalogItem, CatalogKind } from '../../../common/contract';
import { CATALOG_KINDS } from '../../../common/enums';
import { formatNumber } from '../format';
import { DEFAULT_RESCORE_WEEKS } from '../../../common/rhythm';
import { useSession } from '../session';
import { ErrorSummary, TextField } from '../ui/fields';
import { type FieldProps, useSave } from '../ui/useSave';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { Page } from '../ui/Page';
import { DataTable, RowAction } from '../ui/DataTable';
import './manage.css';
import { ManagingAlone } from '../keyperson/KeyPerson';

type Direction = 'up' | 'down';
type Open = { dialog: 'rename' | 'rhythm' | 'remove'; item: CatalogItem } | null;

const moveButtonId = (item: { id: string }, direction: Direction) => `move-${direction}-${item.id}`;

/** An empty box is not 0: it must be reported, not saved as a weightless stage. */
const toWeight = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** An empty box means "no rhythm of its own" (the default applies), not 0 weeks. */
const toWeeks = (text: string) => (text.trim() === '' ? null : Number(text));

/** As many decimals as the weight has (shipped ones go in quarters), so 1.25 is not shown as 1.3. */
const decimals = (weight: number) => [0, 1, 2].find((d) => Number.isInteger(weight * 10 ** d)) ?? 2;

/** Key persons: the target groups, stages and closure reasons every client is described with. */
export function ListsPage() {
  const { t } = useTranslation();
  return (
    <Page className="manage-page" title={t('nav.lists')} intro={t('manage.lists.intro')}>
      <ManagingAlone />
      {CATALOG_KINDS.map((kind) => (
        <ListSection key={kind} kind={kind} />
      ))}
    </Page>
  );
}

/** One list with its own status line, so the outcome shows next to where the user acted. */
function ListSection({ kind }: { kind: CatalogKind }) {
  const { t } = useTranslation();
  const moveItem = useMutate('catalog.move');
  const setItemRetired = useMutate('catalog.setRetired');
  const session = useSession();
  const action = useAction();
  const [open, setOpen] = useState<Open>(null);
  const titleId = useId();
  const items = useMemo(() => session.items(kind, { includeRetired: true }), [session, kind]);
  const list = t(`catalogKinds.${kind}`);
  const pendingFocusRef = useRefocusAfterMove(items);

  const move = (item: CatalogItem, direction: Direction) => {
    pendingFocusRef.current = { id: item.id, direction, from: item.position };
    const index = items.indexOf(item);
    void action.perform(async () => {
      try {
        await moveItem.mutateAsync({ id: item.id, direction });
      } catch (failure) {
        pendingFocusRef.current = null; // Nothing moved: leave focus where it is.
        throw failure;
      }
      return t('manage.lists.done.moved', {
        name: session.label(item),
        position: direction === 'up' ? index : index + 2,
        total: items.length,
      });
    });
  };
  const setRetired = (item: CatalogItem, retired: boolean) =>
    void action.perform(async () => {
      await setItemRetired.mutateAsync({ id: item.id, retired });
      return t(retired ? 'manage.lists.done.retired' : 'manage.lists.done.restored', { name: session.label(item) });
    });
  const done = (message: string) => {
    setOpen(null);
    action.announce(message);
  };

  return (
    <section className="panel list-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{list}</h2>
      <DataTable
        labelledBy={titleId}
        empty={t('manage.lists.empty')}
        columns={[
          {
            key: 'name',
            header: t('fields.name'),
            cell: (item) => (
              <>
                {session.label(item)}
                {item.retired && <span className="badge">{t('manage.lists.retiredBadge')}</span>}
              </>
            ),
          },
          kind === 'stage' && {
            key: 'weight',
            header: t('fields.weight'),
            numeric: true,
            cell: (item) => formatNumber(item.weight, session.language, decimals(item.weight)),
          },
          kind === 'target_group' && {
            key: 'rhythm',
            header: t('manage.lists.rhythm'),
            cell: (item) => rhythmText(t, item.rescoreWeeks),
          },
          {
            key: 'inUse',
            header: t('manage.lists.inUse'),
            numeric: true,
            cell: (item) => formatNumber(item.inUse, session.language),
          },
          {
            key: 'order',
            header: t('manage.lists.order'),
            cell: (item) => (
              <MoveArrows item={item} first={item === items[0]} last={item === items.at(-1)} onMove={move} />
            ),
          },
          {
            key: 'actions',
            header: t('manage.lists.actions'),
            cell: (item) => <ItemActions item={item} onRetire={setRetired} onOpen={setOpen} />,
          },
        ]}
        rows={items}
        rowKey={(item) => item.id}
        rowClassName={(item) => (item.retired ? 'is-inactive' : undefined)}
      />
      <p role="status" className="saved">
        {action.status}
      </p>
      <ErrorSummary message={action.error} />
      <AddItemForm kind={kind} list={list} onAdded={action.announce} />
      {open?.dialog === 'rename' && <RenameDialog item={open.item} onClose={() => setOpen(null)} onDone={done} />}
      {open?.dialog === 'rhythm' && <RhythmDialog item={open.item} onClose={() => setOpen(null)} onDone={done} />}
      {open?.dialog === 'remove' && <RemoveDialog item={open.item} onClose={() => setOpen(null)} onDone={done} />}
    </section>
  );
}

/**
 * Reordering moves the row's DOM node, and a moved node loses focus. Once the new
 * order arrives, focus goes back to the arrow that was pressed (or the other one,
 * when the item has reached the end).
 */
function useRefocusAfterMove(items: readonly CatalogItem[]) {
  const pending = useRef<{ id: string; direction: Direction; from: number } | null>(null);
  useEffect(() => {
    const move = pending.current;
    if (!move) return;
    const item = items.find((i) => i.id === move.id);
    if (item?.position === move.from) return; // Still the old order.
    pending.current = null;
    const pressed = document.getElementById(moveButtonId(move, move.direction));
    const other = document.getElementById(moveButtonId(move, move.direction === 'up' ? 'down' : 'up'));
    (pressed instanceof HTMLButtonElement && !pressed.disabled ? pressed : other)?.focus();
  }, [items]);
  return pending;
}

function MoveArrows({
  item,
  first,
  last,
  onMove,
}: {
  item: CatalogItem;
  first: boolean;
  last: boolean;
  onMove(item: CatalogItem, direction: Direction): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.label(item);
  const arrow = (direction: Direction, symbol: string, disabled: boolean) => {
    const label = t(direction === 'up' ? 'manage.lists.moveUp' : 'manage.lists.moveDown', { name });
    return (
      <button
        type="button"
        id={moveButtonId(item, direction)}
        className="link-button arrow-button"
        aria-label={label}
        title={label}
        disabled={disabled}
        onClick={() => onMove(item, direction)}
      >
        <span aria-hidden="true">{symbol}</span>
      </button>
    );
  };
  return (
    <div className="row-actions">
      {arrow('up', '▲', first)}
      {arrow('down', '▼', last)}
    </div>
  );
}

function ItemActions({
  item,
  onRetire,
  onOpen,
}: {
  item: CatalogItem;
  onRetire(item: CatalogItem, retired: boolean): void;
  onOpen(open: Open): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.label(item);
  return (
    <div className="row-actions">
      <RowAction label={t('manage.lists.renameLabel', { name })} onClick={() => onOpen({ dialog: 'rename', item })}>
        {t('manage.lists.rename')}
      </RowAction>
      {item.kind === 'target_group' && (
        <RowAction label={t('manage.lists.rhythmLabel', { name })} onClick={() => onOpen({ dialog: 'rhythm', item })}>
          {t('manage.lists.changeRhythm')}
        </RowAction>
      )}
      {item.retired ? (
        <RowAction label={t('manage.lists.restoreLabel', { name })} onClick={() => onRetire(item, false)}>
          {t('manage.lists.restore')}
        </RowAction>
      ) : (
        <RowAction label={t('manage.lists.retireLabel', { name })} onClick={() => onRetire(item, true)}>
          {t('manage.lists.retire')}
        </RowAction>
      )}
      {/* History points at items in use: those can only be retired (the server checks too). */}
      <RowAction
        label={t('manage.lists.removeLabel', { name })}
        disabled={item.inUse > 0}
        onClick={() => onOpen({ dialog: 'remove', item })}
      >
        {t('manage.lists.remove')}
      </RowAction>
    </div>
  );
}

function WeightField({ value, onChange, ...field }: FieldProps & { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <TextField
      {...field}
      type="number"
      step="0.25"
      value={value}
      onChange={onChange}
      hint={t('manage.lists.weightHint')}
      className="weight-field"
    />
  );
}

function AddItemForm({ kind, list, onAdded }: { kind: CatalogKind; list: string; onAdded(message: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [weight, setWeight] = useState('1');
  const save = useSave('catalog.create');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await save.run({ kind, name, ...(kind === 'stage' ? { weight: toWeight(weight) } : {}) });
    if (!created) return;
    setName('');
    setWeight('1');
    onAdded(t('manage.lists.done.added', { name: created.name ?? name, list }));
  };
  return (
    <form
      className="add-item-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('manage.lists.addTo', { list })}
    >
      <div className="add-item-fields">
        <TextField {...save.field('name')} value={name} onChange={setName} className="name-field" />
        {kind === 'stage' && <WeightField {...save.field('weight')} value={weight} onChange={setWeight} />}
        <button type="submit" disabled={save.saving}>
          {t('manage.lists.add')}
        </button>
      </div>
      <ErrorSummary message={save.error?.summary} />
    </form>
  );
}

interface DialogProps {
  item: CatalogItem;
  onClose(): void;
  onDone(message: string): void;
}

function RenameDialog({ item, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const current = session.label(item);
  const [name, setName] = useState(current);
  const [weight, setWeight] = useState(String(item.weight));
  const save = useSave('catalog.update');
  const submit = async () => {
    const saved = await save.run({ id: item.id, name, ...(item.kind === 'stage' ? { weight: toWeight(weight) } : {}) });
    if (saved) onDone(t('manage.lists.done.renamed', { name: saved.name ?? name }));
  };
  return (
    <FormDialog
      title={t('manage.lists.renameTitle', { name: current })}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        {...save.field('name')}
        value={name}
        onChange={setName}
        hint={item.name === null ? t('manage.lists.renameDefaultHint') : undefined}
        autoFocus
      />
      {item.kind === 'stage' && <WeightField {...save.field('weight')} value={weight} onChange={setWeight} />}
    </FormDialog>
  );
}

function rhythmText(t: TFunction, weeks: number | null): string {
  return weeks === null
    ? t('manage.lists.rhythmDefault', { weeks: DEFAULT_RESCORE_WEEKS })
    : t('manage.lists.rhythmEvery', { count: weeks });
}

/** How often clients of a target group are scored again: it sets when a scoring is due and what coverage counts. */
function RhythmDialog({ item, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.label(item);
  const [weeks, setWeeks] = useState(item.rescoreWeeks === null ? '' : String(item.rescoreWeeks));
  // catalog.update needs the name; target groups have no shipped names, so sending the shown one changes nothing.
  const save = useSave('catalog.update');
  const submit = async () => {
    const saved = await save.run({ id: item.id, name, rescoreWeeks: toWeeks(weeks) });
    if (!saved) return;
    onDone(
      saved.rescoreWeeks === null
        ? t('manage.lists.done.rhythmDefault', { name, weeks: DEFAULT_RESCORE_WEEKS })
        : t('manage.lists.done.rhythm', { name, count: saved.rescoreWeeks }),
    );
  };
  return (
    <FormDialog title={t('manage.lists.rhythmTitle', { name })} save={save} onClose={onClose} onSubmit={submit}>
      <TextField
        {...save.field('rescoreWeeks')}
        type="number"
        step="1"
        value={weeks}
        onChange={setWeeks}
        hint={t('manage.lists.rhythmHint', { weeks: DEFAULT_RESCORE_WEEKS })}
        autoFocus
      />
    </FormDialog>
  );
}

function RemoveDialog({ item, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.label(item);
  const save = useSave('catalog.remove');
  const submit = async () => {
    if (await save.run({ id: item.id })) onDone(t('manage.lists.done.removed', { name }));
  };
  return (
    <FormDialog
      title={t('manage.lists.removeTitle', { name })}
      submitLabel={t('manage.lists.remove')}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <p>{t('manage.lists.removeHint', { name })}</p>
    </FormDialog>
  );
}
