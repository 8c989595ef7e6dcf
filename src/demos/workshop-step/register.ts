// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './workshop-step.css';
import type { DemoRegistration } from '../demo';
import { createWorkshopStepDemo } from './step-demo';

/** `<div data-demo="workshop-step" data-step="3">`: the matchmaker at one step of the workshop. */
export const registration: DemoRegistration = { name: 'workshop-step', create: createWorkshopStepDemo };
