/**
 * /siaran: admins (everywhere) and duta digital (their kabupaten) send an announcement.
 * The recent broadcasts come first, with the scheduled and running ones to change, cancel
 * or stop (manage.ts); a new one is the text (and a photo), the audience (roles, area,
 * language, a second-language version, channel), urgency for admins, a preview exactly as
 * people will see it with the exact count, then now or at a local time.
 */
import { call, resultOf } from '../../src/core/flow/action.js';
import {
  defineFlow,
  END,
  type FlowDefinition,
  type Step,
  type StepContext,
} from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { broadcastText, otherLanguage } from '../../src/domain/broadcast-message.js';
import { SELECTABLE_ROLES } from '../../src/domain/roles.js';
import { villagePickerSteps } from '../../src/domain/village-picker.js';
import {
  beginBroadcasts,
  changeBroadcast,
  countBroadcast,
  photoAttachments,
  readWhen,
  regionLevels,
  searchBroadcastVillage,
  submitBroadcast,
} from './declarations.js';
import { BROADCAST_MAX_CHARS, BROADCAST_MIN_CHARS } from './limits.js';
import { changing, manageSteps } from './manage.js';

export { BROADCAST_MAX_CHARS, BROADCAST_MIN_CHARS } from './limits.js';

/** Roles an audience may name: everyone who registers, and admins. */
const AUDIENCE_ROLES = [...SELECTABLE_ROLES, 'admin'] as const;

const begin = call('begin', beginBroadcasts, {
  input: () => null,
  next: { refused: 'not_allowed', '*': 'home' },
});

/** What /siaran began with, when the person may send. */
function started(ctx: StepContext) {
  const result = resultOf(ctx, begin);
  return result?.outcome === 'ok' ? result : undefined;
}

const mainLanguage = (ctx: StepContext) =>
  changing(ctx)?.draft.mainLanguage ?? (ctx.contact.language === 'en' ? 'en' : 'id');

/**
 * The audience chosen so far; the channel once it was asked. A scheduled broadcast whose
 * text is changed keeps its own.
 */
function audienceOf(ctx: StepContext, withChannel: boolean) {
  const kept = changing(ctx);
  if (kept?.part === 'text') return kept.draft.audience;
  const roles = Array.isArray(ctx.answers.roles) ? ctx.answers.roles.map(String) : [];
  const language = ctx.answers.language;
  const channel = ctx.answers.channel;
  return {
    roles: roles.length === 0 || roles.includes('all') ? null : roles,
    regionCode: ctx.answers.region === 'pick' ? String(ctx.answers.level ?? '') : null,
    language: language === 'id' || language === 'en' ? language : null,
    channel: withChannel && typeof channel === 'string' && channel !== 'all' ? channel : null,
  };
}

/**
 * The texts written: the main one in the sender's language, maybe a second version; a
 * scheduled broadcast being changed keeps its own unless they are written again.
 */
function textsOf(ctx: StepContext) {
  const kept = changing(ctx);
  if (kept) {
    const again = kept.part === 'text';
    return {
      main: again ? String(ctx.answers.edit_text ?? '') : kept.draft.main,
      mainLanguage: kept.draft.mainLanguage,
      second:
        again && kept.draft.second ? String(ctx.answers.edit_second_text ?? '') : kept.draft.second,
    } as const;
  }
  const second = ctx.answers.second === true ? String(ctx.answers.second_text ?? '') : null;
  return {
    main: String(ctx.answers.text ?? ''),
    mainLanguage: mainLanguage(ctx),
    second: second || null,
  } as const;
}

const urgentOf = (ctx: StepContext) => {
  const kept = changing(ctx);
  return kept?.part === 'text' ? kept.draft.urgent : ctx.answers.urgent === true;
};
const photoOf = (ctx: StepContext) => {
  const kept = changing(ctx);
  if (kept) return kept.draft.photo;
  return Array.isArray(ctx.answers.photo) ? (ctx.answers.photo[0] ?? null) : null;
};

const levels = call('levels', regionLevels, {
  input: (ctx) => ({ code: String(ctx.answers.village_pick ?? '') }),
  next: { outside: 'outside', '*': 'level' },
});

const count = call('count', countBroadcast, {
  input: (ctx) => ({ audience: audienceOf(ctx, false) }),
  next: { counted: 'channel', empty: 'empty', '*': 'refused' },
});

const recount = call('recount', countBroadcast, {
  input: (ctx) => ({ audience: audienceOf(ctx, true) }),
  next: { counted: 'preview_intro', empty: 'empty', '*': 'refused' },
});

