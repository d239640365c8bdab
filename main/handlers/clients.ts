import { findClientByReference, insertClient, listClients, type ClientListRow } from '../../db/queries/clients';
import type { DomainHandlers, Output } from '../contract';
import type { Context } from '../context';
import { AppError } from '../rpc/app-error';

type Client = Output<'clients.create'>;

function toClient(row: ClientListRow): Client {
  return {
    id: row.id,
    reference: row.reference,
    firstName: row.first_name,
    lastName: row.last_name,
    pseudonym: row.pseudonym,
    caseworkerId: row.caseworker_id,
    createdAt: row.created_at,
  };
}

export const clientHandlers = {
  async 'clients.list'(ctx, input) {
    const rows = await listClients(ctx.db, input.search ? { search: input.search } : {});
    return rows.map(toClient);
  },

  async 'clients.create'(ctx, input) {
    const caseworkerId = ctx.settings.get('currentCaseworkerId');
    const created = await ctx.db.transaction().execute(async (trx) => {
      if (input.reference) {
        const holder = await findClientByReference(trx, input.reference);
        if (holder) {
          throw new AppError('conflict', 'Reference number already in use', {
            field: 'reference',
            existing: { id: holder.id, label: `${holder.first_name} ${holder.last_name}` },
          });
        }
      }
      return insertClient(trx, { ...input, caseworkerId }, ctx.now().toISOString(), caseworkerId);
    });
    ctx.emit('clients.changed', { ids: [created.id] });
    return toClient(created);
  },
} satisfies DomainHandlers<Context, 'clients'>;
