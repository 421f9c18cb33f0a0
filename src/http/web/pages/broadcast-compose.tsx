/**
 * Composing a broadcast on the web: the form with a recipient count that follows every
 * change (htmx posts the audience to the chat's own `broadcast.count`, which counts with
 * src/db/queries/broadcast-audience.ts), the preview (the very text people get), and
 * sending or scheduling through the chat's `broadcast.submit`, under the same rules: admins
 * anywhere, a duta digital in their kabupaten.
 */
import type { Context, Hono } from 'hono';
import { sendScope } from '../../../../flows/broadcasts/actions/compose.js';
import { BROADCAST_MAX_CHARS, BROADCAST_MIN_CHARS } from '../../../../flows/broadcasts/compose.js';
import {
  countBroadcast,
  readWhen,
  submitBroadcast,
} from '../../../../flows/broadcasts/declarations.js';
import { type Text, t } from '../../../core/messages.js';
import { broadcastText } from '../../../domain/broadcast-message.js';
import { ROLES, roleName } from '../../../domain/roles.js';
import { act } from '../act.js';
import { Checkbox, CheckboxGroup, SelectField } from '../fields.js';
import { Csrf, Page, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import {
  audienceOf,
  CHANNELS,
  CountBox,
  type Counted,
  type Draft,
  Hidden,
  readDraft,
} from './broadcast-draft.js';
import { notFound } from './report-detail.js';
import { plain } from './words.js';

const BROADCASTS = `${WEB_BASE}/siaran`;

function ComposeForm(props: { viewer: Viewer; draft: Draft; counted?: Counted; problems: Text[] }) {
  const { viewer, draft } = props;
  const tr = viewer.tr;
  const admin = sendScope(viewer.contact)?.type === 'everywhere';
  return (
    <Page viewer={viewer} title={tr(t('web:broadcasts.compose'))}>
      {props.problems.length > 0 ? (
        <div class="err" role="alert" id="problems">
          {props.problems.map((p) => (
            <p>{plain(tr(p))}</p>
          ))}
        </div>
      ) : null}
      <form class="card" method="post" action={`${BROADCASTS}/pratinjau`} id="compose">
        <Csrf viewer={viewer} />
        <label>
          {tr(t('web:broadcasts.main'))}
          <textarea name="main" rows={5} required>
            {draft.main}
          </textarea>
        </label>
        <label>
          {tr(t('web:broadcasts.second'))}
          <textarea name="second" rows={3}>
            {draft.second}
          </textarea>
        </label>
        <CheckboxGroup
          legend={tr(t('web:broadcasts.roles'))}
          name="roles"
          values={ROLES}
          checked={draft.roles}
          label={(role) => tr(roleName(role))}
        />
        <div class="filters">
          <label>
            {tr(t('web:broadcasts.region'))}
            <input name="region" value={draft.region} placeholder="32.03" />
          </label>
          <SelectField
            label={tr(t('web:broadcasts.language'))}
            name="language"
            values={['', 'id', 'en'] as const}
            selected={draft.language}
            optionLabel={(value) => tr(t(`broadcasts:language.${value || 'all'}`))}
          />
          <SelectField
            label={tr(t('web:broadcasts.channel'))}
            name="channel"
            values={CHANNELS}
            selected={draft.channel}
            optionLabel={(channel) => tr(t(`broadcasts:channels.${channel}`))}
            none={tr(t('web:common.all'))}
          />
          <label>
            {tr(t('web:broadcasts.when'))}
            <input name="when" value={draft.when} placeholder="besok 08:00" />
          </label>
        </div>
        {admin ? (
          <Checkbox
            name="urgent"
            value="1"
            checked={draft.urgent}
            label={tr(t('web:broadcasts.urgent'))}
          />
        ) : null}
        <div
          hx-post={`${BROADCASTS}/hitung`}
          hx-include="#compose"
          hx-trigger="load, change from:#compose, keyup changed delay:500ms from:#compose"
          hx-swap="innerHTML"
        >
          <CountBox viewer={viewer} counted={props.counted} />
        </div>
        <button class="primary" type="submit">
          {tr(t('web:broadcasts.preview'))}
        </button>
      </form>
    </Page>
  );
}

/** The draft checked as the chat checks it: its problems, or what is confirmed. */
async function checked(deps: WebDeps, viewer: Viewer, draft: Draft) {
  const problems: Text[] = [];
  const sizeOk = (text: string) =>
    text.length >= BROADCAST_MIN_CHARS && text.length <= BROADCAST_MAX_CHARS;
  if (!sizeOk(draft.main) || (draft.second && !sizeOk(draft.second))) {
    problems.push(t('broadcasts:text.prompt'));
  }
  let at: { iso: string; label: string } | undefined;
  if (draft.when) {
    const read = await act(deps, viewer, readWhen, { text: draft.when });
    if (read?.outcome === 'ok' && read.at) at = { iso: read.at, label: read.label ?? '' };
    else problems.push(t('broadcasts:when.invalid'));
  }
  const counted = await act(deps, viewer, countBroadcast, { audience: audienceOf(draft) });
  if (counted?.outcome !== 'counted') problems.push(t('web:broadcasts.no_recipients'));
  return { problems, counted, at };
}

async function preview(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const tr = viewer.tr;
  const draft = readDraft(await c.req.parseBody({ all: true }));
  const { problems, counted, at } = await checked(deps, viewer, draft);
  if (problems.length > 0) {
    return c.html(
      <ComposeForm viewer={viewer} draft={draft} counted={counted} problems={problems} />,
      422,
    );
  }
  return c.html(
    <Page viewer={viewer} title={tr(t('web:broadcasts.preview'))}>
      <div class="card" id="preview">
        <p>{plain(tr(t('broadcasts:preview.intro')))}</p>
        <p style="white-space:pre-line">{plain(tr(broadcastText(draft.main, draft.urgent)))}</p>
        {draft.second ? (
          <>
            <p>{plain(tr(t('broadcasts:preview.second')))}</p>
            <p style="white-space:pre-line">{draft.second}</p>
          </>
        ) : null}
      </div>
      <CountBox viewer={viewer} counted={counted} />
      <p>{at ? tr(t('web:broadcasts.at', { at: at.label })) : tr(t('web:broadcasts.now'))}</p>
      <form method="post" action={`${BROADCASTS}/kirim`}>
        <Csrf viewer={viewer} />
        <Hidden draft={draft} />
        <button class="primary" type="submit">
          {tr(t(at ? 'web:broadcasts.schedule' : 'web:broadcasts.send'))}
        </button>{' '}
        <button type="submit" formaction={`${BROADCASTS}/baru`}>
          {tr(t('web:broadcasts.edit'))}
        </button>
      </form>
    </Page>,
  );
}

async function send(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const draft = readDraft(await c.req.parseBody({ all: true }));
  const { problems, counted, at } = await checked(deps, viewer, draft);
  const again = (list: Text[]) =>
    c.html(<ComposeForm viewer={viewer} draft={draft} counted={counted} problems={list} />, 422);
  if (problems.length > 0) return again(problems);
  const done = await act(deps, viewer, submitBroadcast, {
    main: draft.main,
    second: draft.second || null,
    photo: null,
    audience: audienceOf(draft),
    urgent: draft.urgent,
    at: at?.iso ?? null,
  });
  if (done?.outcome !== 'started' && done?.outcome !== 'scheduled') {
    return again([t(`broadcasts:submitted.${done?.outcome === 'empty' ? 'empty' : 'refused'}`)]);
  }
  return c.redirect(`${BROADCASTS}/${done.number}?hasil=${done.outcome}`, 303);
}

/** Adds composing: the form, the live count, the preview and the send (before a broadcast's page). */
export function mountBroadcastCompose(app: Hono<WebEnv>, deps: WebDeps): void {
  app.use(`${BROADCASTS}/:step{baru|hitung|pratinjau|kirim}`, async (c, next) => {
    if (!sendScope(c.get('viewer').contact)) return notFound(c);
    await next();
  });
  const empty = readDraft({});
  app.get(`${BROADCASTS}/baru`, (c) =>
    c.html(<ComposeForm viewer={c.get('viewer')} draft={empty} problems={[]} />),
  );
  app.post(`${BROADCASTS}/baru`, async (c) => {
    const draft = readDraft(await c.req.parseBody({ all: true }));
    return c.html(<ComposeForm viewer={c.get('viewer')} draft={draft} problems={[]} />);
  });
  app.post(`${BROADCASTS}/hitung`, async (c) => {
    const viewer = c.get('viewer');
    const draft = readDraft(await c.req.parseBody({ all: true }));
    const counted = await act(deps, viewer, countBroadcast, {
      audience: audienceOf(draft),
    });
    return c.html(<CountBox viewer={viewer} counted={counted} />);
  });
  app.post(`${BROADCASTS}/pratinjau`, (c) => preview(c, deps));
  app.post(`${BROADCASTS}/kirim`, (c) => send(c, deps));
}
