/** The statement studio's pure logic (see each module). */
export * from './types.js';
export * from './body.js';
export * from './hash.js';
export * from './store.js';
export * from './approval.js';
export * from './drill.js';
export * from './gateFlags.js';
export * from './workflow.js';
export * from './history.js';
export * from './comments.js';
export * from './channels.js';
export * from './phrases.js';
export * from './lint.js';
export * from './mentions.js';
export * from './facts.js';
export * from './factsheet.js';
export * from './templates/index.js';
