// /api/v1/organizations: organisations, their members, invitations and logo. Thin: routes call
// services and presenters. Writes need a bearer token (401 without); what the caller may not see
// is 404, what they may see but not change is 403.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { pageLinks } from '../../platform/http/page-links.js';
import { LOGO_MAX_BYTES } from './logo.js';
import type { MembershipService } from './membership.service.js';
import { organizationPolicy } from './organization.policy.js';
import { presentInvitation, presentMember, presentOrganization } from './organization.presenter.js';
import {
  AddMemberBody,
  ChangeRoleBody,
  CreateOrganizationBody,
  InvitationListSchema,
  InvitationParams,
  InvitationSchema,
  InviteBody,
  ListQuery,
  MemberListSchema,
  MemberParams,
  MemberSchema,
  OrganizationListSchema,
  OrganizationParams,
  OrganizationSchema,
  PageQuery,
  UpdateOrganizationBody,
} from './organization.schemas.js';
import type { OrganizationService } from './organization.service.js';

const security = [{ bearerAuth: [] }];
const tags = ['organizations'];
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

export function organizationApi(services: { organizations: OrganizationService; members: MembershipService; baseUrl: string }) {
  const { organizations, members, baseUrl } = services;
  const present = (row: Parameters<typeof presentOrganization>[0]) => presentOrganization(row, baseUrl);

  return async function routes(instance: FastifyInstance): Promise<void> {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    // Logo bodies are raw images, in this plugin only; the type is checked again by magic bytes.
    app.addContentTypeParser(LOGO_TYPES, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.get(
      '/api/v1/organizations',
      { schema: { summary: 'List organisations (search with q, filter by type)', tags, querystring: ListQuery, response: { 200: OrganizationListSchema } } },
      async (request, reply) => {
        const { limit, offset, q, type } = request.query;
        const { items, total } = await organizations.list({ q, type: type as never, limit, offset });
        reply.header('link', pageLinks(baseUrl, request, { limit, offset, total }));
        return { total, items: items.map(present) };
      },
    );

    app.get(
      '/api/v1/organizations/:idOrSlug',
      { schema: { summary: 'One organisation, by id or slug', tags, params: OrganizationParams, response: { 200: OrganizationSchema } } },
      async (request) => present(await organizations.get(request.params.idOrSlug)),
    );

    app.post(
      '/api/v1/organizations',
      { schema: { summary: 'Create an organisation (any signed-in user, who becomes its admin)', tags, security, body: CreateOrganizationBody, response: { 201: OrganizationSchema } } },
      async (request, reply) => {
        const row = await organizations.create(request.actor, request.body);
        return reply.code(201).header('location', `${baseUrl.replace(/\/+$/, '')}/api/v1/organizations/${row.slug}`).send(present(row));
      },
    );

    app.patch(
      '/api/v1/organizations/:idOrSlug',
      {
        schema: {
          summary: "Change an organisation (its admins, site admins); null clears a field",
          tags,
          security,
          params: OrganizationParams,
          body: UpdateOrganizationBody,
          response: { 200: OrganizationSchema },
        },
      },
      async (request) => present(await organizations.update(request.actor, request.params.idOrSlug, request.body)),
    );

    app.delete(
      '/api/v1/organizations/:idOrSlug',
      { schema: { summary: 'Delete an organisation with its memberships (site admins)', tags, security, params: OrganizationParams } },
      async (request, reply) => {
        await organizations.delete(request.actor, request.params.idOrSlug);
        return reply.code(204).send();
      },
    );

    app.put(
      '/api/v1/organizations/:idOrSlug/logo',
      {
        bodyLimit: LOGO_MAX_BYTES,
        schema: {
          summary: 'Upload the logo: a PNG, JPEG or WebP image (at most 2 MB) as the body; stored as PNG of at most 512×512',
          tags,
          security,
          params: OrganizationParams,
          consumes: LOGO_TYPES,
          response: { 200: OrganizationSchema },
        },
      },
      async (request) => {
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return present(await organizations.setLogo(request.actor, request.params.idOrSlug, { data }));
      },
    );

    app.delete(
      '/api/v1/organizations/:idOrSlug/logo',
      { schema: { summary: 'Remove the logo', tags, security, params: OrganizationParams } },
      async (request, reply) => {
        await organizations.removeLogo(request.actor, request.params.idOrSlug);
        return reply.code(204).send();
      },
    );

    // Members: visible to the organisation's members and site admins (404 for anyone else).
    app.get(
      '/api/v1/organizations/:idOrSlug/members',
      { schema: { summary: 'Members and their roles (members of the organisation, site admins)', tags, security, params: OrganizationParams, querystring: PageQuery, response: { 200: MemberListSchema } } },
      async (request, reply) => {
        const { limit, offset } = request.query;
        const list = await members.list(request.actor, request.params.idOrSlug, { limit, offset });
        const showEmail = organizationPolicy.canManageMembers(request.actor, list.organization.id);
        reply.header('link', pageLinks(baseUrl, request, { limit, offset, total: list.total }));
        return { total: list.total, items: list.items.map((m) => presentMember(m, showEmail)) };
      },
    );

    app.post(
      '/api/v1/organizations/:idOrSlug/members',
      {
        schema: {
          summary: 'Add an existing account as a member, or set its role (admins); 201 when added, 200 when it was a member',
          tags,
          security,
          params: OrganizationParams,
          body: AddMemberBody,
          response: { 200: MemberSchema, 201: MemberSchema },
        },
      },
      async (request, reply) => {
        const { member, created } = await members.add(request.actor, request.params.idOrSlug, request.body);
        return reply.code(created ? 201 : 200).send(presentMember(member, true));
      },
    );

    app.patch(
      '/api/v1/organizations/:idOrSlug/members/:userId',
      { schema: { summary: "Change a member's role (admins); the last admin stays (409 last_admin)", tags, security, params: MemberParams, body: ChangeRoleBody, response: { 200: MemberSchema } } },
      async (request) => presentMember(await members.changeRole(request.actor, request.params.idOrSlug, request.params.userId, request.body.role), true),
    );

    app.delete(
      '/api/v1/organizations/:idOrSlug/members/:userId',
      { schema: { summary: 'Remove a member (admins; anyone may remove themselves); the last admin stays', tags, security, params: MemberParams } },
      async (request, reply) => {
        await members.remove(request.actor, request.params.idOrSlug, request.params.userId);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/organizations/:idOrSlug/invitations',
      { schema: { summary: 'Open invitations to the organisation (admins)', tags, security, params: OrganizationParams, response: { 200: InvitationListSchema } } },
      async (request) => {
        const { items } = await members.listInvitations(request.actor, request.params.idOrSlug);
        return { total: items.length, items: items.map(presentInvitation) };
      },
    );

    app.post(
      '/api/v1/organizations/:idOrSlug/invitations',
      { schema: { summary: 'Invite someone by e-mail to join with a role (admins)', tags, security, params: OrganizationParams, body: InviteBody, response: { 201: InvitationSchema } } },
      async (request, reply) => {
        const invitation = await members.invite(request.actor, request.params.idOrSlug, request.body, request.body.locale);
        return reply.code(201).send(presentInvitation(invitation));
      },
    );

    app.delete(
      '/api/v1/organizations/:idOrSlug/invitations/:invitationId',
      { schema: { summary: 'Withdraw an open invitation (admins)', tags, security, params: InvitationParams } },
      async (request, reply) => {
        await members.revokeInvitation(request.actor, request.params.idOrSlug, request.params.invitationId);
        return reply.code(204).send();
      },
    );
  };
}
