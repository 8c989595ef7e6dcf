// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './exercise.css';
import type { DemoRegistration } from '../demo';
import { createExerciseDemo } from './exercise-demo';

/** `<div data-demo="exercise" data-exercise="name">`: one chapter's checked exercise (names in exercises.ts). */
export const registration: DemoRegistration = { name: 'exercise', create: createExerciseDemo };
