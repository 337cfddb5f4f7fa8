/** The bench task's shared facts (`bench-task.cjs`, CommonJS beside this file so that the Nx plugin can `require` it). */
import benchTask from './bench-task.cjs';

/** The LAB_* variables a bench task's hash covers: the only ones `lab bench --nx` reads. */
export const HASHED_LAB_ENV: readonly ('LAB_PROFILE' | 'LAB_PRESET')[] = benchTask.HASHED_LAB_ENV;
