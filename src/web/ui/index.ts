export * from './basics';
export * from './dialog';
export * from './disclosure';
export * from './form';
export * from './notice';
export * from './page';
export * from './pagination';
export * from './table';
