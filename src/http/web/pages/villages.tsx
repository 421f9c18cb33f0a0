/**
 * Villages: the pillar scores of the area's villages with their completeness (a table that
 * sorts by any column, CSV and XLSX), and one village's radar chart against the kabupaten
 * average with its weakest items.
 */
import type { Hono } from 'hono';
import { radarOption } from '../../../charts/radar.js';
import { t } from '../../../core/messages.js';
import {
  band,
  bandText,
  PILLAR_IDS,
  pillarName,
  pillarScores,
  roundScore,
  type VillagePillarResult,
  weakestItems,
} from '../../../domain/questionnaire/index.js';
import { scopeCovers } from '../../../domain/staff-scope.js';
import { EXPORT_MAX_ROWS, type ExportFormat, sendTable } from '../export.js';
import { Exports, Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { areaScores, villageAgainstRegency } from './village-data.js';
import { villageName } from './words.js';

/** One row of the table. */
interface VillageRow {
  code: string;
  name: string;
  results: VillagePillarResult[];
}

const percent = (share: number) => Math.round(share * 100);

function scoreOf(row: VillageRow, pillar: string): number {
  return row.results.find((r) => r.pillar === pillar)?.score ?? -1;
}

/** Sorts by `key` (`name` or a pillar id), `asc` or `desc`. */
function sortRows(rows: VillageRow[], key: string, order: string): VillageRow[] {
  const sign = order === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) =>
    key === 'name' || !PILLAR_IDS.some((p) => p === key)
      ? sign * a.name.localeCompare(b.name)
      : sign * (scoreOf(a, key) - scoreOf(b, key)),
  );
}

function ScoreCell(props: { viewer: Viewer; result: VillagePillarResult | undefined }) {
  const { viewer, result } = props;
  if (!result || result.score === null)
    return <span class="muted">{viewer.tr(t('web:villages.not_enough'))}</span>;
  return (
    <>
      {roundScore(result.score)}
      <br />
      <span class="muted">{percent(result.kader.completeness)}%</span>
    </>
  );
}

