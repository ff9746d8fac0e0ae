// TypeBox schemas of the accounts API (they validate input, filter output and feed OpenAPI).
import { Type } from 'typebox';

export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String({ format: 'email' }),
  name: Type.String(),
  locale: Type.Union([Type.Literal('sv'), Type.Literal('en')]),
  isSiteAdmin: Type.Boolean(),
  emailConfirmed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  organizations: Type.Array(Type.Object({ id: Type.String(), role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('member')]) })),
});

export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CreateTokenBody = Type.Object({ name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

export const CreatedTokenSchema = Type.Object({
  token: Type.String({ description: 'The secret: shown this once, never again' }),
  ...ApiTokenSchema.properties,
});

export const TokenParams = Type.Object({ tokenId: Type.String({ maxLength: 100 }) });
