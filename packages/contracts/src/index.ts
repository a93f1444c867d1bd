export * from './categories.ts';
export * from './common.ts';
export * from './identity.ts';
export * from './nanos.ts';
export * from './notifications.ts';
export * from './search.ts';
