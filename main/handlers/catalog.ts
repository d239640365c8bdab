import {
  getCatalogItem,
  insertCatalogItem,
  listCatalog,
  moveCatalogItem,
  updateCatalogItem,
} from '../../db/queries/catalog';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { conflict, found } from '../rpc/app-error';

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
    return found(await getCatalogItem(ctx.db, id), 'List item');
  },

  async 'catalog.update'(ctx, input) {
    found(await getCatalogItem(ctx.db, input.id), 'List item');
    const changes = {
      name: input.name,
      ...(input.weight === undefined ? {} : { weight: input.weight }),
      ...(input.rescoreWeeks === undefined ? {} : { rescore_weeks: input.rescoreWeeks }),
    };
    await updateCatalogItem(ctx.db, input.id, changes, ctx.now().toISOString(), actor(ctx));
    return found(await getCatalogItem(ctx.db, input.id), 'List item');
  },

  async 'catalog.move'(ctx, input) {
    found(await getCatalogItem(ctx.db, input.id), 'List item');
    await ctx.db
      .transaction()
      .execute((trx) => moveCatalogItem(trx, input.id, input.direction, ctx.now().toISOString(), actor(ctx)));
    return { ok: true as const };
  },

  async 'catalog.setRetired'(ctx, input) {
    found(await getCatalogItem(ctx.db, input.id), 'List item');
    const at = ctx.now().toISOString();
    await updateCatalogItem(ctx.db, input.id, { retired_at: input.retired ? at : null }, at, actor(ctx));
    return found(await getCatalogItem(ctx.db, input.id), 'List item');
  },

  async 'catalog.remove'(ctx, input) {
    const item = found(await getCatalogItem(ctx.db, input.id), 'List item');
    // History keeps pointing at items in use: those can only be retired.
    if (item.inUse > 0) throw conflict('The item is in use', { reason: 'in_use', count: item.inUse });
    const at = ctx.now().toISOString();
    await updateCatalogItem(ctx.db, input.id, { deleted_at: at }, at, actor(ctx));
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'catalog'>;
