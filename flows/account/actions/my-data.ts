/** The account's parts of /datasaya: profile, chat accounts, consents, role requests, messages. */
import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import { listConsents } from '../../../src/db/queries/consents.js';
import { listIdentities } from '../../../src/db/queries/contacts.js';
import { countMessagesOf } from '../../../src/db/queries/message-counts.js';
import { listRequestsOf, pendingRequestOf } from '../../../src/db/queries/role-requests.js';
import { formatDate } from '../../../src/domain/dates.js';
import { roleName } from '../../../src/domain/roles.js';
import { placeOf } from '../../../src/domain/village-place.js';
import type { MyDataSection } from '../../../src/runtime/capability.js';
import { profileText } from '../profile-text.js';

const NONE: Text = t('my-data:none');
const CONSENT_ANSWERS = ['accepted', 'declined', 'withdrawn'] as const;
const REQUEST_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;

/** One of `known`, or undefined for a value stored by another version. */
function oneOf<T extends string>(known: readonly T[], value: string): T | undefined {
  return known.find((item) => item === value);
}

function answerText(answer: string): Text | string {
  const known = oneOf(CONSENT_ANSWERS, answer);
  return known ? t(`my-data:answers.${known}`) : answer;
}

function statusText(status: string): Text | string {
  const known = oneOf(REQUEST_STATUSES, status);
  return known ? t(`my-data:statuses.${known}`) : status;
}

const profileSection: MyDataSection['build'] = async ({ tx, contact, villages }) => {
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

const accountsSection: MyDataSection['build'] = async ({ tx, contact }) => {
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

const consentsSection: MyDataSection['build'] = async ({ tx, contact }) => {
  const rows = await listConsents(tx, { contactId: contact.id });
  const lines = rows.map((row) =>
    t('my-data:consent', {
      date: formatDate(row.createdAt),
      answer: answerText(row.answer),
      version: row.noticeVersion,
      channel: row.channel,
    }),
  );
  return { title: t('my-data:titles.consents'), body: joinTexts(lines, NONE) };
};

const rolesSection: MyDataSection['build'] = async ({ tx, contact }) => {
  const rows = await listRequestsOf(tx, { contactId: contact.id });
  const lines = rows.map((row) =>
    t('my-data:request', {
      date: formatDate(row.createdAt),
      role: roleName(row.role),
      status: statusText(row.status),
    }),
  );
  return { title: t('my-data:titles.roles'), body: joinTexts(lines, NONE) };
};

const messagesSection: MyDataSection['build'] = async ({ tx, contact }) => {
  const counts = await countMessagesOf(tx, { contactId: contact.id });
  return { title: t('my-data:titles.messages'), body: t('my-data:messages', counts) };
};

/** The account's sections, ordered among every capability's (feedback, reports, ... between). */
export const accountSections: MyDataSection[] = [
  { order: 10, build: profileSection },
  { order: 20, build: accountsSection },
  { order: 30, build: consentsSection },
  { order: 40, build: rolesSection },
  { order: 90, build: messagesSection },
];
