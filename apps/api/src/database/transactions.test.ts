import type { DataSource, EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { BindableRepository, Transactions, type Tx } from './transactions.js';

// Managers are only compared by identity here: plain objects stand in for TypeORM's.
const pool = { name: 'pool' } as unknown as EntityManager;
const transaction = { name: 'transaction' } as unknown as Tx;
const dataSource = {
  manager: pool,
  transaction: <T>(work: (tx: Tx) => Promise<T>) => work(transaction),
} as unknown as DataSource;

class ExampleRepository extends BindableRepository {
  read(): EntityManager {
    return this.m();
  }
  write(): EntityManager {
    return this.tx();
  }
}

describe('a bindable repository', () => {
  it('reads on the pool and refuses a transaction-only call while unbound', () => {
    const repository = new ExampleRepository(dataSource);
    expect(repository.read()).toBe(pool);
    expect(() => repository.write()).toThrow(
      'ExampleRepository: this call runs in a transaction only',
    );
  });

  it('runs every call in the transaction it is bound to; the original stays unbound', () => {
    const repository = new ExampleRepository(dataSource);
    const bound = repository.in(transaction);
    expect(bound).toBeInstanceOf(ExampleRepository);
    expect(bound.read()).toBe(transaction);
    expect(bound.write()).toBe(transaction);
    expect(repository.read()).toBe(pool);
  });

  it('is handed to the work of Transactions.run bound to its transaction', async () => {
    const repository = new ExampleRepository(dataSource);
    const seen = await new Transactions(dataSource).run(
      { example: repository },
      ({ example }, tx) => Promise.resolve({ write: example.write(), tx }),
    );
    expect(seen).toEqual({ write: transaction, tx: transaction });
  });
});
