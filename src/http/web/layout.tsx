/** The page shell of the admin web: one column on a phone, a wider table view on a desk. */
import type { Child } from 'hono/jsx';
import { t } from '../../core/messages.js';
import { roleName } from '../../domain/roles.js';
import type { Viewer } from './types.js';

/** Where the admin web lives. */
export const WEB_BASE = '/web';

/** Styles: mobile first, nothing wider than the screen (tables scroll inside their box). */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#1b2733;background:#f4f6f8}
header{background:#0b5d4b;color:#fff;padding:.5rem .75rem}header a{color:#fff}
nav{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}nav form{margin:0}
nav button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:.1rem .5rem}
main{padding:.75rem;max-width:72rem;margin:auto}h1{font-size:1.35rem;margin:.25rem 0 .75rem}
h2{font-size:1.1rem}.card{background:#fff;border-radius:6px;padding:.75rem;margin-bottom:.75rem;box-shadow:0 1px 2px #0002}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.35rem .4rem;border-bottom:1px solid #dde3e8;vertical-align:top}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.5rem;align-items:end}
label{display:block;font-size:.85rem}input,select,textarea,button{font:inherit;max-width:100%}
input,select,textarea{width:100%;padding:.3rem}button.primary{background:#0b5d4b;color:#fff;border:0;border-radius:4px;padding:.4rem .8rem}
.badge{display:inline-block;background:#b3261e;color:#fff;border-radius:3px;padding:0 .3rem;font-size:.8rem}
.ok{background:#e3f4ea;border-left:4px solid #0b5d4b;padding:.5rem}.err{background:#fbe9e7;border-left:4px solid #b3261e;padding:.5rem}
.chart{width:100%;height:22rem}img.photo{max-width:100%;height:auto;display:block;margin:.25rem 0}
.exports a{margin-right:.75rem}.muted{color:#5b6770;font-size:.85rem}.inline{display:inline}
dl{display:grid;grid-template-columns:minmax(6rem,auto) 1fr;gap:.2rem .75rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
`;

/** A page: the shell around `children`, with the navigation when someone is signed in. */
export function Page(props: {
  viewer?: Viewer;
  title: string;
  children?: Child;
  /** Load ECharts (the villages' charts). */
  charts?: boolean;
  language?: string;
}) {
  const viewer = props.viewer;
  const tr = viewer?.tr;
  return (
    <html lang={viewer?.language ?? props.language ?? 'id'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Sapa Desa</title>
        <style>{STYLE}</style>
        <script src={`${WEB_BASE}/assets/htmx.min.js`} defer />
        {props.charts ? <script src={`${WEB_BASE}/assets/echarts.min.js`} /> : null}
      </head>
      <body
        hx-headers={
          viewer ? JSON.stringify({ 'X-CSRF-Token': viewer.session.csrfToken }) : undefined
        }
      >
        <header>
          {viewer && tr ? (
            <nav>
              <strong>Sapa Desa</strong>
              <a href={WEB_BASE}>{tr(t('web:nav.overview'))}</a>
              <a href={`${WEB_BASE}/laporan`}>{tr(t('web:nav.reports'))}</a>
              <a href={`${WEB_BASE}/desa`}>{tr(t('web:nav.villages'))}</a>
              <a href={`${WEB_BASE}/orang`}>{tr(t('web:nav.people'))}</a>
              <a href={`${WEB_BASE}/pelatihan`}>{tr(t('web:nav.trainings'))}</a>
              <a href={`${WEB_BASE}/siaran`}>{tr(t('web:nav.broadcasts'))}</a>
              {viewer.contact.role === 'admin' ? (
                <a href={`${WEB_BASE}/audit`}>{tr(t('web:nav.audit'))}</a>
              ) : null}
              <form method="post" action={`${WEB_BASE}/keluar`}>
                <input type="hidden" name="csrf" value={viewer.session.csrfToken} />
                <button type="submit">{tr(t('web:nav.logout'))}</button>
              </form>
              <span class="muted" style="color:#d7ece6">
                {tr(
                  t('web:common.who', {
                    name: viewer.contact.displayName ?? '?',
                    role: roleName(viewer.contact.role),
                  }),
                )}
              </span>
            </nav>
          ) : (
            <strong>Sapa Desa</strong>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The hidden field every changing form carries. */
export function Csrf(props: { viewer: Viewer }) {
  return <input type="hidden" name="csrf" value={props.viewer.session.csrfToken} />;
}

/** Links to the CSV and XLSX of a list, with the list's filters. */
export function Exports(props: { viewer: Viewer; path: string; query: string }) {
  const q = props.query ? `?${props.query}` : '';
  return (
    <p class="exports">
      <a href={`${props.path}.csv${q}`} download>
        {props.viewer.tr(t('web:common.export_csv'))}
      </a>
      <a href={`${props.path}.xlsx${q}`} download>
        {props.viewer.tr(t('web:common.export_xlsx'))}
      </a>
    </p>
  );
}
