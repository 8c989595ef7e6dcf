import '../kit/demo.css';
import './mesh-view.css';
import type { DemoRegistration } from '../demo';
import { createMeshViewDemo } from './mesh-view-demo';

/** `<div data-demo="mesh-view">`: a pairing request as the code traced it, and as sidecar proxies would have. */
export const registration: DemoRegistration = { name: 'mesh-view', create: createMeshViewDemo };
