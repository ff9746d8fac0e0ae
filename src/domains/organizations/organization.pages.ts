// The organisation pages (Swedish at /…, English at /en/…): list, page, new, edit with logo,
// members. Thin: they call the same services as the API and show what the policy allows; an
// organisation's edit and members pages do not exist (404) for those who may not use them.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Actor } from '../../platform/auth/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { localeFromPath } from '../../platform/i18n/index.js';
import { formBody, formFromError, redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import type { PageContext } from '../../platform/views/index.js';
import { FileTooLargeError, LOGO_MAX_BYTES, type LogoUpload } from './logo.js';
import { renderMarkdown } from './markdown.js';
import type { MembershipService } from './membership.service.js';
import type { OrganizationInput } from './organization.input.js';
import { organizationPolicy } from './organization.policy.js';
import { memberView, organizationFormValues, organizationView, presentInvitation } from './organization.presenter.js';
import type { OrganizationService } from './organization.service.js';
import { organizationTypes, type OrganizationType } from './organizations.table.js';
import { EditOrganizationPage, NewOrganizationPage } from './views/form.js';
import { OrganizationListPage } from './views/list.js';
import { MembersPage, RemoveMemberPage, roleFieldName } from './views/members.js';
import { OrganizationPage } from './views/show.js';

const PAGE_SIZE = 20;

/** A multipart file field as the pages get it: its bytes, cut off at the limit. */
interface UploadedFile extends LogoUpload {
  kind: 'upload';
}

function isUpload(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as UploadedFile).kind === 'upload';
}

/** Reads a multipart file part into memory (at most LOGO_MAX_BYTES; past that it is marked truncated). */
async function onFile(part: MultipartFile): Promise<void> {
  const data = await part.toBuffer();
  const value: UploadedFile = { kind: 'upload', data, truncated: part.file.truncated };
  (part as unknown as { value: UploadedFile }).value = value;
}

/** Form fields (named as the API's) → service input. */
function organizationInput(form: Record<string, string>, mode: 'create' | 'edit'): OrganizationInput {
  const value = (name: string) => (mode === 'edit' ? (form[name] ?? '') : form[name]);
  return {
    slug: value('slug'),
    name: { sv: value('name.sv'), en: value('name.en') },
    orgNumber: value('orgNumber'),
    type: value('type'),
    publisherType: value('publisherType'),
    website: value('website'),
    description: { sv: value('description.sv'), en: value('description.en') },
    contactEmail: value('contactEmail'),
  };
}

/** The form again after a failed submit: 400/409 from formFromError, 413 for a too-large logo. */
function formAfterError(error: unknown, request: FastifyRequest, reply: FastifyReply): FormState {
  if (error instanceof FileTooLargeError) {
    const form = formFromError(new ValidationError(error.details ?? {}), request, reply);
    reply.code(413);
    return form;
  }
  return formFromError(error, request, reply);
}

/**
 * Extra sections for an organisation's page from domains that build on organisations (the catalog
 * lists its datasets and APIs there); organisations cannot import them, so they are passed in.
 */
export type OrganizationSections = (organizationId: string, actor: Actor, ctx: PageContext) => Promise<VNode | null>;

