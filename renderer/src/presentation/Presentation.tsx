import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow, Progression } from '../../../common/contract';
import { type Move, moveForKey, position, step } from '../../../common/contract/presentation';
import { describeChart, useChartLabels, withoutNoteText } from '../charts/labels';
import type { SizedOption } from '../charts/EChart';
import { LazyEChart } from '../charts/LazyEChart';
import { PROJECTOR, progressionOption } from '../charts/options';
import { formatDate } from '../format';
import { useSession } from '../session';
import { DataTable } from '../ui/DataTable';
import { Loading } from '../ui/Loading';
import { remote } from '../query';

/** Presenting in the Koers window itself: the slide full screen, stepping kept here. */
export function Presentation({
  clients,
  showNames,
  onLeave,
}: {
  clients: readonly CaseloadRow[];
  showNames: boolean;
  onLeave(): void;
}) {
  const [index, setIndex] = useState(0);
  return (
    <Slide
      clients={clients}
      index={index}
      showNames={showNames}
      fullScreen
      onMove={(move) => setIndex((current) => step(current, clients.length, move))}
      onLeave={onLeave}
    />
  );
}

/** Arrow keys, Page Up/Down (clickers), Home/End and Esc, wherever focus is in the window. */
export function usePresenterKeys(onMove: (move: Move) => void, onLeave: () => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const move = moveForKey(event.key);
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (move === 'leave') onLeave();
    else onMove(move);
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export interface SlideProps {
  clients: readonly CaseloadRow[];
  index: number;
  showNames: boolean;
  /** In the Koers window: ask for full screen. A presentation window is full screen already. */
  fullScreen: boolean;
  onMove(move: Move): void;
  /** `onLeave` must be stable (useCallback): the full-screen session lives as long as it does. */
  onLeave(): void;
}

/**
 * One client on the meeting screen: dark, large, still. Only the pseudonym (or, when
 * chosen, the name), target group, stage and progression: nothing that identifies the
 * client to the room beyond what was chosen, and never note text.
 */
export function Slide({ clients, index, showNames, fullScreen, onMove, onLeave }: SlideProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const count = clients.length;
  const client = clients[Math.min(index, count - 1)];
  const at = position(index, count);
  usePresenterKeys(onMove, onLeave);

  // Full screen (when asked) and the dark theme for as long as the slide is open.
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('presenting');
    let entered = false;
    const onFullscreen = () => {
      if (document.fullscreenElement) entered = true;
      // Esc in full screen is taken by the browser: leaving full screen leaves the presentation.
      else if (entered) onLeave();
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    if (fullScreen && document.fullscreenEnabled) root.requestFullscreen().catch(() => undefined);
    headingRef.current?.focus();
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      root.classList.remove('presenting');
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [onLeave, fullScreen]);

  // The window title is seen on the shared screen too: never a name in it.
  const pseudonym = client?.pseudonym ?? '';
  const appName = t('app.name');
  useEffect(() => {
    const before = document.title;
    document.title = showNames ? appName : pseudonym;
    return () => {
      document.title = before;
    };
  }, [showNames, pseudonym, appName]);

  if (!client) return null;
  return (
    <section className="presentation" aria-labelledby={headingId}>
      <div className="presentation-top">
        <p className="presentation-position" aria-live="polite" aria-atomic="true">
          {t('presentation.position', { current: at.current, total: at.total })}
        </p>
        <h1 id={headingId} ref={headingRef} tabIndex={-1}>
          {showNames ? `${client.firstName} ${client.lastName}` : client.pseudonym}
        </h1>
        <ClientFacts client={client} />
      </div>
      <ProgressionSummary key={client.id} clientId={client.id} />
      <div className="presentation-bottom">
        <div className="presentation-buttons">
          <button type="button" onClick={() => onMove('previous')} disabled={index === 0}>
            {t('presentation.previous')}
          </button>
          <button type="button" onClick={() => onMove('next')} disabled={index >= count - 1}>
            {t('presentation.next')}
          </button>
          <button type="button" onClick={onLeave}>
            {t('presentation.leave')}
          </button>
        </div>
        <p className="presentation-keys">{t('presentation.keys')}</p>
      </div>
    </section>
  );
}

function ClientFacts({ client }: { client: CaseloadRow }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <dl className="presentation-facts">
      <dt>{t('presentation.targetGroup')}</dt>
      <dd>{session.labelOf(client.targetGroupId) || t('presentation.none')}</dd>
      <dt>{t('presentation.stage')}</dt>
      <dd>{session.labelOf(client.stageId) || t('presentation.none')}</dd>
    </dl>
  );
}

