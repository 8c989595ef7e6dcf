/**
 * Where a SQL slide's live spans come from, beside its seeded dataset: the matchmaker under steady traffic (a
 * toggle), the next morning's commuters, or one more load of the bootcamp's home feed. Each runs in the demo's
 * world, so its spans reach the world's store and, from there, the table.
 */
import { createBootcamp } from '../../sim/bootcamp';
import { createCommuteCity } from '../../sim/commute';
import { createMatchmaker } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import { createTrafficGenerator } from '../../sim/traffic';
import type { LiveWorld } from '../live-world';
import type { DatasetName } from './datasets';

export interface LiveSource {
  /** The button's words now, and whether it is a pressed toggle (undefined: a plain button). */
  readonly label: string;
  readonly pressed: boolean | undefined;
  /** Press the button: start or stop the traffic, or send one more batch. */
  press(): void;
  stop(): void;
}

const TRAFFIC_RATE = 5;
const COMMUTERS = 200;

/** How fast each source's world runs: commuting minutes go by at 600× (a morning in about 8 s). */
export const LIVE_SPEED: Readonly<Record<DatasetName, number>> = { matchmaker: 1, commute: 600, bootcamp: 1 };

export function createLiveSource(dataset: DatasetName, world: LiveWorld, onChange: () => void): LiveSource {
  const { clock, telemetry } = world;
  const random = world.random.fork('live');
  if (dataset === 'matchmaker') {
    const matchmaker = createMatchmaker({ clock, random: random.fork('system'), tracerFor: telemetry.tracerFor });
    const traffic = createTrafficGenerator({ clock, random: random.fork('traffic'), routes: matchmakerTraffic(matchmaker), ratePerSecond: TRAFFIC_RATE });
    let on = false;
    return {
      get label() {
        return on ? 'Stop live traffic' : 'Add live traffic';
      },
      get pressed() {
        return on;
      },
      press() {
        on = !on;
        world.sync();
        if (on) traffic.start();
        else traffic.stop();
        onChange();
      },
      stop() {
        traffic.dispose();
        matchmaker.stop();
      },
    };
  }
  if (dataset === 'commute') {
    const city = createCommuteCity({ clock, random: random.fork('city'), tracerFor: telemetry.tracerFor });
    let running = false;
    return {
      get label() {
        return running ? 'Commuters on their way…' : 'Add a morning of commuters';
      },
      pressed: undefined,
      press() {
        if (running) return;
        running = true;
        world.sync();
        void city.runMorning(COMMUTERS).arrived.then(() => {
          running = false;
          onChange();
        });
        onChange();
      },
      stop: () => undefined,
    };
  }
  const bootcamp = createBootcamp({ clock, random: random.fork('system'), tracerFor: telemetry.tracerFor });
  return {
    label: 'Load the home feed',
    pressed: undefined,
    press() {
      world.sync();
      void bootcamp.loadHome().then(onChange);
    },
    stop: () => bootcamp.stop(),
  };
}
