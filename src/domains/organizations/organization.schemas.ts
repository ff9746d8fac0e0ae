// TypeBox schemas of the organisations API: they validate input (unknown fields and too-long text
// are a 400 naming the field), filter output and describe the API in OpenAPI.
import { Type, type TSchema } from 'typebox';
import { organizationRoles } from '../../platform/auth/actor.js';
import { LIMITS } from './organization.input.js';
import { organizationTypes, publisherTypes } from './organizations.table.js';

/** A string (at most `maxLength` characters) or null, which clears it. */
function nullableString(maxLength: number, description?: string) {
  return Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, ...(description ? { description } : {}) } as TSchema);
}

const OrganizationTypeSchema = Type.Enum([...organizationTypes], { description: 'state_agency, municipality, region, state_company or other' });
const PUBLISHER_TYPE = 'ADMS publisher type code (http://purl.org/adms/publishertype/<code>), e.g. NonProfitOrganisation; see /api/v1/vocabularies/publisherType';
const PublisherTypeSchema = Type.Enum([...publisherTypes], { description: PUBLISHER_TYPE });
/** A publisher type code, or null, which clears the choice (the organisation type decides again). */
const nullablePublisherType = () => Type.Unsafe<string | null>({ type: ['string', 'null'], enum: [...publisherTypes, null], description: `${PUBLISHER_TYPE}; null follows type` } as TSchema);
const RoleSchema = Type.Enum([...organizationRoles], { description: 'admin, editor or member' });

const nullableOut = () => Type.Union([Type.String(), Type.Null()]);

export const OrganizationSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.Object({ sv: Type.String(), en: nullableOut() }),
  orgNumber: Type.Union([Type.String({ description: 'Ten digits, e.g. 2021005489' }), Type.Null()]),
  type: OrganizationTypeSchema,
  publisherType: Type.Union([PublisherTypeSchema, Type.Null()], { description: 'The ADMS publisher type chosen for the organisation; null follows type' }),
  effectivePublisherType: Type.Union([PublisherTypeSchema, Type.Null()], {
    description: 'What the DCAT export gives as dct:type: publisherType, else the one type implies (null for type other without a publisherType)',
  }),
  website: nullableOut(),
  description: Type.Object({ sv: nullableOut(), en: nullableOut() }, { description: 'Markdown' }),
  contactEmail: nullableOut(),
  logoUrl: Type.Union([Type.String({ description: 'Absolute URL of the logo (PNG, at most 512×512)' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const OrganizationListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(OrganizationSchema) });

const fields = {
  slug: Type.String({ maxLength: LIMITS.slug, description: 'a–z, 0–9 and hyphens, 2–60 characters; made from name.sv when left out' }),
  orgNumber: nullableString(LIMITS.orgNumber, 'Swedish organisation number: "202100-5489" or "2021005489"'),
  type: OrganizationTypeSchema,
  publisherType: nullablePublisherType(),
  website: nullableString(LIMITS.website, 'http(s) URL'),
  description: Type.Object(
    { sv: Type.Optional(nullableString(LIMITS.description, 'Markdown')), en: Type.Optional(nullableString(LIMITS.description, 'Markdown')) },
    { additionalProperties: false },
  ),
  contactEmail: nullableString(LIMITS.contactEmail),
};

export const CreateOrganizationBody = Type.Object(
  {
    slug: Type.Optional(fields.slug),
    name: Type.Object({ sv: Type.String({ maxLength: LIMITS.name }), en: Type.Optional(nullableString(LIMITS.name)) }, { additionalProperties: false }),
    orgNumber: Type.Optional(fields.orgNumber),
    type: Type.Optional(fields.type),
    publisherType: Type.Optional(fields.publisherType),
    website: Type.Optional(fields.website),
    description: Type.Optional(fields.description),
    contactEmail: Type.Optional(fields.contactEmail),
  },
  { additionalProperties: false },
);

export const UpdateOrganizationBody = Type.Object(
  {
    slug: Type.Optional(fields.slug),
    name: Type.Optional(Type.Object({ sv: Type.Optional(Type.String({ maxLength: LIMITS.name })), en: Type.Optional(nullableString(LIMITS.name)) }, { additionalProperties: false })),
    orgNumber: Type.Optional(fields.orgNumber),
    type: Type.Optional(fields.type),
    publisherType: Type.Optional(fields.publisherType),
    website: Type.Optional(fields.website),
    description: Type.Optional(fields.description),
    contactEmail: Type.Optional(fields.contactEmail),
  },
  { additionalProperties: false },
);

export const OrganizationParams = Type.Object({ idOrSlug: Type.String({ maxLength: 100 }) });
export const MemberParams = Type.Object({ idOrSlug: Type.String({ maxLength: 100 }), userId: Type.String({ maxLength: 100 }) });
export const InvitationParams = Type.Object({ idOrSlug: Type.String({ maxLength: 100 }), invitationId: Type.String({ maxLength: 100 }) });

export const ListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to find in names, slug and organisation number (all must match)' })),
  type: Type.Optional(OrganizationTypeSchema),
});

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const MemberSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.Optional(Type.String({ description: 'Only for those who manage the members' })),
  role: RoleSchema,
  createdAt: Type.String({ format: 'date-time' }),
});

export const MemberListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(MemberSchema) });

export const AddMemberBody = Type.Object(
  { email: Type.String({ maxLength: 254, description: 'E-mail address of an existing account' }), role: RoleSchema },
  { additionalProperties: false },
);

export const ChangeRoleBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });

export const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.Union([RoleSchema, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const InvitationListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(InvitationSchema) });

export const InviteBody = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    role: RoleSchema,
    locale: Type.Optional(Type.Enum(['sv', 'en'], { description: 'Language of the invitation e-mail (default: the account’s, else Swedish)' })),
  },
  { additionalProperties: false },
);
