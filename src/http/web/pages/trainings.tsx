/**
 * Trainings: the sessions the viewer is invited to or manages (the training capability's
 * own list query and area rules), a session's page with its RSVPs, waitlist and attendance
 * for those who run it, and CSV/XLSX of both. Creating, changing and cancelling are in
 * training-forms.tsx.
 */
import type { Context, Hono } from 'hono';
import { manages, runs, viewerOf } from '../../../../flows/training/actions/view.js';
import { t } from '../../../core/messages.js';
import { getSession, listSessionsFor, type TrainingSession } from '../../../db/queries/training.js';
import {
  attendanceOf,
  goingBySession,
  waitlistPosition,
} from '../../../db/queries/training-rsvps.js';
import { roleName } from '../../../domain/roles.js';
import { invites, trainingArea } from '../../../domain/training/access.js';
import { clockText, whenText } from '../../../domain/training/time.js';
import { placeText } from '../../../runtime/jobs/training.js';
import { EXPORT_MAX_ROWS, type ExportFormat, sendTable } from '../export.js';
import { Exports, Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { SessionChanges, TrainingFlash } from './training-forms.js';
import { plain, villageName } from './words.js';

/** Where the trainings live. */
export const TRAININGS = `${WEB_BASE}/pelatihan`;

/** The upcoming sessions the viewer is invited to or manages, soonest first. */
export async function sessionsFor(
  deps: WebDeps,
  viewer: Viewer,
  limit = EXPORT_MAX_ROWS,
): Promise<TrainingSession[]> {
  const found = await listSessionsFor(deps.db, {
    viewer: viewerOf(viewer.contact),
    now: deps.clock.now(),
    offset: 0,
    limit,
  });
  return found.rows;
}

/** "Sel 3 Mar 2026 09.00 WITA", as the chat writes it. */
export function sessionWhen(viewer: Viewer, session: TrainingSession): string {
  return viewer.tr(whenText(session.startsAt, session.timeZone));
}

function place(viewer: Viewer, session: TrainingSession): string {
  return session.onlineUrl ? viewer.tr(t('web:trainings.online')) : (session.venue ?? '');
}

function statusText(viewer: Viewer, session: TrainingSession): string {
  const known = ['terjadwal', 'diubah', 'dibatalkan', 'selesai'] as const;
  const status = known.find((s) => s === session.status) ?? 'terjadwal';
  return viewer.tr(t(`web:trainings.statuses.${status}`));
}

/** The session, when the viewer may see it: invited, managing it, or its trainer. */
async function visibleSession(deps: WebDeps, viewer: Viewer, id: string) {
  const session = await getSession(deps.db, { id });
  if (!session) return undefined;
  const { contact } = viewer;
  return invites(session, contact) || runs(contact, session) ? session : undefined;
}

/** Everyone who answered, with the waitlist's order and their attendance. */
async function answersOf(deps: WebDeps, session: TrainingSession) {
  const rows = await attendanceOf(deps.db, { sessionId: session.id });
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      position:
        row.status === 'menunggu' && row.contactId
          ? await waitlistPosition(deps.db, { sessionId: session.id, contactId: row.contactId })
          : 0,
    })),
  );
}

type Answer = Awaited<ReturnType<typeof answersOf>>[number];

function answerCells(viewer: Viewer, answer: Answer, names: (code: string) => string) {
  const tr = viewer.tr;
  const status = (['ikut', 'menunggu', 'tidak'] as const).find((s) => s === answer.status);
  return [
    answer.name ?? tr(t('web:audit.erased')),
    answer.villageCode ? names(answer.villageCode) : '–',
    status
      ? tr(t(`web:trainings.answers.${status}`, { position: answer.position }))
      : answer.status,
    answer.attendance === 'hadir'
      ? tr(t('web:trainings.present'))
      : answer.attendance === 'absen'
        ? tr(t('web:trainings.absent'))
        : '–',
    answer.rating ?? '–',
  ];
}

function SessionFacts(props: { viewer: Viewer; session: TrainingSession; going: number }) {
  const { viewer, session } = props;
  const tr = viewer.tr;
  return (
    <dl class="card" id="session">
      <dt>{tr(t('web:trainings.topic'))}</dt>
      <dd>{session.topic}</dd>
      <dt>{tr(t('web:trainings.starts'))}</dt>
      <dd>
        {sessionWhen(viewer, session)} – {tr(clockText(session.endsAt, session.timeZone))}
      </dd>
      <dt>{tr(t('web:trainings.place'))}</dt>
      <dd>{tr(placeText(session))}</dd>
      <dt>{tr(t('web:trainings.audience'))}</dt>
      <dd>{session.audience.map((role) => tr(roleName(role))).join(', ')}</dd>
      <dt>{tr(t('web:trainings.regions'))}</dt>
      <dd>{session.regions.join(', ')}</dd>
      <dt>{tr(t('web:trainings.capacity'))}</dt>
      <dd>
        {session.capacity === null
          ? tr(t('web:trainings.unlimited'))
          : tr(t('web:trainings.seats', { going: props.going, capacity: session.capacity }))}
      </dd>
      <dt>{tr(t('web:trainings.status'))}</dt>
      <dd id="status">{statusText(viewer, session)}</dd>
    </dl>
  );
}

