import type { DomainHandlers } from '../../common/contract';
import type { Context } from '../context';
import { checkAuditLog } from '../safety/audit';

export const auditHandlers = {
  async 'audit.list'(ctx, input) {
    await ctx.audit.flush();
    let query = ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor', 'action', 'entity', 'entity_id as entityId', 'result']);
    if (input.actor) query = query.where('actor', '=', input.actor);
    if (input.action) query = query.where('action', '=', input.action);
    if (input.entityId) query = query.where('entity_id', '=', input.entityId);
    if (input.from) query = query.where('at', '>=', input.from);
    // `to` is a calendar day: everything up to its end.
    if (input.to) query = query.where('at', '<', `${input.to}T24`);
    if (input.before !== undefined) query = query.where('seq', '<', input.before);
    return query.orderBy('seq', 'desc').limit(input.limit).execute();
  },

  async 'audit.check'(ctx) {
    await ctx.audit.flush();
    return checkAuditLog(ctx.db, ctx.settings.get('auditHead'));
  },
} satisfies DomainHandlers<Context, 'audit'>;
