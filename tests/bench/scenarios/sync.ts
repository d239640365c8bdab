import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { countQueued, setCapturing } from '../../../db/queries/outbox';
import type { Koers } from '../../../main/open-koers';
import { tempFolder } from '../../helpers/temp';
import { openBenchApp } from '../bench-app';
import { BENCH_TODAY, dataset } from '../datasets';
import { defineScenario } from '../scenario';

interface State {
  temp: ReturnType<typeof tempFolder>;
  /** A laptop in a team: its writes are captured. */
  inTeam: Koers;
  /** The same laptop alone: nothing captured. */
  alone: Koers;
  clientId: string;
}

/** Saves a note through its handler, as the note editor does. */
async function saveNote(app: Koers, clientId: string, round: number): Promise<void> {
  const saved = await app.dispatch('notes.create', {
    clientId,
    kind: 'conversation',
    notedAt: `${BENCH_TODAY}T09:00`,
    body: `Gesprek over werk en gezondheid, ronde ${round}. Afspraken gemaakt over de volgende stap.`,
  });
  if (!saved.ok) throw new Error(`notes.create: ${JSON.stringify(saved.error)}`);
}

export default [
  /**
   * The cost of change capture on a normal write: a note saved with capture on (the outbox row
   * written by its trigger in the same transaction) against the same save on a copy without.
   * Target: ratio ≤ 1.2.
   */
  defineScenario<State>({
    name: 'sync.outbox.overhead',
    runs: 60,
    warmup: 5,
    async setup() {
      const data = await dataset('M');
      const temp = tempFolder('koers-bench-sync-');
      const open = async (name: string) => {
        const path = join(temp.path, `${name}.sqlite`);
        copyFileSync(data.path, path);
        return openBenchApp(path, temp.path, { caseworkerId: data.caseworkerId });
      };
      const inTeam = await open('team');
      const alone = await open('alone');
      await setCapturing(inTeam.connection.db, true);
      const client = await inTeam.connection.db
        .selectFrom('client')
        .select('id')
        .where('caseworker_id', '=', data.caseworkerId)
        .where('status', '=', 'active')
        .limit(1)
        .executeTakeFirstOrThrow();
      return { temp, inTeam, alone, clientId: client.id };
    },
    run: (state, round) => saveNote(state.inTeam, state.clientId, round),
    baseline: (state, round) => saveNote(state.alone, state.clientId, round),
    report: async ({ inTeam, alone }) => ({
      'queued in team': await countQueued(inTeam.connection.db),
      'queued alone': await countQueued(alone.connection.db),
    }),
    async teardown({ temp, inTeam, alone }) {
      await inTeam.close();
      await alone.close();
      temp.cleanup();
    },
  }),
];
