import { Schools1763800000000 } from './1763800000000-schools';

/** Education migrations, oldest first. */
export const educationMigrations = [Schools1763800000000];
