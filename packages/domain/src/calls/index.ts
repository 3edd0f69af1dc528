export * from './call-kinds.js';
export * from './campaign.js';
export * from './campaigns.fixtures.js';
export * from './permanent.js';
export * from './status.js';
export * from './find.js';
export * from './for-event.js';