async function sessionPage(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const tr = viewer.tr;
  const session = await visibleSession(deps, viewer, c.req.param('id') ?? '');
  if (!session) return notFound(c);
  const answers = runs(viewer.contact, session) ? await answersOf(deps, session) : undefined;
  const going = (await goingBySession(deps.db, { sessionIds: [session.id] })).get(session.id) ?? 0;
  const { directory } = await deps.villages();
  const path = `${TRAININGS}/${session.id}/peserta`;
  return c.html(
    <Page viewer={viewer} title={session.title}>
      <TrainingFlash viewer={viewer} query={c.req.query()} />
      <p>
        <a href={TRAININGS}>{tr(t('web:trainings.back'))}</a>
      </p>
      <SessionFacts viewer={viewer} session={session} going={going} />
      {answers ? (
        <>
          <h2>{tr(t('web:trainings.answers.title'))}</h2>
          <p class="muted">{tr(t('web:trainings.answers.counts', counts(answers)))}</p>
          <Exports viewer={viewer} path={path} query="" />
          <DataTable
            viewer={viewer}
            id="answers"
            empty={tr(t('web:trainings.answers.none'))}
            header={answerHeader(viewer)}
            rows={answers.map((a) =>
              answerCells(viewer, a, (code) => villageName(directory, code)),
            )}
          />
        </>
      ) : null}
      {manages(viewer.contact, session) ? (
        <SessionChanges viewer={viewer} session={session} now={deps.clock.now()} />
      ) : null}
    </Page>,
  );
}

function counts(answers: Answer[]) {
  const n = (status: string) => answers.filter((a) => a.status === status).length;
  const present = answers.filter((a) => a.attendance === 'hadir').length;
  return { going: n('ikut'), waiting: n('menunggu'), declined: n('tidak'), present };
}

function answerHeader(viewer: Viewer): string[] {
  const tr = viewer.tr;
  return [
    tr(t('web:people.name')),
    tr(t('web:people.village')),
    tr(t('web:trainings.answer')),
    tr(t('web:trainings.attendance')),
    tr(t('web:trainings.rating')),
  ];
}

function listHeader(viewer: Viewer): string[] {
  return [
    'web:trainings.name',
    'web:trainings.starts',
    'web:trainings.place',
    'web:trainings.capacity',
    'web:trainings.status',
    'web:trainings.regions',
  ].map((key) => viewer.tr(t(key as 'web:trainings.name')));
}

/** Adds the trainings list, a session's page, and their exports. */
export function mountTrainings(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(TRAININGS, async (c) => {
    const viewer = c.get('viewer');
    const tr = viewer.tr;
    const sessions = await sessionsFor(deps, viewer);
    const going = await goingBySession(deps.db, { sessionIds: sessions.map((s) => s.id) });
    const mayCreate = trainingArea(viewer.contact).type !== 'none';
    return c.html(
      <Page viewer={viewer} title={tr(t('web:trainings.title'))}>
        <TrainingFlash viewer={viewer} query={c.req.query()} />
        {mayCreate ? (
          <p>
            <a class="button" href={`${TRAININGS}/baru`}>
              {tr(t('web:trainings.create'))}
            </a>
          </p>
        ) : null}
        <Exports viewer={viewer} path={TRAININGS} query="" />
        <DataTable
          viewer={viewer}
          id="trainings"
          empty={tr(t('web:trainings.none'))}
          header={listHeader(viewer)}
          rows={sessions.map((s) => [
            <a href={`${TRAININGS}/${s.id}`}>{s.title}</a>,
            sessionWhen(viewer, s),
            place(viewer, s),
            s.capacity === null
              ? tr(t('web:trainings.unlimited'))
              : tr(t('web:trainings.seats', { going: going.get(s.id) ?? 0, capacity: s.capacity })),
            statusText(viewer, s),
            s.regions.join(' '),
          ])}
        />
      </Page>,
    );
  });
  app.get(`${TRAININGS}/:id`, (c) => sessionPage(c, deps));

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(`${TRAININGS}.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const tr = viewer.tr;
      const sessions = await sessionsFor(deps, viewer);
      return sendTable(c, format, {
        name: `pelatihan-${deps.clock.now().toISOString().slice(0, 10)}`,
        header: [
          tr(t('web:trainings.name')),
          tr(t('web:trainings.topic')),
          ...listHeader(viewer).slice(1),
        ],
        rows: sessions.map((s) => [
          s.title,
          s.topic,
          s.startsAt.toISOString(),
          s.venue ?? s.onlineUrl ?? '',
          s.capacity ?? '',
          s.status,
          s.regions.join(' '),
        ]),
      });
    });
    app.get(`${TRAININGS}/:id/peserta.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const session = await visibleSession(deps, viewer, c.req.param('id'));
      if (!session || !runs(viewer.contact, session)) return notFound(c);
      const answers = await answersOf(deps, session);
      const { directory } = await deps.villages();
      return sendTable(c, format, {
        name: `peserta-${session.startsAt.toISOString().slice(0, 10)}`,
        header: [...answerHeader(viewer), viewer.tr(t('web:people.village_code'))],
        rows: answers.map((a) => [
          ...answerCells(viewer, a, (code) => villageName(directory, code)).map((cell) =>
            plain(String(cell)),
          ),
          a.villageCode ?? '',
        ]),
      });
    });
  }
}
