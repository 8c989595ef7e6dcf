/**
 * The attribute ("tag") names the commute puts on its spans. OpenTelemetry has no conventions for commuting, so
 * these are our own, namespaced the way semantic conventions are: `commute.*` on the whole journey, `transit.*`,
 * `leg.*` and `delay.*` on each leg, and a plain `weather` on both, as a tag someone added without a schema.
 * Views read them by these names to group traces, so they live in one place.
 */
export const COMMUTE_ATTR = {
  /** Root: "Riverside", "Crosstown", "Cycle path" or "Ring road". */
  route: 'commute.route',
  /** Root: "Monday", ... */
  day: 'commute.day',
  /** Root: who travelled, "c007". */
  commuter: 'commute.commuter',
  /** Root: clock times, "08:04". */
  departure: 'commute.departure',
  arrival: 'commute.arrival',
  due: 'commute.due',
  /** Root: arrived after the time due (boolean), and by how many whole minutes (0 when on time). */
  late: 'commute.late',
  minutesLate: 'commute.minutes_late',
  /** Root: minutes lost to delays on all legs; each leg: minutes lost on it. */
  delayMinutes: 'delay.minutes',
  /** Each leg: "none", "traffic", "rain", "signal failure", "puncture". */
  delayCause: 'delay.cause',
  /** Root: at departure; each leg: when it began. "sunny", "cloudy" or "rain". */
  weather: 'weather',
  /** Each leg: "walk", "cycle", "drive", "bus", "train", "tram". */
  mode: 'transit.mode',
  /** Bus, train and tram legs: "12", "Orange", "4". */
  line: 'transit.line',
  from: 'leg.from',
  to: 'leg.to',
  /** Public transport legs: minutes spent waiting at the stop before boarding. */
  waitMinutes: 'leg.wait_minutes',
} as const;

/** The root span's name: one trace per journey to work. */
export const COMMUTE_SPAN = 'go to work';