const when = call('read_when', readWhen, {
  input: (ctx) => ({ text: String(ctx.answers.when ?? '') }),
  next: { ok: 'submit', '*': 'when_invalid' },
});

const submit = call('submit', submitBroadcast, {
  input: (ctx) => {
    const texts = textsOf(ctx);
    const read = resultOf(ctx, when);
    return {
      main: texts.main,
      second: texts.second,
      photo: photoOf(ctx),
      audience: audienceOf(ctx, true),
      urgent: urgentOf(ctx),
      at: ctx.answers.confirm === 'later' && read?.outcome === 'ok' ? read.at : null,
    };
  },
});

/** Saves a scheduled broadcast's new text or audience. */
const change = call('edit_save', changeBroadcast, {
  input: (ctx) => {
    const texts = textsOf(ctx);
    return {
      id: String(ctx.answers.home ?? ''),
      main: texts.main,
      second: texts.second,
      audience: audienceOf(ctx, true),
      urgent: urgentOf(ctx),
    };
  },
  next: { '*': 'edit_saved' },
});

function changedText(ctx: StepContext): Text {
  const result = resultOf(ctx, change);
  switch (result?.outcome) {
    case 'changed':
      return t('broadcasts:manage.changed', { number: result.number, at: result.at ?? '' });
    case 'too_late':
      return t('broadcasts:manage.too_late', { number: result.number });
    case 'refused':
      return t('broadcasts:submitted.refused');
    default:
      return t('broadcasts:manage.gone');
  }
}

function submittedText(ctx: StepContext): Text {
  const result = resultOf(ctx, submit);
  if (result?.outcome === 'started') {
    return t('broadcasts:submitted.started', { number: result.number, count: result.count });
  }
  if (result?.outcome === 'scheduled') {
    return t('broadcasts:submitted.scheduled', { number: result.number, at: result.at });
  }
  return t(`broadcasts:submitted.${result?.outcome ?? 'empty'}`);
}

function summaryOf(ctx: StepContext): Text {
  const result = resultOf(ctx, recount) ?? resultOf(ctx, count);
  return result && 'summary' in result ? result.summary : t('broadcasts:count.empty');
}

