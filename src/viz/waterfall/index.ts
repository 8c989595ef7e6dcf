/**
 * The waterfall, from outside its folder: mount one with `createWaterfall` and feed it trace models. Everything else
 * in this folder is its inside (layout, state, rows, panels) and is imported by path only by its own modules.
 */
export { createWaterfall, type WaterfallView } from './waterfall-view';
