import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The transaction a unit of work runs in. Services hand it on (to the audit, to another
 * feature's service) without knowing it is TypeORM's manager: only repositories use it.
 */
export type Tx = EntityManager;

/**
 * A repository whose calls run on the data source, or on the transaction it is bound to with
 * `in(tx)`. Its methods take no transaction argument: inside `Transactions.run`, `work` gets
 * copies bound to the transaction; a service handed a `Tx` calls `repository.in(tx).method()`.
 */
export abstract class BindableRepository {
  private bound: Tx | null = null;

  constructor(protected readonly dataSource: DataSource) {}

  /** The manager of a call that may run anywhere: the bound transaction's, else the pool's. */
  protected m(): EntityManager {
    return this.bound ?? this.dataSource.manager;
  }

  /**
   * The manager of a call that makes sense in a transaction only (a write, a lock, a read that
   * a write depends on): the bound one; never the pool's by mistake.
   */
  protected tx(): EntityManager {
    if (!this.bound)
      throw new Error(`${this.constructor.name}: this call runs in a transaction only`);
    return this.bound;
  }

  /** This repository with its calls in the transaction `tx` (a copy: the original is unbound). */
  in(tx: Tx): this {
    const copy = Object.create(this) as this;
    copy.bound = tx;
    return copy;
  }
}

/**
 * The one way services open a transaction: `run(work)` commits when `work` resolves and rolls
 * back when it throws (the error goes on unchanged); `run({ repositories }, work)` also hands
 * `work` those repositories bound to the transaction.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  run<T, R extends Record<string, BindableRepository>>(
    repositories: R,
    work: (bound: R, tx: Tx) => Promise<T>,
  ): Promise<T>;
  run<T, R extends Record<string, BindableRepository>>(
    first: R | ((tx: Tx) => Promise<T>),
    second?: (bound: R, tx: Tx) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction((tx) => {
      if (typeof first === 'function') return first(tx);
      const bound = Object.fromEntries(
        Object.entries(first).map(([name, repository]) => [name, repository.in(tx)]),
      ) as R;
      // Both overloads give one of the two: the second is there when the first is not a function.
      return second!(bound, tx);
    });
  }
}
