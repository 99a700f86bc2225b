import { Registry1763800000000 } from './1763800000000-registry';

/** Civil-affairs migrations, oldest first. */
export const civilAffairsMigrations = [Registry1763800000000];
