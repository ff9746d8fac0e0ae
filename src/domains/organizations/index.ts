// The organisations domain's public surface: organisations, members and roles.
import type { OrganizationRole } from '../../platform/auth/actor.js';
import { createLogoStore } from './logo.js';
import { membershipRepository } from './membership.repository.js';
import { seedDemoOrganizations } from './organization.demo.js';
import { createMembershipService } from './membership.service.js';
import { organizationApi } from './organization.api.js';
import { organizationPages } from './organization.pages.js';
import { createOrganizationService } from './organization.service.js';
import type { OrganizationsDeps } from './organizations.deps.js';

export type { OrganizationsDeps } from './organizations.deps.js';
export type { OrganizationsTables, OrganizationType, PublisherType } from './organizations.table.js';
export { organizationTypes, publisherTypes } from './organizations.table.js';
export { PUBLISHER_TYPE_NAMESPACE, impliedPublisherTypes, isPublisherType, publisherTypeOf } from './publisher-type.js';
export type { OrganizationService } from './organization.service.js';
export type { MembershipService } from './membership.service.js';
export type { OrganizationInput } from './organization.input.js';
export type { OrganizationJson } from './organization.presenter.js';
export { presentOrganization } from './organization.presenter.js';
export { organizationPolicy } from './organization.policy.js';
export { parseOrgNumber, formatOrgNumber } from './org-number.js';
export { organizationApi } from './organization.api.js';
export { organizationPages } from './organization.pages.js';
export { demoOrganizations } from './organization.demo.js';
export { renderMarkdown } from './markdown.js';

export function createOrganizationsDomain(deps: OrganizationsDeps) {
  const organizations = createOrganizationService(deps, createLogoStore(deps.config.dataDir));
  const members = createMembershipService(deps);
  return {
    /** The API routes (a Fastify plugin): register with `app.register(domain.api)`. */
    api: organizationApi({ organizations, members, baseUrl: deps.config.baseUrl }),
    /** The pages (a Fastify plugin, with multipart uploads in its own scope). */
    pages: organizationPages({ organizations, members }),
    /** organisation id → role for a user: the roles part of every actor. */
    rolesOf(userId: string): Promise<Record<string, OrganizationRole>> {
      return membershipRepository.rolesOf(deps.db, userId);
    },
    organizations,
    members,
    baseUrl: deps.config.baseUrl,
    /** `allmanning demo`: a few real Swedish organisations (deterministic, idempotent). */
    seedDemo: () => seedDemoOrganizations(deps.db),
  };
}

export type OrganizationsDomain = ReturnType<typeof createOrganizationsDomain>;
