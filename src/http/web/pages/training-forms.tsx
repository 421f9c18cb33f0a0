/**
 * Creating, changing and cancelling a training session on the web, with the chat wizard's
 * own actions run as the signed-in person (src/runtime/perform.ts): the same checks of
 * regions, times and links, the same area rules (admins anywhere, a duta digital in their
 * kabupaten, a pendamping in their kecamatan), and the same notices and reminders.
 */
import type { Context, Hono } from 'hono';
import { isOpen } from '../../../../flows/training/actions/view.js';
import {
  cancelSession,
  checkLink,
  checkStart,
  moveSession,
  relocateSession,
} from '../../../../flows/training/declarations.js';
import { t } from '../../../core/messages.js';
import { getSession, type TrainingSession } from '../../../db/queries/training.js';
import { wallTimeOf, zoneOfIana } from '../../../domain/training/time.js';
import { act } from '../act.js';
import { Checkbox } from '../fields.js';
import { Csrf, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import {
  LIMITS,
  readSessionForm,
  type Said,
  type SessionFields,
  within,
} from './training-fields.js';
import { ModeFields } from './training-new.js';
import { plain } from './words.js';

const TRAININGS = `${WEB_BASE}/pelatihan`;
const pad = (n: number) => String(n).padStart(2, '0');
const MINUTE_MS = 60_000;

/** Results a redirect names in `?hasil=`, each with its words. */
const RESULTS = {
  moved: t('training:manage.moved'),
  relocated: t('training:manage.relocated'),
  cancelled: t('training:manage.cancelled'),
  not_allowed: t('training:manage.not_allowed'),
  ended: t('training:manage.ended'),
  bad_time: t('training:new.start_bad'),
  past: t('training:new.start_past'),
  bad_link: t('training:new.link_bad'),
  no_venue: t('web:trainings.form.venue_needed', LIMITS.venue),
  bad_minutes: t('web:trainings.form.minutes_needed', LIMITS.minutes),
} as const;

/** The line a change, a refusal or a new session left (`?hasil=`, `?dibuat=`). */
export function TrainingFlash(props: { viewer: Viewer; query: Record<string, string> }) {
  const { viewer, query } = props;
  if (query.dibuat) {
    const text = t('training:new.saved', { title: query.dibuat });
    return (
      <p class="ok" role="status">
        {plain(viewer.tr(text))}
      </p>
    );
  }
  const key = Object.keys(RESULTS).find((k) => k === query.hasil) as
    | keyof typeof RESULTS
    | undefined;
  if (!key) return null;
  const good = key === 'moved' || key === 'relocated' || key === 'cancelled';
  return (
    <p class={good ? 'ok' : 'err'} role="status">
      {plain(viewer.tr(RESULTS[key]))}
    </p>
  );
}

/** The forms of a session its manager sees while it is open: time, place, cancel. */
export function SessionChanges(props: { viewer: Viewer; session: TrainingSession; now: Date }) {
  const { viewer, session } = props;
  if (!isOpen(session, props.now)) return null;
  const tr = viewer.tr;
  const wall = wallTimeOf(session.startsAt, session.timeZone);
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / MINUTE_MS);
  const base = `${TRAININGS}/${session.id}`;
  return (
    <>
      <h2>{tr(t('web:trainings.change'))}</h2>
      <form class="card filters" method="post" action={`${base}/waktu`} id="move">
        <Csrf viewer={viewer} />
        <label>
          {tr(t('web:trainings.form.date'))}
          <input
            type="date"
            name="date"
            required
            value={`${wall.year}-${pad(wall.month)}-${pad(wall.day)}`}
          />
        </label>
        <label>
          {tr(t('web:trainings.form.time', { zone: zoneOfIana(session.timeZone) }))}
          <input type="time" name="time" required value={`${pad(wall.hour)}:${pad(wall.minute)}`} />
        </label>
        <label>
          {tr(t('web:trainings.form.minutes'))}
          <input type="number" name="minutes" min="1" required value={String(minutes)} />
        </label>
        <button class="primary" type="submit">
          {tr(t('web:trainings.move'))}
        </button>
      </form>
      <form class="card filters" method="post" action={`${base}/tempat`} id="relocate">
        <Csrf viewer={viewer} />
        <ModeFields
          viewer={viewer}
          mode={session.onlineUrl ? 'online' : 'offline'}
          venue={session.venue ?? ''}
          url={session.onlineUrl ?? ''}
        />
        <button class="primary" type="submit">
          {tr(t('web:trainings.relocate'))}
        </button>
      </form>
      <form class="card" method="post" action={`${base}/batal`} id="cancel">
        <Csrf viewer={viewer} />
        <Checkbox
          name="yakin"
          value="1"
          required
          label={plain(tr(t('training:manage.confirm_cancel', { title: session.title })))}
        />
        <button type="submit">{tr(t('web:trainings.cancel'))}</button>
      </form>
    </>
  );
}