/** The composing steps, from the text to the confirmation. */
const composeSteps: Step[] = [
  {
    id: 'text',
    kind: 'text',
    prompt: t('broadcasts:text.prompt'),
    help: t('broadcasts:text.help'),
    min: BROADCAST_MIN_CHARS,
    max: BROADCAST_MAX_CHARS,
  },
  { id: 'photo', kind: 'photo', prompt: t('broadcasts:photo.prompt'), min: 0, max: 1 },
  {
    id: 'roles',
    kind: 'multi',
    prompt: t('broadcasts:roles.prompt'),
    options: [
      { value: 'all', label: t('broadcasts:roles.all') },
      ...AUDIENCE_ROLES.map((role) => ({ value: role, label: t(`roles:names.${role}`) })),
    ],
  },
  {
    id: 'region',
    kind: 'choice',
    prompt: t('broadcasts:region.prompt'),
    options: (ctx) => [
      {
        value: 'all',
        label: started(ctx)?.admin
          ? t('broadcasts:region.everywhere')
          : t('broadcasts:region.own_area', { area: started(ctx)?.area ?? '' }),
      },
      { value: 'pick', label: t('broadcasts:region.pick') },
    ],
    next: { all: 'language', pick: 'village_query' },
  },
  ...villagePickerSteps({
    prompt: t('broadcasts:region.search'),
    search: searchBroadcastVillage,
    picked: 'levels',
    other: true,
  }),
  levels,
  { id: 'outside', kind: 'say', text: t('broadcasts:region.outside'), next: 'region' },
  {
    id: 'level',
    kind: 'choice',
    prompt: t('broadcasts:region.level_prompt'),
    options: (ctx) => {
      const result = resultOf(ctx, levels);
      return result?.outcome === 'levels' ? result.options : [];
    },
  },
  {
    id: 'language',
    kind: 'choice',
    prompt: t('broadcasts:language.prompt'),
    options: (['all', 'id', 'en'] as const).map((value) => ({
      value,
      label: t(`broadcasts:language.${value}`),
    })),
  },
  {
    id: 'second',
    kind: 'yesno',
    // Nobody reads the other language in an audience of the main language only; a
    // scheduled broadcast's new audience keeps its texts.
    skipIf: (ctx) => ctx.answers.language === mainLanguage(ctx) || changing(ctx) !== undefined,
    prompt: (ctx) => t(`broadcasts:second.prompt_${otherLanguage(mainLanguage(ctx))}`),
    next: { yes: 'second_text', '*': 'count' },
  },
  {
    id: 'second_text',
    kind: 'text',
    skipIf: (ctx) => changing(ctx) !== undefined,
    prompt: (ctx) => t(`broadcasts:second.text_${otherLanguage(mainLanguage(ctx))}`),
    min: BROADCAST_MIN_CHARS,
    max: BROADCAST_MAX_CHARS,
  },
  count,
  { id: 'empty', kind: 'say', text: summaryOf, next: 'roles' },
  { id: 'refused', kind: 'say', text: t('broadcasts:submitted.refused'), next: END },
  {
    id: 'channel',
    kind: 'choice',
    // One channel only: nothing to choose.
    skipIf: (ctx) => channelOptions(ctx).length <= 2,
    prompt: t('broadcasts:channel.prompt'),
    options: channelOptions,
  },
  {
    id: 'urgent',
    kind: 'yesno',
    skipIf: (ctx) => !started(ctx)?.admin,
    prompt: t('broadcasts:urgent.prompt'),
  },
  recount,
  { id: 'preview_intro', kind: 'say', text: t('broadcasts:preview.intro') },
  {
    id: 'preview',
    kind: 'say',
    text: (ctx) => broadcastText(textsOf(ctx).main, urgentOf(ctx)),
    attachments: (ctx) => photoAttachments(photoOf(ctx)),
  },
  {
    id: 'preview_second_intro',
    kind: 'say',
    skipIf: (ctx) => textsOf(ctx).second === null,
    text: t('broadcasts:preview.second'),
  },
  {
    id: 'preview_second',
    kind: 'say',
    skipIf: (ctx) => textsOf(ctx).second === null,
    text: (ctx) => broadcastText(textsOf(ctx).second ?? '', urgentOf(ctx)),
    attachments: (ctx) => photoAttachments(photoOf(ctx)),
  },
  {
    id: 'confirm',
    kind: 'choice',
    prompt: (ctx) => {
      const kept = changing(ctx);
      return kept
        ? t('broadcasts:confirm.prompt_change', { summary: summaryOf(ctx), number: kept.number })
        : t('broadcasts:confirm.prompt', { summary: summaryOf(ctx) });
    },
    options: (ctx) =>
      (changing(ctx)
        ? (['save', 'keep'] as const)
        : (['now', 'later', 'change', 'cancel'] as const)
      ).map((value) => ({
        value,
        label: t(`broadcasts:confirm.${value}`),
        ...(value === 'now' || value === 'save' ? { means: 'yes' as const } : {}),
        ...(value === 'cancel' || value === 'keep' ? { means: 'no' as const } : {}),
      })),
    next: {
      now: 'submit',
      later: 'when',
      change: 'text',
      cancel: 'cancelled',
      save: 'edit_save',
      keep: 'edit_kept',
    },
  },
  {
    id: 'when',
    kind: 'text',
    prompt: (ctx) => t('broadcasts:when.prompt', { zone: started(ctx)?.zone ?? 'WIB' }),
    max: 60,
  },
  when,
  { id: 'when_invalid', kind: 'say', text: t('broadcasts:when.invalid'), next: 'when' },
  submit,
  { id: 'submitted', kind: 'say', text: submittedText, next: END },
  { id: 'cancelled', kind: 'say', text: t('broadcasts:cancelled'), next: END },
  change,
  { id: 'edit_saved', kind: 'say', text: changedText, next: END },
  {
    id: 'edit_kept',
    kind: 'say',
    text: (ctx) => t('broadcasts:manage.kept', { number: changing(ctx)?.number ?? 0 }),
    next: END,
  },
];

/** "All channels (N)" and one option per channel with its count. */
function channelOptions(ctx: StepContext) {
  const result = resultOf(ctx, count);
  return result?.outcome === 'counted' ? result.channels : [];
}

/** /siaran. */
export const broadcastFlow: FlowDefinition = defineFlow({
  id: 'broadcast',
  version: 1,
  commands: ['siaran', 'broadcast'],
  steps: [
    begin,
    { id: 'not_allowed', kind: 'say', text: t('broadcasts:not_allowed'), next: END },
    {
      id: 'home',
      kind: 'choice',
      prompt: (ctx) => t('broadcasts:home.prompt', { list: started(ctx)?.list ?? '' }),
      options: (ctx) => [
        { value: 'new', label: t('broadcasts:home.new') },
        ...(started(ctx)?.open ?? []),
        { value: 'close', label: t('broadcasts:home.close') },
      ],
      next: { new: 'text', close: 'bye', '*': 'open' },
    },
    { id: 'bye', kind: 'say', text: t('broadcasts:bye'), next: END },
    ...manageSteps,
    ...composeSteps,
  ],
});
