export * from './categories.ts';
export * from './common.ts';
