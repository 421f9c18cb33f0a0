export * from './consents.js';
export * from './contacts.js';
export * from './feedback.js';
export * from './media.js';
export * from './reports.js';
export * from './role-requests.js';
export * from './runtime.js';
export * from './whatsapp.js';
