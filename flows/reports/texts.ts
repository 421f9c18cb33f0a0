/** The reports capability's locale namespaces, for the type of text keys (src/core/messages.ts). */
import type report from '../../locales/id/report.json';
import type reportStaff from '../../locales/id/report-staff.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    report: typeof report;
    'report-staff': typeof reportStaff;
  }
}
