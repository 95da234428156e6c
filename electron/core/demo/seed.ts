import type { OpenVault } from '../vault/open-vault';
import { seedCasesDemo } from './seed-cases';
import { seedDirectoryDemo } from './seed-directory';
import { seedLettersDemo } from './seed-letters';
import { seedWatchDemo } from './seed-watch';

/**
 * Fills a fresh demo vault with realistic, invented example data. Each domain adds its part here
 * as it lands (case files, pièces, letters, deadlines).
 */
export async function seedDemoData(vault: OpenVault, now: Date): Promise<void> {
  vault.change({ action: 'demo.seed' }, () => null, now);
  seedDirectoryDemo(vault, now);
  await seedCasesDemo(vault, now);
  await seedLettersDemo(vault, now);
  seedWatchDemo(vault, now);
}
