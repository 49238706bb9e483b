// docs/reference.md from the doc comments: `npm run docs:reference` rewrites, in the section of each public
// function, the part between its markers (the summary, the remarks with the formula, unit, source and
// policies, what it throws and its example) from that function's doc comment. The rest of the page (the
// conventions, the inputs, options and result of each function, its worked example) is written by hand. The
// table of all metrics is generated too. A function without a section gets one, at the end of the part of
// its `@category`; a section of a function that does not exist is an error. test/reference.test.ts fails
// when the committed page differs from what this produces.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REFERENCE = 'docs/reference.md';
const BEGIN = (name, file) =>
  `<!-- generated from the doc comment of ${name} in ${file} by npm run docs:reference: edit it there -->`;
const END = '<!-- end of generated text -->';
const TABLE_BEGIN = '<!-- generated: the summary line and family of each function, by npm run docs:reference -->';
const TABLE_END = '<!-- end of generated table -->';

/**
 * The doc comments of the public functions under `src`: one per `export function` of a family folder
 * (not `internal`, `cli` or a `_lib` folder) that carries a `@category`.
 * @returns {{ name: string, file: string, family: string, comment: string }[]}
 */
export function readDocComments(src = 'src') {
  const found = [];
  for (const family of readdirSync(src, { withFileTypes: true })) {
    if (!family.isDirectory() || family.name === 'internal' || family.name === 'cli') continue;
    for (const entry of readdirSync(join(src, family.name), { withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      const file = `${src}/${family.name}/${entry.name}`;
      const source = readFileSync(file, 'utf8');
      const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)/g;
      for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
        const comment = (match[1] ?? '')
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n')
          .trim();
        if (/^@category /m.test(comment)) found.push({ name: match[2], file, family: family.name, comment });
      }
    }
  }
  return found;
}

/** A doc comment split into its summary, its description before the block tags, and the block tags. */
export function parseDocComment(comment) {
  const [head = '', ...tags] = comment.split(/\n(?=@\w+)/);
  const paragraphs = head.split(/\n\s*\n/).map((part) => part.trim());
  const blocks = tags.map((tag) => {
    const [, name = '', text = ''] = /^@(\w+)\s*([\s\S]*)$/.exec(tag) ?? [];
    return { tag: name, text: text.trim() };
  });
  const one = (tag) => blocks.find((block) => block.tag === tag)?.text;
  return {
    summary: paragraphs[0] ?? '',
    description: paragraphs.slice(1).filter(Boolean),
    remarks: one('remarks') ?? '',
    throws: blocks.filter((block) => block.tag === 'throws').map((block) => block.text),
    examples: blocks.filter((block) => block.tag === 'example').map((block) => block.text),
    category: one('category') ?? '',
  };
}

/** `{@link name}` as Markdown: a link to the function's section, to the errors page, or plain code. */
function links(text, functions) {
  return text.replace(/\{@link\s+([\w.]+)(?:\s*\|\s*([^}]+)|\s+([^}]+))?\}/g, (_all, target, bar, space) => {
    const label = (bar ?? space)?.trim();
    if (functions.has(target)) return `[${label ?? `\`${target}\``}](#${target.toLowerCase()})`;
    if (target === 'MetricError' || target === 'isMetricError') return `[${label ?? `\`${target}\``}](errors.md)`;
    return label ?? `\`${target}\``;
  });
}

/** The generated part of one function's section. */
export function renderSection(doc, functions) {
  const parsed = parseDocComment(doc.comment);
  const out = [BEGIN(doc.name, doc.file), '', `**${links(parsed.summary, functions)}**`, ''];
  for (const paragraph of [...parsed.description, ...parsed.remarks.split(/\n\s*\n/)]) {
    if (paragraph.trim()) out.push(links(paragraph.trim(), functions), '');
  }
  if (parsed.throws.length > 0) {
    out.push('Throws:', '');
    for (const text of parsed.throws) out.push(`- ${links(text.replace(/\n/g, '\n  '), functions)}`);
    out.push('');
  }
  for (const example of parsed.examples) out.push('Example (from the doc comment):', '', example, '');
  out.push(END);
  return out.join('\n');
}

