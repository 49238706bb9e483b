// The segment selector: all customers, or a plan, region or channel and then one of its values; beside it,
// the segment's share of the company's MRR.
import { element, money, percent } from './format.js';
import { DIMENSIONS, SEGMENT_RULE, segmentName } from './segments.js';

/**
 * Fills the selector's two lists (`by` and `value`, select elements) with the segments of `values` (from
 * `segmentValues`), shows `initial`, writes the membership rule into `rule`, and calls `choose(segment)`
 * whenever the reader picks another segment (undefined for all customers).
 */
export function segmentSelector({ by, value, rule }, values, initial, choose) {
  by.replaceChildren(
    element('option', { value: '' }, 'All customers'),
    ...DIMENSIONS.map(({ key, label }) => element('option', { value: key }, `By ${label.toLowerCase()}`)),
  );
  const fill = (key, chosen) => {
    value.replaceChildren(...(key ? values[key] : []).map((name) => element('option', { value: name }, name)));
    value.hidden = !key;
    value.disabled = !key;
    if (chosen !== undefined) value.value = chosen;
  };
  by.value = initial?.by ?? '';
  fill(initial?.by, initial?.value);
  rule.textContent = SEGMENT_RULE;
  const current = () => (by.value === '' ? undefined : { by: by.value, value: value.value });
  by.addEventListener('change', () => {
    fill(by.value);
    choose(current());
  });
  value.addEventListener('change', () => choose(current()));
}

/** The segment's MRR against the company's, both December's: the share in `data-value`. */
export function segmentShare(node, segment, mrr, totalMrr) {
  const share = totalMrr === 0 ? null : mrr / totalMrr;
  node.dataset.metric = 'segment-share';
  node.dataset.value = share ?? '';
  node.replaceChildren(
    element('strong', {}, segmentName(segment)),
    segment === undefined
      ? ` · ${money.format(totalMrr)} of MRR in December`
      : ` · ${share === null ? '—' : percent.format(share)} of December's MRR (${money.format(mrr)} of ${money.format(totalMrr)})`,
  );
}
