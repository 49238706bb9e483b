// docs/reference.md and the doc comments cannot drift apart: the part of each function's section between its
// markers, and the table of all metrics, are generated from the doc comments (scripts/reference.mjs,
// `npm run docs:reference`), and the committed page must be exactly what the generator makes of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReference, parseDocComment, REFERENCE, readDocComments } from '../scripts/reference.mjs';
import * as lib from '../src/index.js';

const page = readFileSync(REFERENCE, 'utf8');
const docs = readDocComments();
const functions = Object.entries(lib)
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name)
  .filter((name) => name !== 'isMetricError' && name !== 'MetricError');

/** The generated part of one function's section in a page. */
function generatedPart(text: string, name: string): string {
  const section = text.split(`\n### ${name}\n`)[1] ?? '';
  return section.split('<!-- end of generated text -->')[0] ?? '';
}

describe('docs/reference.md', () => {
  it('is what npm run docs:reference makes of the doc comments (run it after editing a doc comment)', () => {
    expect(generateReference(page, docs) === page, 'docs/reference.md is out of date: run npm run docs:reference').toBe(
      true,
    );
  });

  it('has a section, and a row in the table, for every exported function and no other', () => {
    expect(docs.map((doc) => doc.name).sort()).toEqual([...functions].sort());
    const sections = [...page.matchAll(/^### (\w+)$/gm)].map((match) => match[1]);
    expect([...sections].sort()).toEqual([...functions].sort());
    for (const name of functions) expect(page, name).toContain(`| [${name}](#${name.toLowerCase()}) |`);
  });

  it("states each function's summary, formula, throws and examples as its doc comment does", () => {
    for (const doc of docs) {
      const part = generatedPart(page, doc.name);
      const parsed = parseDocComment(doc.comment);
      expect(part, doc.name).toContain(`**${parsed.summary.split('{@link')[0]}`);
      for (const example of parsed.examples) expect(part, doc.name).toContain(example);
      const throws = part.split('\nThrows:\n\n')[1]?.split('\n\n')[0] ?? '';
      expect(throws.split('\n').filter((line) => line.startsWith('- ')).length, doc.name).toBe(parsed.throws.length);
    }
  });

  it("the README's list of metrics names every exported function and links its section", () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = functions.filter((name) => !readme.includes(`[${name}](docs/reference.md#${name.toLowerCase()})`));
    expect(missing).toEqual([]);
  });

  describe('fails when they disagree', () => {
    const nps = docs.find((doc) => doc.name === 'netPromoterScore')!;
    const altered = (comment: string) => docs.map((doc) => (doc === nps ? { ...doc, comment } : doc));

    it('a changed formula', () => {
      const comment = nps.comment.replace(
        'NPS = 100 × (promoters − detractors)',
        'NPS = 100 × (promoters + detractors)',
      );
      expect(comment).not.toBe(nps.comment);
      expect(generateReference(page, altered(comment))).not.toBe(page);
    });

    it('a changed summary line or example value', () => {
      const summary = nps.comment.replace('Net Promoter Score (NPS)', 'Net Promoter Score');
      expect(generateReference(page, altered(summary))).not.toBe(page);
      const example = nps.comment.replace('nps.score; // => 30', 'nps.score; // => 31');
      expect(example).not.toBe(nps.comment);
      expect(generateReference(page, altered(example))).not.toBe(page);
    });

    it('a hand edit inside the generated part', () => {
      const edited = page.replace('NPS = 100 × (promoters − detractors)', 'NPS = 100 × (promoters − passives)');
      expect(edited).not.toBe(page);
      expect(generateReference(edited, docs)).not.toBe(edited);
    });

    it('a section of a function that does not exist, or under the wrong family', () => {
      expect(() => generateReference(`${page}\n### netPromoterScores\n`, docs)).toThrow(/not an exported function/);
      const moved = docs.map((doc) =>
        doc === nps ? { ...doc, comment: doc.comment.replace('@category Survey', '@category Stats') } : doc,
      );
      expect(() => generateReference(page, moved)).toThrow(/its @category is Stats/);
    });

    it('a new function gets a section at the end of its family', () => {
      const added = { ...nps, name: 'brandNewMetric', comment: `${nps.comment}` };
      const next = generateReference(page, [...docs, added]);
      expect(next).toContain('\n### brandNewMetric\n');
      expect(next.indexOf('### brandNewMetric')).toBeLessThan(next.indexOf('## Stats'));
      expect(next).toContain('| [brandNewMetric](#brandnewmetric) |');
    });
  });
});