function ProgressionSummary({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const titleId = useId();
  const progression = useQuery(remote('charts.progression', { clientId }));
  const data = progression.data;
  const { first, latest } = data?.radar ?? {};
  return (
    <section className="presentation-progression" aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        {t('presentation.progression')}
      </h2>
      {!data ? (
        <Loading of={progression} />
      ) : data.series.length === 0 || data.indicators.length === 0 ? (
        <p>{t('presentation.noScorings')}</p>
      ) : (
        <>
          {/* Scored once: that scoring is where the client starts, not "nothing yet". */}
          {first && !latest && (
            <p className="presentation-baseline">
              {t('charts.baselineNote', { date: formatDate(first.date, language) })}
            </p>
          )}
          <Figures progression={data} />
        </>
      )}
    </section>
  );
}

/**
 * How the table makes room, tried in turn until nothing is cut off: level names beside
 * the numbers; the numbers only (the names stay for screen readers); the numbers with a
 * wider table and a narrower chart.
 */
const FITS = ['presentation-figures', 'presentation-figures is-compact', 'presentation-figures is-compact is-wide'];

/**
 * Chart and table side by side, filling what the screen leaves between the top line and
 * the buttons: every indicator stays on the slide, in type the room can read.
 */
function Figures({ progression }: { progression: Progression }) {
  const box = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(0);
  // Bumped whenever a size changes, so that the check below runs again.
  const [looked, setLooked] = useState(0);
  useEffect(() => {
    const outer = box.current;
    const inner = table.current;
    if (!outer || !inner) return;
    let width = -1;
    let height = -1;
    const observer = new ResizeObserver(() => {
      // Another screen (or window size): from the first way again.
      if (outer.clientWidth !== width || outer.clientHeight !== height) {
        width = outer.clientWidth;
        height = outer.clientHeight;
        setFit(0);
      }
      setLooked((n) => n + 1);
    });
    observer.observe(outer);
    // The table's own size changes as its text wraps differently.
    for (const child of inner.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  // The next way while the table is cut off.
  useLayoutEffect(() => {
    const inner = table.current;
    if (!inner || fit >= FITS.length - 1) return;
    if (inner.scrollHeight > inner.clientHeight + 1 || inner.scrollWidth > inner.clientWidth + 1) setFit(fit + 1);
  }, [fit, looked]);
  return (
    <div ref={box} className={FITS[fit]}>
      <SlideChart progression={progression} />
      <div ref={table} className="presentation-table">
        <ProgressionTable progression={progression} compact={fit > 0} />
      </div>
    </div>
  );
}

/** The progression chart in the projector theme, its type the slide's; milestones without their (note) text. */
function SlideChart({ progression }: { progression: Progression }) {
  const { t } = useTranslation();
  const labels = useChartLabels();
  const shown = useMemo(() => withoutNoteText(progression, t), [progression, t]);
  const keys = useMemo(() => shown.indicators.map((i) => i.key), [shown]);
  const option = useMemo<SizedOption>(
    () => (box) => progressionOption(shown, keys, labels, PROJECTOR, box),
    [shown, keys, labels],
  );
  return (
    <LazyEChart className="presentation-chart" option={option} label={describeChart(t, shown, keys, false, labels)} />
  );
}

type Indicator = Progression['indicators'][number];

/** First, latest and goal per indicator; a client scored once has a baseline and a goal. */
function ProgressionTable({ progression, compact }: { progression: Progression; compact: boolean }) {
  const { t } = useTranslation();
  const { first, latest } = progression.radar;
  // Compact: a dash the room sees, the words for screen readers.
  const none = (text: string) =>
    compact ? (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{text}</span>
      </>
    ) : (
      text
    );
  const level = (indicator: Indicator, value: number | null | undefined) => {
    if (value === null || value === undefined) return none(t('presentation.notScored'));
    const label = indicator.levels.find((l) => l.value === value)?.label;
    return (
      <>
        <span className="level-number">{value}</span>
        {/* Compact: for screen readers only. */}
        {label && <span className={compact ? 'visually-hidden' : 'level-label'}> {label}</span>}
      </>
    );
  };
  const goal = (indicator: Indicator) => {
    const found = progression.goals.find((g) => g.key === indicator.key);
    return found ? level(indicator, found.target) : none(t('presentation.noGoal'));
  };
  return (
    <DataTable<Indicator>
      label={t('presentation.tableLabel')}
      rows={progression.indicators}
      rowKey={(i) => i.key}
      columns={[
        { key: 'indicator', header: t('presentation.indicator'), cell: (i) => i.name },
        // Self-scores only: no caseworker scoring to start from yet.
        ...(!first
          ? []
          : latest
            ? [
                {
                  key: 'first',
                  header: t('presentation.first'),
                  cell: (i: Indicator) => level(i, first?.values[i.key]),
                },
                {
                  key: 'latest',
                  header: t('presentation.latest'),
                  cell: (i: Indicator) => (
                    <>
                      <span aria-hidden="true">→{'\u00a0'}</span>
                      {level(i, latest.values[i.key])}
                    </>
                  ),
                },
              ]
            : [
                {
                  key: 'baseline',
                  header: t('charts.baseline'),
                  cell: (i: Indicator) => level(i, first?.values[i.key]),
                },
              ]),
        { key: 'goal', header: t('presentation.goal'), cell: goal },
      ]}
    />
  );
}
