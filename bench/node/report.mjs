/**
 * Turns the raw results into the figures of the table: each with its value, the target it is held to (if any) and
 * whether it meets it. No timing is asserted anywhere: the verdicts are printed, never turned into a failure.
 */

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const kb = (bytes) => `${fmt(bytes / 1024)} KB`;
const mb = (bytes) => `${fmt(bytes / 1024 / 1024, 2)} MB`;
const verdict = (ok) => (ok === undefined ? '' : ok ? 'meets' : 'misses');

/** Figures from whatever benchmarks ran (each part of `r` may be missing). */
export function buildFigures(r) {
  const rows = [];
  const add = (group, figure, value, target = '', ok = undefined) => rows.push({ group, figure, value, target, verdict: verdict(ok) });

  if (r.spanCost) {
    const s = r.spanCost;
    const g = '1 span cost';
    const views = (label, v) => {
      add(g, label, `${fmt(v.usPerSpan, 2)} µs/span`);
      add(g, `     of which folding into the service graph and the CCT`, `${fmt(v.foldUsPerSpan, 2)} µs/span`);
      add(g, `     of which Gantt chart (${fmt(v.waterfallRedrawsPerBatch, 0)} redraws per ${s.spansPerBatch} spans)`, `${fmt(v.waterfallUsPerSpan, 2)} µs/span`);
      add(g, '     of which service map (a frame per 17 spans)', `${fmt(v.mapUsPerSpan, 2)} µs/span`);
      add(g, `     of which context tree (${fmt(v.treeRedrawsPerBatch, 0)} redraws)`, `${fmt(v.treeUsPerSpan, 2)} µs/span`);
    };
    add(g, 'A  SDK alone, no-op processor', `${fmt(s.sdkUsPerSpan, 2)} µs/span`);
    views('B  deck, Gantt chart + map + CCT live (Gantt follows traffic)', s.allViews);
    add(
      g,
      `B / A (p10–p90 of ${s.rounds} rounds: ${fmt(s.allViews.ratioP10, 2)}–${fmt(s.allViews.ratioP90, 2)})`,
      `${fmt(s.allViews.ratio, 2)}×`,
      '≤ 1.5×',
      s.allViews.ratio <= 1.5,
    );
    views('B2 as B, the Gantt chart on every new trace (worst case)', s.allViewsEachRequest);
    add(
      g,
      `B2 / A (p10–p90: ${fmt(s.allViewsEachRequest.ratioP10, 2)}–${fmt(s.allViewsEachRequest.ratioP90, 2)})`,
      `${fmt(s.allViewsEachRequest.ratio, 2)}×`,
    );
    add(g, 'W  deck, the console\'s waterfall alone (every new trace)', `${fmt(s.waterfallUsPerSpan, 2)} µs/span`);
    add(g, '     of which live-view redraws (1 per 17 spans)', `${fmt(s.liveViewUsPerSpan, 2)} µs/span`);
    add(g, 'W / A', `${fmt(s.waterfallRatio, 2)}×`);
    add(g, 'C  deck pipeline without any view', `${fmt(s.storeOnlyUsPerSpan, 2)} µs/span`);
    add(g, 'C / A', `${fmt(s.storeOnlyRatio, 2)}×`);
  }

  if (r.waterfall) {
    const { sizes, scroll } = r.waterfall;
    for (const s of sizes) {
      const target = s.spans === 10_000 ? '≤ 200 ms' : s.spans === 50_000 ? '≤ 1000 ms (usable)' : '';
      const ok = s.spans === 10_000 ? s.firstFrameMs <= 200 : s.spans === 50_000 ? s.firstFrameMs <= 1000 : undefined;
      add(
        '2 waterfall',
        `${s.spans.toLocaleString('en')} spans: data → first frame (model ${fmt(s.modelMs)} + setModel ${fmt(s.setModelMs)} ms)`,
        `${fmt(s.firstFrameMs)} ms`,
        target,
        ok,
      );
    }
    for (const s of sizes) add('2 waterfall', `${s.spans.toLocaleString('en')} spans: per 1k spans`, `${fmt(s.msPer1kSpans, 2)} ms`);
    const at = (n) => sizes.find((s) => s.spans === n);
    if (at(10_000) && at(50_000)) {
      const growth = at(50_000).firstFrameMs / at(10_000).firstFrameMs;
      add('2 waterfall', 'growth 10k → 50k spans (5× the spans)', `${fmt(growth, 2)}×`, '≤ 5× (linear)', growth <= 5);
    }
    const largest = sizes[sizes.length - 1];
    add('2 waterfall', `row elements drawn for ${largest.spans.toLocaleString('en')} spans`, `${largest.rowsInDom}`, '≤ 60 (virtualized)', largest.rowsInDom <= 60);
    add(
      '2 waterfall',
      `scroll frame, ${scroll.spans.toLocaleString('en')} spans (p50; p95 ${fmt(scroll.p95Ms)}, max ${fmt(scroll.maxMs)})`,
      `${fmt(scroll.p50Ms)} ms`,
      'p95 ≤ 50 ms (usable)',
      scroll.p95Ms <= 50,
    );
  }

  if (r.streaming?.runs?.length) {
    const runs = r.streaming.runs;
    const m = (k) => median(runs.map((x) => x[k]));
    add('3 streaming', `load reached (${runs.length} runs × ${runs[0].seconds} s)`, `${fmt(m('spansPerSecond'), 0)} spans/s`, '≈ 1000 spans/s', m('spansPerSecond') >= 900);
    add('3 streaming', 'frame p50', `${fmt(m('frameP50Ms'))} ms`);
    add('3 streaming', 'frame p95', `${fmt(m('frameP95Ms'))} ms`, '≤ 20 ms', m('frameP95Ms') <= 20);
    add('3 streaming', 'frame max (worst run)', `${fmt(Math.max(...runs.map((x) => x.frameMaxMs)))} ms`);
    const longTasks = runs.reduce((a, x) => a + x.longTasks, 0);
    const longMax = Math.max(...runs.map((x) => x.longTaskMaxMs));
    add('3 streaming', 'long tasks, all runs (count; longest)', `${longTasks}; ${fmt(longMax)} ms`, 'none over 50 ms', longTasks === 0);
    add('3 streaming', 'redraw (model + setModel), mean', `${fmt(m('redrawMeanMs'), 2)} ms`);
    add('3 streaming', 'simulated time per wall time (driver, unclamped timers)', `${fmt(m('virtualPerWall'), 2)}`);
    if (r.streaming.browserTimers) {
      const p = r.streaming.browserTimers;
      add('3 streaming', `driver with the browser's own timers (${p.seconds} s probe)`, `${fmt(p.spansPerSecond, 0)} spans/s, ${fmt(p.virtualPerWall, 2)}× time`);
    }
  }
  if (r.streaming?.allViews?.length) {
    const runs = r.streaming.allViews;
    const m = (k) => median(runs.map((x) => x[k]));
    const g = '3 streaming, all views';
    add(g, `Gantt chart + map + CCT live: load reached (${runs.length} runs × ${runs[0].seconds} s)`, `${fmt(m('spansPerSecond'), 0)} spans/s`, '≈ 1000 spans/s', m('spansPerSecond') >= 900);
    add(g, 'frame p50', `${fmt(m('frameP50Ms'))} ms`);
    add(g, 'frame p95', `${fmt(m('frameP95Ms'))} ms`, '≤ 20 ms', m('frameP95Ms') <= 20);
    add(g, 'frame max (worst run)', `${fmt(Math.max(...runs.map((x) => x.frameMaxMs)))} ms`);
    const longTasks = runs.reduce((a, x) => a + x.longTasks, 0);
    const longMax = Math.max(...runs.map((x) => x.longTaskMaxMs));
    add(g, 'long tasks, all runs (count; longest)', `${longTasks}; ${fmt(longMax)} ms`, 'none over 50 ms', longTasks === 0);
    add(g, 'views\' work per frame, mean', `${fmt(m('redrawMeanMs'), 2)} ms`);
  }

  if (r.size) {
    const s = r.size;
    add('4 size', `JS before the first slide (${s.criticalJs.files.length} file, gzip)`, kb(s.criticalJs.gzip), '≤ 200 KB', s.criticalJs.gzip <= 200 * 1024);
    add('4 size', 'CSS before the first slide (gzip)', kb(s.criticalCss.gzip));
    add('4 size', 'index.html with the slides (gzip)', kb(s.html.gzip));
    add('4 size', `loaded later: ${s.later.files} JS/CSS files (gzip)`, kb(s.later.gzip));
    add('4 size', `  mermaid on first diagram: ${s.mermaidFirstUse.files} files (gzip)`, kb(s.mermaidFirstUse.gzip), 'not on the critical path', !s.mermaidFirstUse.onCriticalPath);
    add('4 size', `total build, ${s.total.files} files without .map (raw; gzip)`, `${mb(s.total.bytes)}; ${mb(s.total.gzip)}`);
    if (r.load?.samples?.length) {
      // At run time: the scripts the deck asked for before reveal marked the first slide ready (first run).
      const { scriptsBeforeReady: early, readyMs } = r.load.samples[0];
      const gzipOf = (list) => list.reduce((a, f) => a + (f.gzip ?? s.gzipByName[f.name] ?? 0), 0);
      const loaded = early.filter((f) => f.endMs <= readyMs);
      add('4 size', `JS fetched before the slide showed, at run time (${loaded.length} files, gzip)`, kb(gzipOf(loaded)), '≤ 200 KB', gzipOf(loaded) <= 200 * 1024);
      const mermaid = early.find((f) => /^mermaid\.core-/.test(f.name));
      if (mermaid) {
        add(
          '4 size',
          `  requested before it showed (${early.length} files, gzip; mermaid asked at ${fmt(mermaid.startMs - readyMs, 0)} ms)`,
          kb(gzipOf(early)),
          'mermaid when a slide needs it',
          false,
        );
      }
    }
  }

  if (r.memory?.runs?.length) {
    const runs = r.memory.runs;
    const m = (k) => median(runs.map((x) => x[k]));
    add('5 memory', 'JS heap, page with the bench loaded', mb(m('baseline')));
    add('5 memory', `JS heap after 1 simulated minute (${fmt(runs[0].step1.requestsSent, 0)} requests)`, mb(m('heap1')));
    add('5 memory', `JS heap after 30 simulated minutes (${fmt(runs[0].step30.requestsSent, 0)} requests)`, mb(m('heap30')));
    add('5 memory', `30 min / 1 min (${runs.length} runs)`, `${fmt(m('ratio'), 3)}×`, '≤ 1.2×', m('ratio') <= 1.2);
    add('5 memory', '  growth over the 29 minutes', mb(m('heap30') - m('heap1')));
    add('5 memory', 'store at the end (spans; traces)', `${runs[0].step30.storeSpans}; ${runs[0].step30.storeTraces}`);
  }
  if (r.memory?.allViews?.length) {
    const runs = r.memory.allViews;
    const m = (k) => median(runs.map((x) => x[k]));
    const g = '5 memory, all views';
    add(g, `Gantt chart + map + CCT, 20 req/s: heap after 1 simulated minute (${fmt(runs[0].step1.requestsSent, 0)} requests)`, mb(m('heap1')));
    add(g, `heap after 30 simulated minutes (${fmt(runs[0].step30.requestsSent, 0)} requests)`, mb(m('heap30')));
    add(g, `30 min / 1 min (${runs.length} runs)`, `${fmt(m('ratio'), 3)}×`, '≤ 1.2×', m('ratio') <= 1.2);
    add(g, '  wall time to simulate the 30 minutes', `${fmt(median(runs.map((x) => x.step30.wallMs)) / 1000, 0)} s`);
  }

  if (r.analysis) {
    const a = r.analysis;
    const k = (n) => n.toLocaleString('en');
    add(
      '7 analysis',
      `${k(a.spans)} spans (${k(a.requests)} requests) into the service graph and the CCT (${a.runs} runs)`,
      `${fmt(a.foldBothMs)} ms`,
      '≤ 300 ms',
      a.foldBothMs <= 300,
    );
    add('7 analysis', '  of which the service graph alone', `${fmt(a.foldGraphMs)} ms`);
    add('7 analysis', '  of which the calling context tree alone', `${fmt(a.foldTreeMs)} ms`);
    add('7 analysis', `critical path of a ${k(a.bigTraceSpans)}-span trace`, `${fmt(a.bigTraceMs)} ms`, '≤ 50 ms', a.bigTraceMs <= 50);
    add('7 analysis', '  for scale: buildTraceModel of the same trace', `${fmt(a.bigTraceModelMs)} ms`);
    add('7 analysis', `critical path of a ${a.smallTraceSpans}-span trace (median of batches)`, `${fmt(a.smallTraceUs, 2)} µs`, '≤ 20 µs', a.smallTraceUs <= 20);
  }

  if (r.sampling) {
    const a = r.sampling;
    add('8 sampling', `tail decision per trace, default policy set (${a.traces.toLocaleString('en')} traces of 12 spans)`, `${fmt(a.decisionUs, 2)} µs`, '≤ 5 µs', a.decisionUs <= 5);
    add('8 sampling', '  share of traces kept', `${fmt(a.sampledShare * 100, 1)}%`);
    add('8 sampling', 'span sampled out at the head (ParentBased(AlwaysOff))', `${fmt(a.sampledOutUs, 2)} µs`);
    add('8 sampling', 'span recorded into the store', `${fmt(a.recordedUs, 2)} µs`);
    add('8 sampling', '  sampled out / recorded', `${fmt(a.ratio, 3)}×`, '≤ 0.3×', a.ratio <= 0.3);
    if (a.sdkRecordedUs !== undefined) {
      add('8 sampling', '  for scale: recorded by the SDK alone (no processor); sampled out / that', `${fmt(a.sdkRecordedUs, 2)} µs; ${fmt(a.sdkRatio, 3)}×`);
    }
    const b = a.tailBuffer;
    if (b) {
      add(
        '8 sampling',
        `tail sampler full (${b.heldAtStart.toLocaleString('en')} traces held, ${b.waitingSpansAtStart.toLocaleString('en')} spans waiting), ${b.spansPerSecond.toLocaleString('en')} spans/s: frame p95`,
        `${fmt(b.frameP95Ms, 1)} ms`,
        '≤ 20 ms',
        b.frameP95Ms <= 20 && b.heldAtStart >= 50_000,
      );
      add('8 sampling', `  frame p50; max; the frames' own work, mean; max (${b.frames} frames in ${b.seconds} s)`, `${fmt(b.frameP50Ms, 1)}; ${fmt(b.frameMaxMs, 1)}; ${fmt(b.workMeanMs, 2)}; ${fmt(b.workMaxMs, 1)} ms`);
      add('8 sampling', '  long tasks (count; longest); decisions and evictions during the frames', `${b.longTasks}; ${fmt(b.longTaskMaxMs, 0)} ms; ${b.decisionsDuring.toLocaleString('en')}; ${b.evictedDuring.toLocaleString('en')}`);
      add('8 sampling', '  filling it: 600 simulated seconds, 50,000 traces', `${fmt(b.fillMs, 0)} ms`);
    }
  }

  if (r.traceFiles) {
    const f = r.traceFiles;
    const g = '10 trace files';
    const k = (n) => n.toLocaleString('en');
    add(g, `${k(f.fileSpans)}-span OTLP/JSON file (${fmt(f.fileMB, 0)} MB) to its first drawn frame (${f.runs} runs)`, `${fmt(f.firstFrameMs, 0)} ms`, '≤ 2,000 ms', f.firstFrameMs <= 2000);
    add(g, '  of which read, laid out in the worker, handed over as columns', `${fmt(f.readMs, 0)} ms`);
    add(g, "  of which the waterfall's setModel", `${fmt(f.setModelMs, 0)} ms`);
    add(g, 'longest main-thread block while it loads', `${fmt(f.longestBlockMs, 0)} ms`, '≤ 100 ms', f.longestBlockMs <= 100);
    add(g, 'scrolling it: frame p95', `${fmt(f.scrollP95Ms)} ms`, '≤ 20 ms', f.scrollP95Ms <= 20);
    add(g, `export a ${k(f.exportSpans)}-span trace to OTLP/JSON`, `${fmt(f.exportMs, 0)} ms`, '≤ 200 ms', f.exportMs <= 200);
  }

  if (r.sql) {
    const q = r.sql;
    const k = (n) => n.toLocaleString('en');
    add('9 sql', 'SQLite first load in the page (import, wasm, bootstrap)', `${fmt(q.initMs, 0)} ms`);
    add('9 sql', `load ${k(q.spans)} spans into the table (${q.runs} runs; ${k(q.rowsLoaded ?? 0)} rows)`, `${fmt(q.loadMs, 0)} ms`, '≤ 1,500 ms', q.loadMs <= 1500);
    add('9 sql', `GROUP BY service and operation over them (${q.groupByRows} groups)`, `${fmt(q.groupByMs)} ms`, '≤ 100 ms', q.groupByMs <= 100);
    add('9 sql', `  for scale: GROUP BY a JSON attribute (${q.jsonGroupByRows} groups)`, `${fmt(q.jsonGroupByMs)} ms`);
    if (q.slides) {
      const s = q.slides;
      add('9 sql', 'wasm fetched before the SQL slide; on it', `${s.wasmBeforeSqlSlide}; ${s.wasmOnSqlSlide}`, '0; 1', s.wasmBeforeSqlSlide === 0 && s.wasmOnSqlSlide === 1);
    }
  }

  if (r.load?.samples?.length) {
    const s = r.load.samples;
    const m = (k) => median(s.map((x) => x[k]));
    add('6 load', `first contentful paint (${s.length} runs, cold cache)`, `${fmt(m('fcpMs'), 0)} ms`);
    add('6 load', 'first slide shown (.reveal.ready)', `${fmt(m('readyMs'), 0)} ms`);
    add('6 load', 'interactive (no long task for 500 ms after)', `${fmt(m('ttiMs'), 0)} ms`);
    add('6 load', 'long tasks during load', `${fmt(m('longTasks'), 0)}`);
  }
  if (r.lighthouse) {
    const l = r.lighthouse;
    if (l.error) add('6 load', 'Lighthouse', `failed: ${l.error}`);
    else {
      add('6 load', `Lighthouse ${l.version} (${l.preset}): performance`, `${l.performance}`);
      add('6 load', 'Lighthouse: accessibility', `${l.accessibility}`);
      add('6 load', 'Lighthouse: best practices', `${l.bestPractices}`);
      add('6 load', 'Lighthouse: FCP; LCP; TTI; TBT', `${fmt(l.fcpMs, 0)}; ${fmt(l.lcpMs, 0)}; ${fmt(l.ttiMs, 0)}; ${fmt(l.tbtMs, 0)} ms`);
    }
  }
  return rows;
}

export function formatTable(rows) {
  const head = { group: 'benchmark', figure: 'figure', value: 'value', target: 'target', verdict: 'result' };
  const cols = Object.keys(head);
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => String(r[c]).length))]));
  const line = (r) => cols.map((c) => String(r[c]).padEnd(width[c])).join('  ').trimEnd();
  const rule = cols.map((c) => '─'.repeat(width[c])).join('  ');
  const out = [line(head), rule];
  let group = '';
  for (const r of rows) {
    out.push(line({ ...r, group: r.group === group ? '' : r.group }));
    group = r.group;
  }
  return out.join('\n');
}
