/**
 * Creates a provider organisation and invites its first provider admin. This is how a real
 * deployment starts (demo data is for development only):
 *   npm run provider:create -- --name "Leeds City College" --kind college --local-authority Leeds \
 *     --admin-email head.of.si@leeds-college.example --admin-name "Alex Morgan"
 * It prints a one-time invitation token; the admin accepts it with POST /v1/invitations/accept.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { withServices } from './with-services.js';

const usage =
  'Usage: npm run provider:create -- --name NAME --kind college --local-authority LA --admin-email EMAIL --admin-name NAME';

function readArgs(): Record<string, string | undefined> {
  try {
    return parseArgs({
      options: {
        name: { type: 'string' },
        kind: { type: 'string' },
        'local-authority': { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  }
}

const options = z
  .object({
    name: z.string().trim().min(1).max(160),
    kind: z.enum(['college', 'supported_employment', 'local_authority', 'other']).default('college'),
    'local-authority': z.string().trim().min(1).max(100),
    'admin-email': z.email().transform((email) => email.toLowerCase()),
    'admin-name': z.string().trim().min(1).max(120),
  })
  .safeParse(readArgs());

if (!options.success) {
  for (const issue of options.error.issues) process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const input = options.data;

await withServices(async (services) => {
  const provider = await services.providers.create({
    name: input.name,
    kind: input.kind,
    localAuthority: input['local-authority'],
  });
  const invitation = await services.invitations.createForNewProvider({
    email: input['admin-email'],
    name: input['admin-name'],
    providerId: provider.id,
  });
  process.stdout.write(
    `Provider ${provider.name} created (id ${provider.id}).\n` +
      `Invitation for ${invitation.email} (provider admin), valid until ${invitation.expiresAt.toISOString()}:\n\n  ${invitation.token}\n\n` +
      'Give it to them privately; they accept it with POST /v1/invitations/accept and choose their own password.\n',
  );
});
