/**
 * Code on the slides, cut from the deck's own source at build time, so a slide always shows the code that makes
 * what its demo shows. A region is marked in a source file with a line `// #region name` and closed with
 * `// #endregion` (the markers VS Code folds on). A name may mark several blocks of one file: they are shown in
 * order, joined by a `// …` line. Marker lines of other regions inside a block are left out, and the block loses its
 * common indentation. Build-time Node code; a slide that names a missing region fails the build, never the page.
 */

const START = /^\s*\/\/\s*#region\s+([\w.-]+)\s*$/;
const END = /^\s*\/\/\s*#endregion\b/;

/** A fence's info string that names a region: `ts src/sim/tracing.ts#record-error`. */
const REFERENCE = /^(\S+)\s+(\S+\.[a-z]+)#([\w.-]+)\s*$/;

/** What a fence's info string asks for, or undefined when it is a plain fence. */
export interface RegionReference {
  readonly language: string;
  readonly path: string;
  readonly region: string;
}

export function parseRegionReference(info: string): RegionReference | undefined {
  const m = REFERENCE.exec(info.trim());
  return m ? { language: m[1]!, path: m[2]!, region: m[3]! } : undefined;
}

/** The region's code, dedented; throws, naming the file and region, when the file has no such region. */
export function extractRegion(source: string, region: string, path = 'the file'): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (START.exec(lines[i]!)?.[1] !== region) continue;
    const block: string[] = [];
    let depth = 1;
    for (i++; i < lines.length; i++) {
      const line = lines[i]!;
      if (START.test(line)) depth++;
      else if (END.test(line)) {
        if (--depth === 0) break;
      } else block.push(line);
    }
    if (depth !== 0) throw new Error(`${path}: region "${region}" has no // #endregion`);
    blocks.push(dedent(block));
  }
  if (blocks.length === 0) throw new Error(`${path} has no region "${region}" (a slide asks for it)`);
  return blocks.map((b) => b.join('\n')).join('\n// …\n');
}

function dedent(block: readonly string[]): string[] {
  const trimmed = [...block];
  while (trimmed.length && trimmed[0]!.trim() === '') trimmed.shift();
  while (trimmed.length && trimmed[trimmed.length - 1]!.trim() === '') trimmed.pop();
  const indent = Math.min(...trimmed.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return trimmed.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
}

/** Every region a chapter's fences name, in order. */
export function regionReferences(markdown: string): RegionReference[] {
  const refs: RegionReference[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(?:`{3,}|~{3,})(.*)$/.exec(line);
    const ref = m ? parseRegionReference(m[1]!) : undefined;
    if (ref) refs.push(ref);
  }
  return refs;
}
