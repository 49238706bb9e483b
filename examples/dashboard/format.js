// The dashboard's formatting: colours, number formats and the few DOM helpers every panel uses.

export const COLORS = {
  mrr: '#1c2430',
  new: '#2f8f5b',
  expansion: '#7cc08f',
  reactivation: '#4f86d9',
  contraction: '#f0a04b',
  churned: '#d64541',
  fx: '#8a6fc9',
  entering: '#2aa5a0',
  leaving: '#b5651d',
  detractor: '#d64541',
  passive: '#c9ced6',
  promoter: '#35a36b',
  red: '#d64541',
  yellow: '#e9b03b',
  green: '#35a36b',
  heat: '#2f5fd0',
};

export const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
export const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
export const wholePercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
/** A range of fractions as "8.0–22.3%". */
export const range = ({ low, high }) => `${oneDecimal.format(low * 100)}–${percent.format(high)}`;
export const show = (format, value) => (value === null || value === undefined ? '—' : format.format(value));
export const signed = (format, value) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${format.format(Math.abs(value))}`;
export const hours = { format: (value) => `${oneDecimal.format(value)} h` };
export const monthName = (month) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Creates an element with attributes (`data-*` included) and children (nodes or text). */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value === null ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== undefined && child !== null));
  return node;
}

/** A table cell showing `text` (and any other children) and carrying the raw `value`. */
export const cell = (tag, value, text, attributes = {}, ...more) =>
  element(tag, { 'data-value': value === null ? '' : value, ...attributes }, text, ...more);
