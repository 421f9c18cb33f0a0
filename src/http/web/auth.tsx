/**
 * Signing in to the admin web with the one-time link `/web` sent in the chat, sessions,
 * and the CSRF check of every changing request. A link opens a page that asks to confirm
 * with a button: chat apps fetch links to show previews, and a GET must not use it up.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { t } from '../../core/messages.js';
import { type Contact, getContact } from '../../db/queries/contacts.js';
import {
  deleteSession,
  insertSession,
  peekLoginToken,
  type TokenUse,
  touchSession,
  useLoginToken,
} from '../../db/queries/web-auth.js';
import { isRegistered } from '../../domain/privacy.js';
import { staffScope } from '../../domain/staff-scope.js';
import { hashSecret, newSecret, sameSecret, WEB_SESSION_IDLE_MS } from '../../domain/web-access.js';
import { Page, WEB_BASE } from './layout.js';
import type { Viewer, WebDeps, WebEnv } from './types.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'sapa_web';

/** Paths open without a session: the sign-in page and the static scripts. */
const OPEN_PATHS = [`${WEB_BASE}/masuk`, `${WEB_BASE}/assets/`];

/** The staff scope of a contact who may use the web now, or undefined. */
function webScope(contact: Contact | undefined) {
  if (!contact || contact.deletedAt || !isRegistered(contact)) return undefined;
  const scope = staffScope(contact);
  return scope.type === 'none' ? undefined : scope;
}

/** The language of a page shown before anyone is known: the browser's, Indonesian by default. */
function language(c: Context): string {
  return (c.req.header('accept-language') ?? '').startsWith('en') ? 'en' : 'id';
}

/** A page that says why, with a status. */
function refusalPage(c: Context, status: 403 | 401 | 410, title: string, body: string) {
  return c.html(
    <Page title={title} language={language(c)}>
      <p class="card">{body}</p>
    </Page>,
    status,
  );
}

/** Adds the sign-in and sign-out routes. */
export function mountSignIn(app: Hono<WebEnv>, deps: WebDeps): void {
  const tr = (key: Parameters<typeof t>[0], lang: string) =>
    deps.translator.translate(t(key), lang);

  /** The person a usable link signs in: it was unused and unexpired, and they are staff now. */
  async function holderOf(use: TokenUse): Promise<Contact | undefined> {
    if (use.type === 'refused') return undefined;
    const contact = await getContact(deps.db, { contactId: use.contactId });
    return webScope(contact) ? contact : undefined;
  }

  /** Why a link does not sign anyone in, in its holder's language when known. */
  async function refuseLink(c: Context, use: TokenUse, fallback: string) {
    const holder =
      'contactId' in use ? await getContact(deps.db, { contactId: use.contactId }) : undefined;
    const lang = holder?.language ?? fallback;
    const title = tr('web:signin.refused', lang);
    if (use.type === 'refused')
      return refusalPage(c, 410, title, tr(`web:signin.refused_${use.reason}`, lang));
    return refusalPage(c, 403, title, tr('web:signin.refused_not_staff', lang));
  }

  app.get(`${WEB_BASE}/masuk`, async (c) => {
    const lang = language(c);
    const token = c.req.query('t') ?? '';
    const now = deps.clock.now();
    const found = await peekLoginToken(deps.db, { tokenHash: hashSecret(token), now });
    const contact = await holderOf(found);
    if (!contact) return refuseLink(c, found, lang);
    const lng = contact.language;
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(
      <Page title={tr('web:signin.title', lng)} language={lng}>
        <form class="card" method="post" action={`${WEB_BASE}/masuk`}>
          <p>
            {deps.translator.translate(
              t('web:signin.confirm', { name: contact.displayName ?? '?' }),
              lng,
            )}
          </p>
          <input type="hidden" name="t" value={token} />
          <button class="primary" type="submit">
            {tr('web:signin.button', lng)}
          </button>
        </form>
      </Page>,
    );
  });

  app.post(`${WEB_BASE}/masuk`, async (c) => {
    const lang = language(c);
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : '';
    const now = deps.clock.now();
    const used = await useLoginToken(deps.db, { tokenHash: hashSecret(token), now });
    const contact = await holderOf(used);
    if (!contact) return refuseLink(c, used, lang);
    const sessionId = newSecret();
    await insertSession(deps.db, {
      idHash: hashSecret(sessionId),
      contactId: contact.id,
      csrfToken: newSecret(),
      now,
    });
    deps.logger.info({ contactId: contact.id }, 'admin web session opened');
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c, deps),
      path: WEB_BASE,
    });
    return c.redirect(WEB_BASE, 303);
  });

  app.post(`${WEB_BASE}/keluar`, async (c) => {
    const viewer = c.get('viewer');
    await deleteSession(deps.db, { idHash: viewer.session.idHash });
    deleteCookie(c, SESSION_COOKIE, { path: WEB_BASE, secure: secure(c, deps) });
    return c.html(
      <Page title={viewer.tr(t('web:nav.logout'))} language={viewer.language}>
        <p class="card">{viewer.tr(t('web:signin.signed_out'))}</p>
      </Page>,
    );
  });
}

/** Behind https (configured, or told by the proxy): the cookie is sent only over https. */
function secure(c: Context, deps: WebDeps): boolean {
  return deps.secureCookies || c.req.header('x-forwarded-proto') === 'https';
}

/**
 * Finds the signed-in person of every request but the open ones: a session used within
 * {@link WEB_SESSION_IDLE_MS}, of a contact who still holds a staff role with an area.
 * Changing requests must carry the session's CSRF token (form field `csrf` or header
 * `X-CSRF-Token`): missing or wrong, 403.
 */
export function requireSession(deps: WebDeps): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (OPEN_PATHS.some((path) => c.req.path.startsWith(path))) return next();
    const lang = language(c);
    const sessionId = getCookie(c, SESSION_COOKIE);
    const now = deps.clock.now();
    const session = sessionId
      ? await touchSession(deps.db, {
          idHash: hashSecret(sessionId),
          idleSince: new Date(now.getTime() - WEB_SESSION_IDLE_MS),
          now,
        })
      : undefined;
    const contact = session
      ? await getContact(deps.db, { contactId: session.contactId })
      : undefined;
    const scope = webScope(contact);
    if (!session || !contact || !scope) {
      if (session) await deleteSession(deps.db, { idHash: session.idHash });
      return refusalPage(
        c,
        401,
        tr(deps, 'web:signin.needed', lang),
        tr(deps, 'web:signin.needed_body', lang),
      );
    }
    const viewer: Viewer = {
      contact,
      scope,
      session,
      language: contact.language,
      tr: (text) =>
        typeof text === 'string' ? text : deps.translator.translate(text, contact.language),
    };
    c.set('viewer', viewer);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const given = c.req.header('x-csrf-token') ?? (await formField(c, 'csrf'));
      if (!given || !sameSecret(given, session.csrfToken)) {
        c.get('logger')?.warn(
          { contactId: contact.id },
          'admin web request without a valid CSRF token',
        );
        return refusalPage(
          c,
          403,
          viewer.tr(t('web:signin.refused')),
          viewer.tr(t('web:signin.forbidden')),
        );
      }
    }
    c.header('Cache-Control', 'no-store');
    return next();
  };
}

function tr(deps: WebDeps, key: Parameters<typeof t>[0], lang: string): string {
  return deps.translator.translate(t(key), lang);
}

async function formField(c: Context, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('form')) return undefined;
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}
