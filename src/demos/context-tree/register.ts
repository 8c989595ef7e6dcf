import '../kit/demo.css';
import '../../viz/context-tree/context-tree.css';
import './context-tree.css';
import type { DemoRegistration } from '../demo';
import { createContextTreeDemo } from './context-tree-demo';

/** `<div data-demo="context-tree">`: the matchmaker under steady traffic, its spans merged into a calling context tree. */
export const registration: DemoRegistration = { name: 'context-tree', create: createContextTreeDemo };
