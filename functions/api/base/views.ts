/** What the base resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { Viewer } from '#auth/policy.ts';
import type { Place } from '#core/places.ts';
import type { RoleGrant } from '#core/roles.ts';
import type { User } from '#store/users.ts';

export type ViewerModel = Viewer;
export type RoleModel = RoleGrant;
export type UserModel = User;
export type PersonModel = User;
export type PlaceModel = Place;
