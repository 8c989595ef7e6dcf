import '../kit/demo.css';
import './gantt.css';
import type { DemoRegistration } from '../demo';
import { createGanttDemo } from './gantt-demo';

/**
 * `<div data-demo="gantt">`: the matchmaker under steady traffic, one trace at a time in the waterfall (the Gantt
 * chart), following the newest or pinned from a list. Not loaded lazily: it needs nothing the first slide's bundle
 * lacks (the waterfall and the traffic generator are there already for the console and the context tree).
 */
export const registration: DemoRegistration = { name: 'gantt', create: createGanttDemo };
