export * from './auth.schema';
export * from './consent.schema';
export * from './imports.schema';
export * from './privacy.schema';
export * from './profile.schema';
export * from './reference.schema';
export * from './segment.schema';
export * from './transactions.schema';