type Outcome = { outcome: string };

/** The session a manager's form names, or a 404. */
async function formSession(c: Context<WebEnv>, deps: WebDeps) {
  return getSession(deps.db, { id: c.req.param('id') ?? '' });
}

/** Back to the session's page with the result, or with the problem named. */
function back(c: Context<WebEnv>, id: string, result: Outcome & Partial<Said>, done: string) {
  const key =
    result.outcome === 'done'
      ? done
      : result.text?.key === 'training:manage.ended'
        ? 'ended'
        : 'not_allowed';
  return c.redirect(`${TRAININGS}/${id}?hasil=${key}`, 303);
}

async function moveFromForm(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const session = await formSession(c, deps);
  if (!session) return notFound(c);
  const form = readSessionForm(await c.req.parseBody());
  const zone = zoneOfIana(session.timeZone);
  const start = await act(deps, viewer, checkStart, {
    text: `${form.date} ${form.time}`,
    zone,
  });
  const minutes = form.minutes;
  if (start?.outcome !== 'ok' || minutes === undefined || !within(minutes, LIMITS.minutes)) {
    const problem =
      start?.outcome === 'past' ? 'past' : start?.outcome === 'ok' ? 'bad_minutes' : 'bad_time';
    return c.redirect(`${TRAININGS}/${session.id}?hasil=${problem}`, 303);
  }
  const input = { sessionId: session.id, start: start.wall, minutes };
  const result = await act(deps, viewer, moveSession, input);
  return back(c, session.id, result ?? { outcome: 'refused' }, 'moved');
}

async function relocateFromForm(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const session = await formSession(c, deps);
  if (!session) return notFound(c);
  const form: SessionFields = readSessionForm(await c.req.parseBody());
  const online = form.mode === 'online';
  const link = online ? await act(deps, viewer, checkLink, { url: form.url }) : undefined;
  if ((online && link?.outcome !== 'ok') || (!online && !within(form.venue.length, LIMITS.venue))) {
    const problem = online ? 'bad_link' : 'no_venue';
    return c.redirect(`${TRAININGS}/${session.id}?hasil=${problem}`, 303);
  }
  const result = await act(deps, viewer, relocateSession, {
    sessionId: session.id,
    mode: form.mode,
    venue: online ? null : form.venue,
    url: online ? form.url.trim() : null,
  });
  return back(c, session.id, result ?? { outcome: 'refused' }, 'relocated');
}

/** Adds the changes of a session (time, place, cancel). */
export function mountTrainingChanges(app: Hono<WebEnv>, deps: WebDeps): void {
  app.post(`${TRAININGS}/:id/waktu`, (c) => moveFromForm(c, deps));
  app.post(`${TRAININGS}/:id/tempat`, (c) => relocateFromForm(c, deps));
  app.post(`${TRAININGS}/:id/batal`, async (c) => {
    const session = await formSession(c, deps);
    if (!session) return notFound(c);
    const result = await act(deps, c.get('viewer'), cancelSession, {
      sessionId: session.id,
    });
    return back(c, session.id, result ?? { outcome: 'refused' }, 'cancelled');
  });
}
