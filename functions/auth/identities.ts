/**
 * Where people's sign-in identities live. In AWS: the Cognito user pool, where an invited person
 * is created with her phone number as username and gets her invitation by SMS. Locally: nowhere
 * but Krom's own table — the local sign-in page lists whoever is registered — so the subject is
 * made from the phone number.
 */
export interface Identities {
  /**
   * The token subject of the person who signs in with `phone`: created (and invited) if she has no
   * identity yet, found if she has one — a retry, or an earlier invitation whose registration in
   * Krom failed — so calling it twice gives the same subject and sends one invitation.
   */
  invite(person: { phone: string; displayName: string }): Promise<string>;
}

/** npm start and the tests: the subject is the number itself, so the same phone is the same person. */
export const localIdentities: Identities = {
  invite: async ({ phone }) => `phone-${phone.replace(/^\+/, '')}`,
};

/** A Lambda without a user pool configured (a smoke test of the bundle): inviting is refused. */
export const noIdentities: Identities = {
  invite: () => Promise.reject(new Error('no user pool is configured for inviting people')),
};

export interface CognitoOptions {
  userPoolId: string;
  /** DynamoDB Local's twin for tests: cognito-local's endpoint. */
  endpoint?: string;
  region?: string;
}

/**
 * The Cognito user pool. The SDK client is imported on the first invitation, not at cold start:
 * invitations are rare and every other request would pay to load it.
 */
export function cognitoIdentities(options: CognitoOptions): Identities {
  let client: Promise<typeof import('@aws-sdk/client-cognito-identity-provider')> | undefined;
  let sdkClient: import('@aws-sdk/client-cognito-identity-provider').CognitoIdentityProviderClient | undefined;
  async function sdk() {
    client ??= import('@aws-sdk/client-cognito-identity-provider');
    const module = await client;
    sdkClient ??= new module.CognitoIdentityProviderClient({
      ...(options.endpoint
        ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
      ...(options.region ? { region: options.region } : {}),
    });
    return { module, cognito: sdkClient };
  }
  const subjectOf = (attributes: { Name?: string; Value?: string }[] | undefined): string => {
    const sub = attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub) throw new Error('Cognito answered without the user’s sub');
    return sub;
  };

  return {
    async invite({ phone, displayName }) {
      const { module, cognito } = await sdk();
      try {
        const created = await cognito.send(
          new module.AdminCreateUserCommand({
            UserPoolId: options.userPoolId,
            Username: phone,
            UserAttributes: [
              { Name: 'phone_number', Value: phone },
              // The administrator or coordinator who invites her has her phone in hand.
              { Name: 'phone_number_verified', Value: 'true' },
              { Name: 'name', Value: displayName },
            ],
            DesiredDeliveryMediums: ['SMS'],
          }),
        );
        return subjectOf(created.User?.Attributes);
      } catch (error) {
        if (!(error instanceof module.UsernameExistsException)) throw error;
        const existing = await cognito.send(
          new module.AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: phone }),
        );
        return subjectOf(existing.UserAttributes);
      }
    },
  };
}
