import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow, Progression } from '../../../common/contract';
import { type Move, moveForKey, position, step } from '../../../common/contract/presentation';
import { describeChart, useChartLabels, withoutNoteText } from '../charts/labels';
import { LazyEChart } from '../charts/LazyEChart';
import { PROJECTOR, progressionOption } from '../charts/options';
import { useSession } from '../session';
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
      <div className="presentation-bar">
        <p className="presentation-position" aria-live="polite" aria-atomic="true">
          {t('presentation.position', { current: at.current, total: at.total })}
        </p>
        <p className="presentation-keys">{t('presentation.keys')}</p>
      </div>
      <h1 id={headingId} ref={headingRef} tabIndex={-1}>
        {showNames ? `${client.firstName} ${client.lastName}` : client.pseudonym}
      </h1>
      <ClientFacts client={client} />
      <ProgressionSummary key={client.id} clientId={client.id} />
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
  const titleId = useId();
  const progression = useQuery(remote('charts.progression', { clientId }));
  const data = progression.data;
  return (
    <section className="presentation-progression" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('presentation.progression')}</h2>
      {!data ? (
        <Loading of={progression} />
      ) : !data.radar.latest || data.indicators.length === 0 ? (
        <p>{t('presentation.noScorings')}</p>
      ) : (
        <div className="presentation-figures">
          <SlideChart progression={data} />
          <ProgressionTable progression={data} />
        </div>
      )}
    </section>
  );
}

/** The progression chart in the projector theme; milestones as lines without their (note) text. */
function SlideChart({ progression }: { progression: Progression }) {
  const { t } = useTranslation();
  const labels = useChartLabels();
  const shown = useMemo(() => withoutNoteText(progression, t), [progression, t]);
  const keys = useMemo(() => shown.indicators.map((i) => i.key), [shown]);
  const option = useMemo(() => progressionOption(shown, keys, labels, PROJECTOR), [shown, keys, labels]);
  return (
    <LazyEChart className="presentation-chart" option={option} label={describeChart(t, shown, keys, false, labels)} />
  );
}

type Indicator = Progression['indicators'][number];

function ProgressionTable({ progression }: { progression: Progression }) {
  const { t } = useTranslation();
  const level = (indicator: Indicator, value: number | null | undefined) => {
    if (value === null || value === undefined) return t('presentation.notScored');
    const label = indicator.levels.find((l) => l.value === value)?.label;
    return label ? t('presentation.level', { value, label }) : String(value);
  };
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('presentation.indicator')}</th>
          <th scope="col">{t('presentation.first')}</th>
          <th scope="col">{t('presentation.latest')}</th>
          <th scope="col">{t('presentation.goal')}</th>
        </tr>
      </thead>
      <tbody>
        {progression.indicators.map((indicator) => {
          const goal = progression.goals.find((g) => g.key === indicator.key);
          return (
            <tr key={indicator.key}>
              <th scope="row">{indicator.name}</th>
              <td>{level(indicator, progression.radar.first?.values[indicator.key])}</td>
              <td>
                <span aria-hidden="true">→ </span>
                {level(indicator, progression.radar.latest?.values[indicator.key])}
              </td>
              <td>{goal ? level(indicator, goal.target) : t('presentation.noGoal')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
