export * from './accounts';
export * from './audit';
export * from './documents';
export * from './grants';
export * from './organisations';
export * from './persons';
export * from './api';
export * from './notifications';