/** Adds the villages pages and their exports. */
export function mountVillages(app: Hono<WebEnv>, deps: WebDeps): void {
  async function rowsFor(viewer: Viewer): Promise<VillageRow[]> {
    const scores = await areaScores(deps, viewer.scope);
    const { directory } = await deps.villages();
    return [...scores].slice(0, EXPORT_MAX_ROWS).map(([code, results]) => ({
      code,
      name: villageName(directory, code),
      results,
    }));
  }

  app.get(`${WEB_BASE}/desa`, async (c) => {
    const viewer = c.get('viewer');
    const tr = viewer.tr;
    const key = c.req.query('urut') ?? 'name';
    const order = c.req.query('arah') === 'desc' ? 'desc' : 'asc';
    const rows = sortRows(await rowsFor(viewer), key, order);
    const sortLink = (column: string) =>
      `${WEB_BASE}/desa?urut=${column}&arah=${key === column && order === 'asc' ? 'desc' : 'asc'}`;
    return c.html(
      <Page viewer={viewer} title={tr(t('web:villages.title'))}>
        <Exports viewer={viewer} path={`${WEB_BASE}/desa`} query="" />
        <DataTable
          viewer={viewer}
          id="villages"
          empty={tr(t('web:villages.no_answers'))}
          header={[
            <a href={sortLink('name')}>{tr(t('web:villages.village'))}</a>,
            ...PILLAR_IDS.map((pillar) => <a href={sortLink(pillar)}>{tr(pillarName(pillar))}</a>),
          ]}
          rows={rows.map((row) => [
            <>
              <a href={`${WEB_BASE}/desa/${row.code}`}>{row.name}</a>
              <br />
              <span class="muted">{row.code}</span>
            </>,
            ...PILLAR_IDS.map((pillar) => (
              <ScoreCell viewer={viewer} result={row.results.find((r) => r.pillar === pillar)} />
            )),
          ])}
        />
        <p class="muted">
          {tr(t('web:villages.score'))} / {tr(t('web:villages.completeness'))} (%)
        </p>
      </Page>,
    );
  });

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(`${WEB_BASE}/desa.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const tr = viewer.tr;
      const rows = sortRows(await rowsFor(viewer), 'name', 'asc');
      const header = [tr(t('web:reports.village_code')), tr(t('web:villages.village'))];
      for (const pillar of PILLAR_IDS) {
        header.push(
          tr(pillarName(pillar)),
          `${tr(pillarName(pillar))} · ${tr(t('web:villages.completeness'))} %`,
        );
      }
      return sendTable(c, format, {
        name: `desa-${deps.clock.now().toISOString().slice(0, 10)}`,
        header,
        rows: rows.map((row) => [
          row.code,
          row.name,
          ...PILLAR_IDS.flatMap((pillar) => {
            const result = row.results.find((r) => r.pillar === pillar);
            return [
              result?.score == null ? null : roundScore(result.score),
              result ? percent(result.kader.completeness) : null,
            ];
          }),
        ]),
      });
    });
  }

  app.get(`${WEB_BASE}/desa/:code`, async (c) => {
    const viewer = c.get('viewer');
    const code = c.req.param('code');
    const { directory } = await deps.villages();
    if (!directory.get(code) || !scopeCovers(viewer.scope, code)) return notFound(c);
    const tr = viewer.tr;
    const { results, average } = await villageAgainstRegency(deps, code);
    const name = villageName(directory, code);
    const option = radarOption({
      labels: PILLAR_IDS.map((pillar) => tr(pillarName(pillar))),
      village: results ? pillarScores(results) : PILLAR_IDS.map(() => null),
      average,
      villageName: name,
      averageName: tr(t('web:villages.average')),
    });
    const script = `(function(){var el=document.getElementById('radar');if(!window.echarts||!el)return;var chart=echarts.init(el,null,{renderer:'svg'});chart.setOption(JSON.parse(el.dataset.option));window.addEventListener('resize',function(){chart.resize()});})();`;
    return c.html(
      <Page viewer={viewer} title={name} charts>
        <div class="card">
          <h2>{tr(t('web:villages.chart'))}</h2>
          <div
            id="radar"
            class="chart"
            data-option={JSON.stringify(option)}
            role="img"
            aria-label={tr(t('web:villages.chart'))}
          />
          <script dangerouslySetInnerHTML={{ __html: script }} />
        </div>
        <DataTable
          viewer={viewer}
          id="pillars"
          header={[
            tr(t('web:villages.pillar')),
            tr(t('web:villages.score')),
            tr(t('web:villages.completeness')),
            tr(t('web:villages.average')),
          ]}
          rows={PILLAR_IDS.map((pillar, index) => {
            const result = results?.find((r) => r.pillar === pillar);
            const avg = average[index];
            return [
              tr(pillarName(pillar)),
              result?.score == null
                ? tr(t('web:villages.not_enough'))
                : `${roundScore(result.score)} · ${tr(bandText(band(result.score)))}`,
              result ? `${percent(result.kader.completeness)}%` : '–',
              avg == null ? '–' : roundScore(avg),
            ];
          })}
        />
        <div class="card">
          <h2>{tr(t('web:villages.weakest'))}</h2>
          <ul id="weakest">
            {(results ?? []).flatMap((result) =>
              result.shown
                ? weakestItems(deps.registry.currentOf(result.pillar), result.itemScores).map(
                    (weak) => (
                      <li>
                        {tr(pillarName(result.pillar))} · {weak.item.id}: {tr(weak.item.prompt)} (
                        {roundScore(100 * weak.score)})
                      </li>
                    ),
                  )
                : [],
            )}
          </ul>
        </div>
      </Page>,
    );
  });
}
