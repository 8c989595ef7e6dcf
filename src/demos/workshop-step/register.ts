import './workshop-step.css';
import type { DemoRegistration } from '../demo';
import { createWorkshopStepDemo } from './step-demo';

/** `<div data-demo="workshop-step" data-step="3">`: the matchmaker at one step of the workshop. */
export const registration: DemoRegistration = { name: 'workshop-step', create: createWorkshopStepDemo };
