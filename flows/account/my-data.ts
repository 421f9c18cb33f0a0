import { defineFlow, type StepContext } from '../src/core/flow/types.js';
import { type Text, t } from '../src/core/messages.js';
import type { Db } from '../src/db/client.js';
import { listConsents } from '../src/db/queries/consents.js';
import { type Contact, listIdentities } from '../src/db/queries/contacts.js';
import { listFeedbackOf } from '../src/db/queries/feedback.js';
import { countMessagesOf } from '../src/db/queries/message-counts.js';
import { listRequestsOf, pendingRequestOf } from '../src/db/queries/role-requests.js';
import { formatDate } from '../src/domain/dates.js';
import type { VillageIndexSource } from '../src/domain/village-index.js';
import { placeOf } from '../src/domain/village-place.js';
import type { ActionHandler } from '../src/runtime/types.js';
import { PROFILE_TEXT_KEYS, profileText, roleName } from './profile-text.js';
import { questionnaireSection } from './questionnaire-data.js';
import { reportsSection } from './report-data.js';
import { JOIN_KEYS, joinTexts, textAsJson } from './text-lines.js';

/** What a section of /datasaya is built from. */
export interface MyDataSource {
  tx: Db;
  contact: Contact;
  villages: VillageIndexSource;
}

/** One part of /datasaya: a title and its lines. Later features add theirs to {@link MY_DATA_SECTIONS}. */
export type MyDataSection = (source: MyDataSource) => Promise<{ title: Text; body: Text }>;

const CONSENT_ANSWERS = ['accepted', 'declined', 'withdrawn'];
const REQUEST_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'];
const FEEDBACK_TOPICS = ['usage', 'content', 'idea', 'problem', 'other'];
const NONE = t('my-data:none');

const profileSection: MyDataSection = async ({ tx, contact, villages }) => {
  const { directory } = await villages();
  const village = contact.villageCode ? directory.get(contact.villageCode) : undefined;
  const pending = await pendingRequestOf(tx, { contactId: contact.id });
  const profile = profileText(
    {
      outcome: 'ok',
      name: contact.displayName,
      role: contact.role,
      requested: pending?.role ?? null,
      village: village ? placeOf(village) : null,
    },
    contact.language,
  );
  const registered = contact.registeredAt
    ? t('my-data:registered', { date: formatDate(contact.registeredAt) })
    : t('my-data:not_registered');
  const code = contact.villageCode
    ? [t('my-data:village_code', { code: contact.villageCode })]
    : [];
  return {
    title: t('my-data:titles.profile'),
    body: joinTexts([profile, ...code, registered], NONE),
  };
};

const accountsSection: MyDataSection = async ({ tx, contact }) => {
  const identities = await listIdentities(tx, { contactId: contact.id });
  const lines = identities.map((identity) =>
    identity.phone
      ? t('my-data:account_phone', {
          channel: identity.channel,
          id: identity.externalId,
          phone: identity.phone,
        })
      : t('my-data:account', { channel: identity.channel, id: identity.externalId }),
  );
  return { title: t('my-data:titles.accounts'), body: joinTexts(lines, NONE) };
};

const consentsSection: MyDataSection = async ({ tx, contact }) => {
  const rows = await listConsents(tx, { contactId: contact.id });
  const lines = rows.map((row) =>
    t('my-data:consent', {
      date: formatDate(row.createdAt),
      answer: t(`my-data:answers.${row.answer}`),
      version: row.noticeVersion,
      channel: row.channel,
    }),
  );
  return { title: t('my-data:titles.consents'), body: joinTexts(lines, NONE) };
};

const rolesSection: MyDataSection = async ({ tx, contact }) => {
  const rows = await listRequestsOf(tx, { contactId: contact.id });
  const lines = rows.map((row) =>
    t('my-data:request', {
      date: formatDate(row.createdAt),
      role: roleName(row.role),
      status: t(`my-data:statuses.${row.status}`),
    }),
  );
  return { title: t('my-data:titles.roles'), body: joinTexts(lines, NONE) };
};

const feedbackSection: MyDataSection = async ({ tx, contact }) => {
  const rows = await listFeedbackOf(tx, { contactId: contact.id });
  const lines = rows.map((row) =>
    t('my-data:feedback', {
      date: formatDate(row.createdAt),
      topic: t(`feedback:topic.options.${row.topic}`),
      message: row.message,
      rating: row.rating,
    }),
  );
  return { title: t('my-data:titles.feedback'), body: joinTexts(lines, NONE) };
};

const messagesSection: MyDataSection = async ({ tx, contact }) => {
  const counts = await countMessagesOf(tx, { contactId: contact.id });
  return { title: t('my-data:titles.messages'), body: t('my-data:messages', counts) };
};

/** The sections of /datasaya, in order. */
export const MY_DATA_SECTIONS: MyDataSection[] = [
  profileSection,
  accountsSection,
  consentsSection,
  rolesSection,
  feedbackSection,
  questionnaireSection(),
  reportsSection,
  messagesSection,
];

/** /datasaya: everything stored about the person, readable. Works before consent too. */
export const myDataFlow = defineFlow({
  id: 'my-data',
  version: 1,
  commands: ['datasaya', 'mydata'],
  returns: true,
  extraKeys: [
    ...JOIN_KEYS,
    ...PROFILE_TEXT_KEYS,
    ...CONSENT_ANSWERS.map((answer) => `my-data:answers.${answer}`),
    ...REQUEST_STATUSES.map((status) => `my-data:statuses.${status}`),
    ...FEEDBACK_TOPICS.map((topic) => `feedback:topic.options.${topic}`),
    ...['profile', 'accounts', 'consents', 'roles', 'feedback', 'messages'].map(
      (title) => `my-data:titles.${title}`,
    ),
    'my-data:all',
    'my-data:section',
    'my-data:none',
    'my-data:registered',
    'my-data:not_registered',
    'my-data:village_code',
    'my-data:account',
    'my-data:account_phone',
    'my-data:consent',
    'my-data:request',
    'my-data:feedback',
    'my-data:messages',
  ],
  steps: [
    { id: 'collect', kind: 'call', action: 'my_data.collect' },
    { id: 'show', kind: 'say', text: (ctx: StepContext) => shownText(ctx) },
  ],
});

function shownText(ctx: StepContext): Text {
  const collected = ctx.answers.collect as { text?: Text } | undefined;
  return collected?.text ?? NONE;
}

/** Actions of /datasaya. */
export function createMyDataActions(deps: {
  villages: VillageIndexSource;
}): Record<string, ActionHandler> {
  return {
    'my_data.collect': async ({ tx, contact }) => {
      const source = { tx, contact, villages: deps.villages };
      const sections = [];
      for (const section of MY_DATA_SECTIONS) sections.push(await section(source));
      const parts = sections.map((s) => t('my-data:section', { title: s.title, body: s.body }));
      const text = t('my-data:all', { sections: joinTexts(parts, NONE, 'paragraph') });
      return { outcome: 'collected', text: textAsJson(text) };
    },
  };
}
