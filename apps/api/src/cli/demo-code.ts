// Prints the current second-factor code of the demo agents (`node dist/cli/demo-code.js`):
// their secret is published with the demo data. Refuses production, like the demo seed.
import { generate } from 'otplib';
import { parseConfig } from '../config/config.js';
import { DEMO_TOTP_SECRET } from '../seed/demo-accounts.js';

const config = parseConfig(process.env);
if (config.NODE_ENV === 'production') {
  console.error('Les comptes de démonstration n’existent pas en production.');
  process.exit(1);
}
const now = Date.now() / 1000;
const code = await generate({ secret: DEMO_TOTP_SECRET, epoch: now });
const left = 30 - Math.floor(now % 30);
console.log(
  `Code de double authentification des agents de démonstration : ${code} (encore ${left} s)`,
);
