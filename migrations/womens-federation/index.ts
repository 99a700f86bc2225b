import { Partners1763800000000 } from './1763800000000-partners';

/** Women's-federation migrations, oldest first. */
export const womensFederationMigrations = [Partners1763800000000];
