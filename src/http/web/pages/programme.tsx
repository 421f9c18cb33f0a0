/**
 * The programme's lists: upcoming trainings the viewer is invited to or manages (the
 * training capability's own query and area rules), and recent broadcasts (an admin's: all;
 * anyone else's: their own), each with CSV and XLSX.
 */
import type { Hono } from 'hono';
import { t } from '../../../core/messages.js';
import { type BroadcastRow, listRecentBroadcasts } from '../../../db/queries/broadcasts.js';
import { listSessionsFor, type TrainingSession } from '../../../db/queries/training.js';
import { trainingArea } from '../../../domain/training/access.js';
import { EXPORT_MAX_ROWS, type ExportFormat, sendTable } from '../export.js';
import { Exports, Page, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';

/** Most broadcasts listed. */
export const BROADCASTS_LISTED = 100;

const when = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    date,
  );

async function sessionsFor(deps: WebDeps, viewer: Viewer): Promise<TrainingSession[]> {
  const area = trainingArea(viewer.contact);
  const manages =
    area.type === 'everywhere' ? 'everywhere' : area.type === 'area' ? area.code : null;
  const { contact } = viewer;
  const found = await listSessionsFor(deps.db, {
    viewer: { role: contact.role, villageCode: contact.villageCode, manages },
    now: deps.clock.now(),
    offset: 0,
    limit: EXPORT_MAX_ROWS,
  });
  return found.rows;
}

function broadcastsFor(deps: WebDeps, viewer: Viewer): Promise<BroadcastRow[]> {
  const senderId = viewer.contact.role === 'admin' ? undefined : viewer.contact.id;
  return listRecentBroadcasts(deps.db, { senderId, limit: BROADCASTS_LISTED });
}

function mainText(row: BroadcastRow): string {
  const texts = (row.texts ?? {}) as Record<string, string | undefined>;
  return texts[row.mainLanguage] ?? Object.values(texts).find(Boolean) ?? '';
}

function sessionRow(session: TrainingSession) {
  return [
    session.title,
    session.topic,
    when(session.startsAt, session.timeZone),
    session.venue ?? session.onlineUrl ?? '',
    session.capacity ?? '',
    session.status,
    session.regions.join(' '),
  ];
}

function broadcastRow(row: BroadcastRow) {
  return [
    row.number,
    row.state,
    when(row.startAt, 'Asia/Jakarta'),
    mainText(row).slice(0, 160),
    row.counts ? JSON.stringify(row.counts) : '',
  ];
}

/** A list page: its title, exports, and a table. */
function ListPage(props: {
  viewer: Viewer;
  title: string;
  path: string;
  header: string[];
  rows: (string | number)[][];
  empty: string;
  id: string;
}) {
  return (
    <Page viewer={props.viewer} title={props.title}>
      <Exports viewer={props.viewer} path={props.path} query="" />
      <div class="card scroll">
        {props.rows.length === 0 ? (
          <p>{props.empty}</p>
        ) : (
          <table id={props.id}>
            <thead>
              <tr>
                {props.header.map((title) => (
                  <th>{title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  {row.map((cell) => (
                    <td>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Page>
  );
}

/** Adds the trainings and broadcasts pages and their exports. */
export function mountProgramme(app: Hono<WebEnv>, deps: WebDeps): void {
  const lists = {
    pelatihan: {
      id: 'trainings',
      title: t('web:trainings.title'),
      empty: t('web:trainings.none'),
      header: [
        t('web:trainings.name'),
        t('web:trainings.topic'),
        t('web:trainings.starts'),
        t('web:trainings.place'),
        t('web:trainings.capacity'),
        t('web:trainings.status'),
        t('web:trainings.regions'),
      ],
      rows: async (viewer: Viewer) => (await sessionsFor(deps, viewer)).map(sessionRow),
    },
    siaran: {
      id: 'broadcasts',
      title: t('web:broadcasts.title'),
      empty: t('web:broadcasts.none'),
      header: [
        t('web:broadcasts.number'),
        t('web:broadcasts.state'),
        t('web:broadcasts.start'),
        t('web:broadcasts.text'),
        t('web:broadcasts.counts'),
      ],
      rows: async (viewer: Viewer) => (await broadcastsFor(deps, viewer)).map(broadcastRow),
    },
  };
  for (const [name, list] of Object.entries(lists)) {
    const path = `${WEB_BASE}/${name}`;
    app.get(path, async (c) => {
      const viewer = c.get('viewer');
      return c.html(
        <ListPage
          viewer={viewer}
          id={list.id}
          title={viewer.tr(list.title)}
          path={path}
          header={list.header.map(viewer.tr)}
          rows={await list.rows(viewer)}
          empty={viewer.tr(list.empty)}
        />,
      );
    });
    for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
      app.get(`${path}.${format}`, async (c) => {
        const viewer = c.get('viewer');
        return sendTable(c, format, {
          name: `${name}-${deps.clock.now().toISOString().slice(0, 10)}`,
          header: list.header.map(viewer.tr),
          rows: await list.rows(viewer),
        });
      });
    }
  }
}
