export * from './contacts.js';
export * from './feedback.js';
export * from './media.js';
export * from './runtime.js';
