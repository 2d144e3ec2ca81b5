export { Sfc32 } from './sfc32';