function tableRows(docs, functions) {
  return docs.map((doc) => {
    const summary = links(parseDocComment(doc.comment).summary.replace(/\n/g, ' '), functions).replace(/\.$/, '');
    return `| [${doc.name}](#${doc.name.toLowerCase()}) | ${summary.replace(/\|/g, '\\|')} | ${doc.family} |`;
  });
}

/**
 * The reference page with every generated part rewritten from `docs`; throws on a section of an unknown
 * function, on a section under the wrong category, and on a page without the table's markers.
 */
export function generateReference(page, docs) {
  const functions = new Set(docs.map((doc) => doc.name));
  const byName = new Map(docs.map((doc) => [doc.name, doc]));
  const lines = page.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  const seen = new Set();
  let category = '';
  let tableAt = -1;
  const missingIn = (heading) =>
    docs.filter((doc) => !seen.has(doc.name) && parseDocComment(doc.comment).category === heading);
  const flushCategory = () => {
    for (const doc of missingIn(category)) {
      seen.add(doc.name);
      if (out.at(-1) !== '') out.push('');
      out.push(`### ${doc.name}`, '', renderSection(doc, functions), '');
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading2 = /^## (.+)$/.exec(line);
    if (heading2 || line === '---') {
      if (category) flushCategory();
      if (heading2) category = heading2[1].trim();
      out.push(line);
      continue;
    }
    if (line === TABLE_BEGIN) {
      // Filled in at the end, in the order of the sections.
      tableAt = out.length;
      out.push(line, TABLE_END);
      while (i < lines.length && lines[i] !== TABLE_END) i++;
      if (i === lines.length) throw new Error(`${REFERENCE}: "${TABLE_BEGIN}" has no "${TABLE_END}"`);
      continue;
    }
    const heading3 = /^### (\w+)\s*$/.exec(line);
    if (!heading3) {
      out.push(line);
      continue;
    }
    const name = heading3[1];
    const doc = byName.get(name);
    if (!doc) throw new Error(`${REFERENCE}: a section for ${name}, which is not an exported function`);
    const wanted = parseDocComment(doc.comment).category;
    if (wanted !== category) {
      throw new Error(`${REFERENCE}: ${name} is under "## ${category}" but its @category is ${wanted}`);
    }
    seen.add(name);
    out.push(line, '', renderSection(doc, functions));
    // Skip the blank lines and the old generated part that follow the heading.
    let j = i + 1;
    while (j < lines.length && lines[j] === '') j++;
    if (lines[j]?.startsWith('<!-- generated from the doc comment')) {
      while (j < lines.length && lines[j] !== END) j++;
      j++;
    }
    i = j - 1;
    if (lines[j] !== undefined && lines[j] !== '') out.push('');
  }
  if (category) flushCategory();
  const orphans = docs.filter((doc) => !seen.has(doc.name));
  if (orphans.length > 0) {
    const names = orphans.map((doc) => `${doc.name} (@category ${parseDocComment(doc.comment).category})`);
    throw new Error(`${REFERENCE}: no "## <category>" part for ${names.join(', ')}`);
  }
  if (tableAt < 0) throw new Error(`${REFERENCE}: the table's marker "${TABLE_BEGIN}" is missing`);
  const table = [
    '| function | what it measures | family |',
    '|---|---|---|',
    ...tableRows(
      [...seen].map((name) => byName.get(name)),
      functions,
    ),
  ];
  out.splice(tableAt + 1, 0, ...table);
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = readFileSync(REFERENCE, 'utf8');
  const next = generateReference(page, readDocComments());
  if (next === page) console.log(`${REFERENCE} is up to date`);
  else {
    writeFileSync(REFERENCE, next);
    console.log(`${REFERENCE} rewritten from the doc comments`);
  }
}
