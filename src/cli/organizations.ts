// `allmanning org create` and `allmanning member add`: organisations and memberships made by the
// operator (trusted, no actor; the activity log records them as done by no one).
import { Option, type Command } from 'commander';
import { domainsOf } from '../domains.js';
import { organizationTypes, presentOrganization, publisherTypes } from '../domains/organizations/index.js';
import { organizationRoles } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { CliError, closeRuntime, openRuntime } from './runtime.js';
import { describeError } from './users.js';

export interface OrgCreateOptions {
  slug: string;
  name: string;
  nameEn?: string;
  orgNumber?: string;
  type?: string;
  publisherType?: string;
  website?: string;
  json?: boolean;
}

/** `allmanning org create --slug S --name N [--name-en E] [--org-number NNNNNN-NNNN] [--type T] [--publisher-type ADMS] [--website URL] [--json]` */
export async function orgCreateCommand(options: OrgCreateOptions): Promise<void> {
  const deps = await openRuntime();
  try {
    const row = await domainsOf(deps).organizations.organizations.createAsOperator({
      slug: options.slug,
      name: { sv: options.name, en: options.nameEn },
      orgNumber: options.orgNumber,
      type: options.type ?? 'other',
      publisherType: options.publisherType,
      website: options.website,
    });
    if (options.json) process.stdout.write(`${JSON.stringify(presentOrganization(row, deps.config.baseUrl))}\n`);
    else process.stdout.write(`Created organisation ${row.slug} (${row.id})\n`);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describeError(error));
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export interface MemberAddOptions {
  org: string;
  email: string;
  role: string;
  json?: boolean;
}

/** `allmanning member add --org SLUG|ID --email E --role admin|editor|member [--json]`: adds, or sets the role. */
export async function memberAddCommand(options: MemberAddOptions): Promise<void> {
  const deps = await openRuntime();
  try {
    const { member, created, organization } = await domainsOf(deps).organizations.members.addAsOperator(options.org, { email: options.email, role: options.role });
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ organization: { id: organization.id, slug: organization.slug }, userId: member.user_id, email: member.email, role: member.role, created })}\n`);
    } else {
      process.stdout.write(`${created ? 'Added' : 'Updated'} ${member.email} in ${organization.slug} as ${member.role}\n`);
    }
  } catch (error) {
    if (error instanceof AppError) {
      if (error.status === 404) throw new CliError(`no organisation ${options.org}`);
      if (error.details?.email?.includes('organizations.validation.noSuchUser')) throw new CliError(`no user with e-mail ${options.email}; create one with \`allmanning user create\``);
      throw new CliError(describeError(error));
    }
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export function addOrgCommand(program: Command): void {
  const org = program.command('org').description('Manage organisations.');
  org
    .command('create')
    .description('Create an organisation.')
    .requiredOption('--slug <slug>', 'short name in its web address: a–z, 0–9 and hyphens')
    .requiredOption('--name <name>', 'name in Swedish')
    .option('--name-en <name>', 'name in English')
    .option('--org-number <number>', 'Swedish organisation number, e.g. 202100-5489')
    .addOption(new Option('--type <type>', 'type of organisation').choices([...organizationTypes]).default('other'))
    .addOption(new Option('--publisher-type <code>', 'ADMS publisher type in DCAT exports (default: follows --type)').choices([...publisherTypes]))
    .option('--website <url>', 'website (http or https)')
    .option('--json', 'print the organisation as JSON')
    .action(orgCreateCommand);
}

export function addMemberCommand(program: Command): void {
  const member = program.command('member').description('Manage members of organisations.');
  member
    .command('add')
    .description('Add an existing user to an organisation with a role, or change the role of a member.')
    .requiredOption('--org <slug-or-id>', 'the organisation')
    .requiredOption('--email <email>', "the user's e-mail address")
    .addOption(new Option('--role <role>', 'the role').choices([...organizationRoles]).makeOptionMandatory())
    .option('--json', 'print the membership as JSON')
    .action(memberAddCommand);
}
