// Writes the bundled sample data into examples/data/. Deterministic: the same seed gives the same files.
//   node examples/generate-data.mjs
import { mkdirSync, writeFileSync } from 'node:fs';

/** mulberry32: a small seeded generator, so the sample data never changes between runs. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a discrete distribution given as weights per value. */
function draw(next, weights) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let pick = next() * total;
  for (const [value, weight] of Object.entries(weights)) {
    pick -= weight;
    if (pick < 0) return Number(value);
  }
  return Number(Object.keys(weights).at(-1));
}

const next = generator(20240601);
const folder = new URL('./data/', import.meta.url);
mkdirSync(folder, { recursive: true });

// Survey responses: two quarters of NPS (the second a little better), a CSAT on 1–5, a CES 2.0 on 1–7.
const npsQ1 = { 0: 2, 1: 1, 2: 2, 3: 3, 4: 3, 5: 6, 6: 8, 7: 14, 8: 20, 9: 22, 10: 19 };
const npsQ2 = { 0: 1, 1: 1, 2: 1, 3: 2, 4: 3, 5: 5, 6: 7, 7: 13, 8: 20, 9: 25, 10: 22 };
const csat = { 1: 4, 2: 6, 3: 14, 4: 38, 5: 38 };
const ces = { 1: 3, 2: 4, 3: 7, 4: 12, 5: 22, 6: 30, 7: 22 };
const responses = [];
const add = (survey, weights, count, quarter) => {
  for (let i = 0; i < count; i++) {
    const month = quarter === 'Q1' ? 1 + Math.floor(next() * 3) : 4 + Math.floor(next() * 3);
    const day = 1 + Math.floor(next() * 28);
    responses.push({
      survey,
      respondent: `c${String(1 + Math.floor(next() * 600)).padStart(4, '0')}`,
      answeredAt: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      score: draw(next, weights),
    });
  }
};
add('nps', npsQ1, 412, 'Q1');
add('nps', npsQ2, 455, 'Q2');
add('csat', csat, 380, 'Q2');
add('ces', ces, 240, 'Q2');
responses.sort((a, b) => a.answeredAt.localeCompare(b.answeredAt) || a.respondent.localeCompare(b.respondent));

const header = 'survey,respondent,answeredAt,score';
const lines = responses.map((r) => `${r.survey},${r.respondent},${r.answeredAt},${r.score}`);
writeFileSync(new URL('survey-responses.csv', folder), `${[header, ...lines].join('\n')}\n`);
console.log(`wrote ${responses.length} survey responses to examples/data/survey-responses.csv`);
