/**
 * How the tree writes numbers: durations as the waterfall writes them, counts with thousands separators. The one
 * place the context tree names the waterfall's time format, so a move of that file is a one-line change here.
 */
export { formatCount } from '../../lib/format-count';
export { formatDuration } from '../time-format';
