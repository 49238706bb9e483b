// nps, csat and ces by segment (`--by plan`, with a period too: `--by plan --by quarter`): each segment's
// distribution, tallied in the one streamed read, is scored by the same library call as the total, so the
// total is the unsegmented figure exactly and each segment is what the library says of its answers.
import type { Output, Table } from '../output.js';
import type { Period } from '../periods.js';
import { ALL, SMALL_MARK, type SegmentColumn, smallSampleNote } from './segments.js';
import { type ChangeOf, changeCells, changeColumns } from './surveyChanges.js';
import type { SurveyResult, SurveySpec } from './survey.js';
import type { Tally } from './surveyTally.js';

/**
 * Segments with fewer answers than this are marked as small samples: the library's default
 * `minimumSegmentSize` for survey scores (below 30 the normal interval under-covers, and the margin of error
 * is wide enough that a gap to another segment means little).
 */
export const SURVEY_MINIMUM_SEGMENT_SIZE = 30;

interface Line<R> {
  readonly segment: string;
  readonly period?: string;
  readonly result: R;
}

function lineTable<R extends SurveyResult>(
  spec: SurveySpec<R>,
  title: string,
  labels: readonly string[],
  lines: readonly Line<R>[],
  minimum: number,
  changeOf?: ChangeOf,
): Table {
  const kind = spec.headline.kind;
  return {
    title,
    columns: [
      ...labels.map((name) => ({ name })),
      { name: spec.headline.name, kind },
      { name: 'interval low', kind },
      { name: 'interval high', kind },
      { name: 'responses', kind: 'integer' as const },
      { name: 'small sample' },
      ...(changeOf === undefined ? [] : changeColumns(kind)),
    ],
    rows: lines.map(({ segment, period, result }) => [
      segment,
      ...(period === undefined ? [] : [period]),
      spec.headline.value(result),
      result.interval.low,
      result.interval.high,
      result.responses,
      segment !== ALL && result.responses < minimum ? SMALL_MARK : '',
      ...(changeOf === undefined || period === undefined
        ? []
        : changeCells(changeOf(period, segment === ALL ? undefined : segment))),
    ]),
  };
}

/**
 * The output of a survey command by segment: a table with the total's line and then one line per segment
 * (and, with a period, one per segment and period), before the total's own tables; the JSON is
 * `{ total, segments: [{ segment, size, result, smallSample }] }` like the library's segmented results.
 */
export function segmentedSurveyOutput<R extends SurveyResult>(
  spec: SurveySpec<R>,
  file: string,
  total: Output,
  totalJson: R & { readonly periods?: readonly ({ readonly period: string } & R)[] },
  tally: Tally,
  by: { readonly segment: SegmentColumn; readonly period: Period | undefined; readonly changeOf: ChangeOf },
  compute: (distribution: Record<number, number>) => R,
  minimum: number,
): Output {
  const { segment, period, changeOf } = by;
  const totalResult = totalJson;
  const segments = tally.segments.map((each) => ({
    segment: each.segment,
    result: compute(each.distribution),
    distribution: each.distribution,
    periods: each.periods.map(([name, distribution]) => ({
      period: name,
      result: compute(distribution),
      distribution,
    })),
  }));
  const small = (size: number) => size < minimum;
  const tables: Table[] = [
    lineTable(
      spec,
      `${spec.title} by ${segment.column} — ${file}`,
      [segment.column],
      [{ segment: ALL, result: totalResult }, ...segments],
      minimum,
    ),
  ];
  if (period !== undefined) {
    const lines: Line<R>[] = [
      ...(totalResult.periods ?? []).map((each) => ({ segment: ALL, period: each.period, result: each })),
      ...segments.flatMap((each) =>
        each.periods.map(({ period: name, result }) => ({ ...each, period: name, result })),
      ),
    ];
    tables.push(
      lineTable(
        spec,
        `${spec.title} by ${segment.column} and ${period} — ${file}`,
        [segment.column, period],
        lines,
        minimum,
        changeOf,
      ),
    );
  }
  const marked = segments.some(
    (each) => small(each.result.responses) || each.periods.some(({ result }) => small(result.responses)),
  );
  return {
    json: {
      segmentBy: segment.column,
      missingSegment: segment.group ? 'group' : 'error',
      minimumSegmentSize: minimum,
      total: totalJson,
      segments: segments.map((each) => ({
        segment: each.segment,
        size: each.result.responses,
        result: { ...each.result, distribution: each.distribution },
        smallSample: small(each.result.responses),
        ...(period === undefined
          ? {}
          : {
              periods: each.periods.map(({ period: name, result, distribution }) => {
                const change = changeOf(name, each.segment);
                return {
                  period: name,
                  size: result.responses,
                  result: { ...result, distribution },
                  smallSample: small(result.responses),
                  ...(change === undefined ? {} : { change }),
                };
              }),
            }),
      })),
    },
    tables: [...tables, ...total.tables],
    notes: [...(marked ? [smallSampleNote(minimum, 'answers', true)] : []), ...(total.notes ?? [])],
    warnings: total.warnings ?? [],
  };
}
