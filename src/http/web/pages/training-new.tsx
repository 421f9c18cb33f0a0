/**
 * A new training session on the web: the form, then the chat wizard's own checks (regions
 * inside the person's area, a start still to come in the region's zone, http(s) links) and
 * its `training.save`, so reminders are planned and the session shows in /jadwal exactly as
 * when it is made in the chat.
 */
import type { Context, Hono } from 'hono';
import { regionPresets } from '../../../../flows/training/actions/regions.js';
import {
  checkLink,
  checkRegions,
  checkStart,
  saveSession,
  ZONES,
} from '../../../../flows/training/declarations.js';
import { type Text, t } from '../../../core/messages.js';
import { PILLAR_IDS } from '../../../domain/questionnaire/types.js';
import { AUDIENCE_ROLES, trainingArea } from '../../../domain/training/access.js';
import { act } from '../act.js';
import { Checkbox, CheckboxGroup, SelectField } from '../fields.js';
import { Csrf, Page, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { LIMITS, readSessionForm, type SessionFields, whole, within } from './training-fields.js';
import { plain } from './words.js';

const TRAININGS = `${WEB_BASE}/pelatihan`;

const EMPTY: SessionFields = {
  title: '',
  topic: '',
  pillar: '',
  audience: ['kader_digital'],
  regions: '',
  date: '',
  time: '09:00',
  minutes: 120,
  mode: 'offline',
  venue: '',
  url: '',
  capacity: '',
  materials: '',
  trainerIsMe: true,
};

function NewSessionForm(props: {
  viewer: Viewer;
  form: SessionFields;
  presets: { value: string; label: Text }[];
  problems: Text[];
}) {
  const { viewer, form } = props;
  const tr = viewer.tr;
  const field = (key: 'title' | 'topic', label: Text) => (
    <label>
      {tr(label)}
      <input name={key} value={form[key]} required />
    </label>
  );
  return (
    <Page viewer={viewer} title={tr(t('web:trainings.create'))}>
      {props.problems.length > 0 ? (
        <div class="err" role="alert" id="problems">
          {props.problems.map((p) => (
            <p>{plain(tr(p))}</p>
          ))}
        </div>
      ) : null}
      <form class="card" method="post" action={`${TRAININGS}/baru`} id="new-session">
        <Csrf viewer={viewer} />
        {field('title', t('web:trainings.form.title'))}
        {field('topic', t('web:trainings.topic'))}
        <SelectField
          label={tr(t('web:trainings.form.pillar'))}
          name="pillar"
          values={PILLAR_IDS}
          selected={form.pillar}
          optionLabel={(p) => tr(t(`training:pillars.${p}`))}
          none={tr(t('training:pillars.none'))}
        />
        <CheckboxGroup
          legend={tr(t('web:trainings.audience'))}
          name="audience"
          values={AUDIENCE_ROLES}
          checked={form.audience}
          label={(role) => tr(t(`training:roles.${role}`))}
        />
        <label>
          {tr(t('web:trainings.form.regions'))}
          <input name="regions" value={form.regions} required />
          <span class="muted">
            {props.presets.map((p) => `${plain(tr(p.label))}: ${p.value}`).join(' · ')}
          </span>
        </label>
        <label>
          {tr(t('web:trainings.form.date'))}
          <input type="date" name="date" value={form.date} required />
        </label>
        <label>
          {tr(t('web:trainings.form.time_local'))}
          <input type="time" name="time" value={form.time} required />
        </label>
        <label>
          {tr(t('web:trainings.form.minutes'))}
          <input type="number" name="minutes" min="1" value={String(form.minutes ?? '')} required />
        </label>
        <ModeFields viewer={viewer} mode={form.mode} venue={form.venue} url={form.url} />
        <label>
          {tr(t('web:trainings.form.capacity'))}
          <input type="number" name="capacity" min="1" value={form.capacity} />
        </label>
        <label>
          {tr(t('web:trainings.form.materials'))}
          <input type="url" name="materials" value={form.materials} placeholder="https://" />
        </label>
        <Checkbox
          name="trainer"
          value="me"
          checked={form.trainerIsMe}
          label={tr(t('web:trainings.form.trainer_me'))}
        />
        <button class="primary" type="submit">
          {tr(t('web:trainings.form.save'))}
        </button>
      </form>
    </Page>
  );
}

/** Face to face (a venue) or online (a link). */
export function ModeFields(props: { viewer: Viewer; mode: string; venue: string; url: string }) {
  const tr = props.viewer.tr;
  return (
    <>
      <label>
        {tr(t('web:trainings.form.mode'))}
        <select name="mode">
          <option value="offline" selected={props.mode !== 'online'}>
            {tr(t('training:modes.offline'))}
          </option>
          <option value="online" selected={props.mode === 'online'}>
            {tr(t('training:modes.online'))}
          </option>
        </select>
      </label>
      <label>
        {tr(t('web:trainings.form.venue'))}
        <input name="venue" value={props.venue} />
      </label>
      <label>
        {tr(t('web:trainings.form.url'))}
        <input name="url" type="url" value={props.url} placeholder="https://" />
      </label>
    </>
  );
}

/** The wizard's checks over the form: the problems, or the `training.save` input. */
async function checked(deps: WebDeps, viewer: Viewer, form: SessionFields) {
  const problems: Text[] = [];
  if (!within(form.title.length, LIMITS.title)) {
    problems.push(t('web:trainings.form.title_needed', LIMITS.title));
  }
  if (!within(form.topic.length, LIMITS.topic)) {
    problems.push(t('web:trainings.form.topic_needed', LIMITS.topic));
  }
  const audience = AUDIENCE_ROLES.filter((role) => form.audience.includes(role));
  if (audience.length === 0) problems.push(t('web:trainings.form.audience_needed'));
  if (!within(form.minutes, LIMITS.minutes)) {
    problems.push(t('web:trainings.form.minutes_needed', LIMITS.minutes));
  }
  const capacity = form.capacity === '' ? null : whole(form.capacity);
  if (capacity !== null && !within(capacity, LIMITS.capacity)) {
    problems.push(t('web:trainings.form.capacity_bad', LIMITS.capacity));
  }
  const regions = await act(deps, viewer, checkRegions, { choice: '', typed: form.regions });
  const zone = ZONES.find((z) => regions?.outcome === 'ok' && z === regions.zone);
  if (regions?.outcome !== 'ok' || !zone) {
    problems.push(regions?.outcome === 'bad' ? regions.text : t('training:new.region_codes'));
    return { problems };
  }
  const start = await act(deps, viewer, checkStart, { text: `${form.date} ${form.time}`, zone });
  if (start?.outcome === 'past') problems.push(t('training:new.start_past'));
  else if (start?.outcome !== 'ok') problems.push(t('training:new.start_bad'));
  const online = form.mode === 'online';
  for (const url of [online ? form.url : undefined, form.materials || undefined]) {
    if (url === undefined) continue;
    const link = await act(deps, viewer, checkLink, { url });
    if (link?.outcome !== 'ok') problems.push(t('training:new.link_bad'));
  }
  if (!online && !within(form.venue.length, LIMITS.venue)) {
    problems.push(t('web:trainings.form.venue_needed', LIMITS.venue));
  }
  const minutes = form.minutes;
  const done = problems.length === 0 && start?.outcome === 'ok';
  if (!done || minutes === undefined || capacity === undefined) return { problems };
  return {
    problems,
    input: {
      title: form.title,
      topic: form.topic,
      pillar: PILLAR_IDS.find((p) => p === form.pillar) ?? null,
      audience,
      regions: regions.codes,
      zone,
      start: start.wall,
      minutes,
      mode: form.mode,
      venue: online ? null : form.venue,
      url: online ? form.url : null,
      capacity,
      materials: form.materials || null,
      trainerIsMe: form.trainerIsMe,
    },
  };
}

async function presetsOf(deps: WebDeps, viewer: Viewer) {
  return regionPresets(viewer.contact, (await deps.villages()).directory);
}

async function create(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  if (trainingArea(viewer.contact).type === 'none') return notFound(c);
  const form = readSessionForm(await c.req.parseBody({ all: true }));
  const presets = await presetsOf(deps, viewer);
  const again = (problems: Text[]) =>
    c.html(
      <NewSessionForm viewer={viewer} form={form} presets={presets} problems={problems} />,
      422,
    );
  const { problems, input } = await checked(deps, viewer, form);
  if (!input) return again(problems);
  const saved = await act(deps, viewer, saveSession, input);
  if (saved?.outcome !== 'saved') return again([saved?.text ?? t('training:new.refused')]);
  return c.redirect(`${TRAININGS}?${new URLSearchParams({ dibuat: form.title })}`, 303);
}

/** Adds the new-session form and its submission (mounted before a session's page). */
export function mountNewSession(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(`${TRAININGS}/baru`, async (c) => {
    const viewer = c.get('viewer');
    if (trainingArea(viewer.contact).type === 'none') return notFound(c);
    const presets = await presetsOf(deps, viewer);
    const form = { ...EMPTY, regions: presets[0]?.value ?? '' };
    return c.html(<NewSessionForm viewer={viewer} form={form} presets={presets} problems={[]} />);
  });
  app.post(`${TRAININGS}/baru`, (c) => create(c, deps));
}
