export { median } from './median';
