import {
  getCatalogItem,
  insertCatalogItem,
  listCatalog,
  moveCatalogItem,
  updateCatalogItem,
} from '../../db/queries/catalog';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { conflict, notFound } from '../rpc/app-error';

async function requireItem(ctx: Context, id: string) {
  const item = await getCatalogItem(ctx.db, id);
  if (!item) throw notFound('List item');
  return item;
}

export const catalogHandlers = {
  async 'catalog.list'(ctx) {
    return listCatalog(ctx.db);
  },

  async 'catalog.create'(ctx, input) {
    const id = await ctx.db
      .transaction()
      .execute((trx) =>
        insertCatalogItem(
          trx,
          { kind: input.kind, name: input.name, weight: input.weight ?? 1 },
          ctx.now().toISOString(),
          actor(ctx),
        ),
      );
    return requireItem(ctx, id);
  },

  async 'catalog.update'(ctx, input) {
    await requireItem(ctx, input.id);
    const changes = {
      name: input.name,
      ...(input.weight === undefined ? {} : { weight: input.weight }),
      ...(input.rescoreWeeks === undefined ? {} : { rescore_weeks: input.rescoreWeeks }),
    };
    await updateCatalogItem(ctx.db, input.id, changes, ctx.now().toISOString(), actor(ctx));
    return requireItem(ctx, input.id);
  },

  async 'catalog.move'(ctx, input) {
    await requireItem(ctx, input.id);
    await ctx.db
      .transaction()
      .execute((trx) => moveCatalogItem(trx, input.id, input.direction, ctx.now().toISOString(), actor(ctx)));
    return { ok: true as const };
  },

  async 'catalog.setRetired'(ctx, input) {
    await requireItem(ctx, input.id);
    const at = ctx.now().toISOString();
    await updateCatalogItem(ctx.db, input.id, { retired_at: input.retired ? at : null }, at, actor(ctx));
    return requireItem(ctx, input.id);
  },

  async 'catalog.remove'(ctx, input) {
    const item = await requireItem(ctx, input.id);
    // History keeps pointing at items in use: those can only be retired.
    if (item.inUse > 0) throw conflict('The item is in use', { reason: 'in_use', count: item.inUse });
    const at = ctx.now().toISOString();
    await updateCatalogItem(ctx.db, input.id, { deleted_at: at }, at, actor(ctx));
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'catalog'>;