export function organizationPages(services: { organizations: OrganizationService; members: MembershipService; sections?: OrganizationSections | undefined }) {
  const { organizations, members } = services;

  /** The organisation by slug with the viewer's abilities; 404 unless `need` is allowed. */
  async function orgFor(actor: Actor, slug: string, ctx: PageContext, need?: 'edit' | 'viewMembers') {
    const row = await organizations.get(slug);
    const view = organizationView(row, ctx.locale, actor);
    if (need && !view.abilities[need]) throw new NotFoundError();
    return { row, view };
  }

  async function membersPage(request: FastifyRequest, ctx: PageContext, slug: string, forms: { memberErrors?: FormState; inviteForm?: FormState } = {}) {
    const { row, view } = await orgFor(request.actor, slug, ctx, 'viewMembers');
    const list = await members.list(request.actor, row.id);
    const invitations = view.abilities.manageMembers ? (await members.listInvitations(request.actor, row.id)).items.map(presentInvitation) : [];
    return MembersPage({
      ctx,
      org: view,
      members: list.items.map((m) => memberView(m, request.actor, row.id)),
      invitations,
      memberErrors: forms.memberErrors ?? emptyForm,
      inviteForm: forms.inviteForm ?? { values: { role: 'member' }, errors: {} },
    });
  }

  return async function pages(app: FastifyInstance): Promise<void> {
    // Multipart bodies (the edit form's logo) in this plugin only; a larger file is cut off and
    // refused by the service with 413 and a message at the field.
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 30, parts: 40, fieldSize: 100_000 },
    });

    registerPage(app, '/organizations', async (request, _reply, ctx) => {
      const query = request.query as Record<string, unknown>;
      const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
      const type = typeof query.type === 'string' && (organizationTypes as readonly string[]).includes(query.type) ? (query.type as OrganizationType) : '';
      const pageNumber = Math.min(Math.max(Number.parseInt(String(query.page ?? '1'), 10) || 1, 1), 100_000);
      const { items, total } = await organizations.list({ q, type: type || undefined, limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
      return OrganizationListPage({
        ctx,
        items: items.map((row) => organizationView(row, ctx.locale, request.actor)),
        total,
        query: { q, type },
        page: pageNumber,
        pageSize: PAGE_SIZE,
        canCreate: organizationPolicy.canCreate(request.actor),
      });
    });

    registerPage(
      app,
      '/organizations/new',
      (request, _reply, ctx) => {
        if (!organizationPolicy.canCreate(request.actor)) throw new NotFoundError();
        return NewOrganizationPage({ ctx, form: { values: { type: 'state_agency' }, errors: {} } });
      },
      { withCsrf: true },
    );

    registerPageAction(app, '/organizations/new', async (request, reply, ctx) => {
      if (!organizationPolicy.canCreate(request.actor)) throw new NotFoundError();
      try {
        const row = await organizations.create(request.actor, organizationInput(formBody(request), 'create'));
        return redirectTo(request, reply, `/organizations/${row.slug}`, 'organizations.flash.created');
      } catch (error) {
        return NewOrganizationPage({ ctx, form: formAfterError(error, request, reply) });
      }
    });

    registerPage(app, '/organizations/:slug', async (request, _reply, ctx) => {
      const { row, view } = await orgFor(request.actor, (request.params as { slug: string }).slug, ctx);
      const description = view.description ? renderMarkdown(view.description) : null;
      const sections = services.sections ? await services.sections(row.id, request.actor, ctx) : null;
      return OrganizationPage({ ctx, org: view, descriptionHtml: description || null, memberCount: await organizations.memberCount(row.id), sections });
    });

    // The logo: the URL carries the image's hash (?v=), so a matching request may be cached for ever.
    app.get('/organizations/:slug/logo', { schema: { hide: true } }, async (request, reply) => {
      const logo = await organizations.readLogo((request.params as { slug: string }).slug);
      if (!logo) throw new NotFoundError();
      const version = (request.query as Record<string, unknown>).v;
      const etag = `"${logo.key.slice(0, 64)}"`;
      reply.header('etag', etag);
      reply.header('cache-control', version === logo.key.slice(0, 16) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('image/png').send(logo.data);
    });

    registerPage(
      app,
      '/organizations/:slug/edit',
      async (request, _reply, ctx) => {
        const { row, view } = await orgFor(request.actor, (request.params as { slug: string }).slug, ctx, 'edit');
        return EditOrganizationPage({ ctx, org: view, form: { values: organizationFormValues(row), errors: {} } });
      },
      { withCsrf: true },
    );

    registerPageAction(app, '/organizations/:slug/edit', async (request, reply, ctx) => {
      const { row, view } = await orgFor(request.actor, (request.params as { slug: string }).slug, ctx, 'edit');
      const body = (request.body as Record<string, unknown>) ?? {};
      const form = formBody(request);
      try {
        const saved = await organizations.update(request.actor, row.id, organizationInput(form, 'edit'), {
          logo: isUpload(body.logo) ? body.logo : undefined,
          removeLogo: form.removeLogo === 'on',
        });
        return redirectTo(request, reply, `/organizations/${saved.slug}`, 'organizations.flash.saved');
      } catch (error) {
        return EditOrganizationPage({ ctx, org: view, form: formAfterError(error, request, reply) });
      }
    });

    registerPage(app, '/organizations/:slug/members', async (request, _reply, ctx) => membersPage(request, ctx, (request.params as { slug: string }).slug), {
      withCsrf: true,
    });

    registerPageAction(app, '/organizations/:slug/members/invite', async (request, reply, ctx) => {
      const { slug } = request.params as { slug: string };
      const { row } = await orgFor(request.actor, slug, ctx, 'viewMembers');
      if (!organizationPolicy.canInvite(request.actor, row.id)) throw new NotFoundError();
      const form = formBody(request);
      try {
        await members.invite(request.actor, row.id, { email: form.email, role: form.role }, localeFromPath(request.url).locale);
        return redirectTo(request, reply, `/organizations/${row.slug}/members`, 'organizations.flash.invited');
      } catch (error) {
        const inviteForm = formFromError(error, request, reply);
        return membersPage(request, ctx, row.id, { inviteForm });
      }
    });

    registerPageAction(app, '/organizations/:slug/members/:userId/role', async (request, reply, ctx) => {
      const { slug, userId } = request.params as { slug: string; userId: string };
      const { row } = await orgFor(request.actor, slug, ctx, 'viewMembers');
      if (!organizationPolicy.canManageMembers(request.actor, row.id)) throw new NotFoundError();
      try {
        await members.changeRole(request.actor, row.id, userId, formBody(request).role);
        return redirectTo(request, reply, `/organizations/${row.slug}/members`, 'organizations.flash.roleChanged');
      } catch (error) {
        return membersPage(request, ctx, row.id, { memberErrors: memberProblem(error, userId, reply) });
      }
    });

    registerPage(
      app,
      '/organizations/:slug/members/:userId/remove',
      async (request, _reply, ctx) => {
        const { slug, userId } = request.params as { slug: string; userId: string };
        const { row, view } = await orgFor(request.actor, slug, ctx, 'viewMembers');
        if (!organizationPolicy.canRemoveMember(request.actor, row.id, userId)) throw new NotFoundError();
        const { member } = await members.get(request.actor, row.id, userId);
        return RemoveMemberPage({ ctx, org: view, member: memberView(member, request.actor, row.id) });
      },
      { withCsrf: true },
    );

    registerPageAction(app, '/organizations/:slug/members/:userId/remove', async (request, reply, ctx) => {
      const { slug, userId } = request.params as { slug: string; userId: string };
      const { row } = await orgFor(request.actor, slug, ctx, 'viewMembers');
      if (!organizationPolicy.canRemoveMember(request.actor, row.id, userId)) throw new NotFoundError();
      const self = request.actor.kind === 'user' && request.actor.userId === userId;
      try {
        await members.remove(request.actor, row.id, userId);
      } catch (error) {
        return membersPage(request, ctx, row.id, { memberErrors: memberProblem(error, userId, reply) });
      }
      // After leaving, the member list is no longer one's to see.
      return self
        ? redirectTo(request, reply, `/organizations/${row.slug}`, 'organizations.flash.left')
        : redirectTo(request, reply, `/organizations/${row.slug}/members`, 'organizations.flash.memberRemoved');
    });

    registerPageAction(app, '/organizations/:slug/invitations/:invitationId/revoke', async (request, reply, ctx) => {
      const { slug, invitationId } = request.params as { slug: string; invitationId: string };
      const { row } = await orgFor(request.actor, slug, ctx, 'viewMembers');
      if (!organizationPolicy.canRevokeInvitation(request.actor, row.id)) throw new NotFoundError();
      await members.revokeInvitation(request.actor, row.id, invitationId);
      return redirectTo(request, reply, `/organizations/${row.slug}/members`, 'organizations.flash.invitationRevoked');
    });
  };
}

/** A role change or removal that failed on a rule (the last admin, a bad role) → the member's row. */
function memberProblem(error: unknown, userId: string, reply: FastifyReply): FormState {
  if (!(error instanceof ValidationError || (error instanceof ConflictError && error.details))) throw error;
  reply.code(error.status);
  const messages = Object.values(error.details ?? {}).flat();
  return { values: {}, errors: { [roleFieldName(userId)]: messages } };
}
