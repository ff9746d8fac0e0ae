// npm run docs:config — rewrites docs/configuration.md from the settings schema.
import fs from 'node:fs';
import { renderConfigurationDoc } from '../src/config/docs.js';

fs.writeFileSync(new URL('../docs/configuration.md', import.meta.url), renderConfigurationDoc());
console.error('docs/configuration.md written');
