/** What the coverage resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { Delivery, Service } from '#store/coverage.ts';
import type { Organisation } from '#store/organisations.ts';

export type NgoServiceModel = Service;
export type DeliveryModel = Delivery;
export type NgoModel = Organisation;
