// The domain's public API in one import: the SOP's rules as pure functions and data.
export * from './time';
export * from './roles';
export * from './calendar';
export * from './deadline';
export * from './numbering';
export * from './validation';
export * from './complaint';
export * from './workflow';
export * from './privacy';
export * from './format';
