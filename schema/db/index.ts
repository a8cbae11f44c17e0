export * from './enums.ts';
export * from './organisation.ts';
export * from './people.ts';
export * from './activity.ts';
export * from './goals.ts';
export * from './achievements.ts';
export * from './webhooks.ts';
export * from './auth.ts';
