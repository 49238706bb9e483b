// A Node script using the library directly: the survey report of the sample data, with the NPS change
// between two quarters and its significance. Run `npm run build` first, then `node examples/survey-report.mjs`.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  compareNetPromoterScores,
  customerEffortScore,
  customerSatisfactionScore,
  netPromoterScore,
  tallyScores,
} from '../dist/index.js';

const rows = parse(readFileSync(new URL('./data/survey-responses.csv', import.meta.url)), {
  columns: true,
  cast: (value, context) => (context.column === 'score' ? Number(value) : value),
});
const scoresOf = (survey, from = '0000', to = '9999') =>
  rows.filter((r) => r.survey === survey && r.answeredAt >= from && r.answeredAt < to).map((r) => r.score);

const percent = (x, digits = 1) => `${(x * 100).toFixed(digits)} %`;
const bar = (count, max) => '█'.repeat(Math.round((count / max) * 40));

function histogram(distribution) {
  const max = Math.max(1, ...Object.values(distribution));
  for (const [score, count] of Object.entries(distribution)) {
    console.log(`    ${String(score).padStart(2)} │ ${bar(count, max)} ${count}`);
  }
}

console.log('Survey report — examples/data/survey-responses.csv\n');

const q1 = scoresOf('nps', '2024-01', '2024-04');
const q2 = scoresOf('nps', '2024-04', '2024-07');
const nps = netPromoterScore({ scores: q2 });
console.log(`Net Promoter Score, Q2 2024 (${nps.responses} responses)`);
console.log(
  `  NPS ${nps.score.toFixed(1)}  (95 % adjusted-Wald interval ${nps.interval.low.toFixed(1)} to ` +
    `${nps.interval.high.toFixed(1)}: ${nps.center.toFixed(1)} ± ${nps.marginOfError.toFixed(1)})`,
);
console.log(
  `  promoters ${percent(nps.promoterShare)}, passives ${percent(nps.passiveShare)}, detractors ${percent(nps.detractorShare)}`,
);
histogram(tallyScores(q2, { min: 0, max: 10 }));

const change = compareNetPromoterScores({ scores: q2 }, { scores: q1 });
const before = netPromoterScore({ scores: q1 });
console.log(`\n  Q2 against Q1 (NPS ${before.score.toFixed(1)}, ${before.responses} responses):`);
console.log(
  `  change ${change.difference >= 0 ? '+' : ''}${change.difference.toFixed(1)} points, ` +
    `interval ${change.interval.low.toFixed(1)} to ${change.interval.high.toFixed(1)}, p = ${change.pValue.toFixed(3)} ` +
    `→ ${change.significant ? 'a real change' : 'not distinguishable from noise'}`,
);

const csatScores = scoresOf('csat');
const csat = customerSatisfactionScore({ scores: csatScores });
console.log(`\nCustomer Satisfaction (CSAT), 1–5, satisfied = 4 and 5 (${csat.responses} responses)`);
console.log(
  `  CSAT ${percent(csat.score)}  (95 % interval ${percent(csat.interval.low)} to ${percent(csat.interval.high)}), ` +
    `average ${csat.average.toFixed(2)}`,
);
histogram(tallyScores(csatScores, { min: 1, max: 5 }));

const cesScores = scoresOf('ces');
const ces = customerEffortScore({ scores: cesScores });
console.log(`\nCustomer Effort (CES 2.0), 1–7, easy = 5 to 7 (${ces.responses} responses)`);
console.log(
  `  average ${ces.average.toFixed(2)}, easy ${percent(ces.easyShare)} ` +
    `(95 % interval ${percent(ces.interval.low)} to ${percent(ces.interval.high)})`,
);
histogram(tallyScores(cesScores, { min: 1, max: 7 }));
