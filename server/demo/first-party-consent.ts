import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { z } from 'zod';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const consentDetails = z.object({
  missingOIDCScope: z.array(z.string()).optional(),
  missingResourceScopes: z.record(z.string(), z.array(z.string())).optional(),
});

/**
 * Answers a consent prompt without asking: Koers is the organisation's own app, so what it asks for
 * (sign-in and the team server's API) is granted. oidc-provider always asks consent of native clients
 * (its `native_client_prompt` check); a real provider has the administrator consent once for everyone.
 * Returns the interaction's resume URL.
 */
export async function grantWhatIsAsked(
  provider: Provider,
  ctx: KoaContextWithOIDC,
  interaction: Interaction,
): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params['client_id'];
  if (!accountId || typeof clientId !== 'string') throw new Error('Consent asked before sign-in');
  const details = consentDetails.parse(interaction.prompt.details);
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {}))
    grant.addResourceScope(resource, scopes);
  const grantId = await grant.save();
  return provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
