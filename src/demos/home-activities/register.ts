// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './home-activities.css';
import type { DemoRegistration } from '../demo';
import { createHomeActivitiesDemo } from './home-activities-demo';

/**
 * `<div data-demo="home-activities" data-view="trace|otlp|query|logs">`: the bootcamp's backend-flask, its manual
 * span, the OTLP request its exporter would send, the COUNT query and logs beside traces.
 */
export const registration: DemoRegistration = { name: 'home-activities', create: createHomeActivitiesDemo };
