import { describe, expect, it } from 'vitest';
import { coalesce } from '@/lib/coalesce';

/** A `run` whose batches finish when the test says so, recording what each batch held. */
function controlledRun() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => finish.push(() => resolve(items.map((n) => n * 10))));
  };
  return { batches, finish, run };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesce', () => {
  it('runs a lone call at once, on its own', async () => {
    const { batches, finish, run } = controlledRun();
    const submit = coalesce({ run, maxBatch: 10, maxInFlight: 1 });
    const result = submit(1);
    await settle();
    expect(batches).toEqual([[1]]);
    finish[0]!();
    await expect(result).resolves.toBe(10);
  });

  it('gathers the calls made while batches are in flight into the next batch, in order, each answered with its own result', async () => {
    const { batches, finish, run } = controlledRun();
    const submit = coalesce({ run, maxBatch: 10, maxInFlight: 1 });
    const first = submit(1);
    await settle();
    const later = [submit(2), submit(3), submit(4)];
    await settle();
    expect(batches).toEqual([[1]]); // one batch at a time: the others wait for it
    finish[0]!();
    await expect(first).resolves.toBe(10);
    await settle();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finish[1]!();
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  });

  it('runs up to maxInFlight batches at once, each of at most maxBatch items', async () => {
    const { batches, finish, run } = controlledRun();
    const submit = coalesce({ run, maxBatch: 2, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5, 6].map((n) => submit(n));
    await settle();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    finish[1]!(); // the second finishes first: the next starts without waiting for the first
    await settle();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    finish[0]!();
    finish[2]!();
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('fails every item of a batch that throws, and goes on with the next batch', async () => {
    let calls = 0;
    const submit = coalesce<number, number>({
      run: async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('connection lost');
        return items;
      },
      maxBatch: 10,
      maxInFlight: 1,
    });
    const failed = [submit(1), submit(2)];
    await expect(failed[0]).rejects.toThrow('connection lost');
    await expect(failed[1]).rejects.toThrow('connection lost');
    await expect(submit(3)).resolves.toBe(3);
  });

  it('fails the batch when run answers for fewer items than it was given', async () => {
    const submit = coalesce<number, number>({ run: async (items) => items.slice(1), maxBatch: 10, maxInFlight: 1 });
    await expect(Promise.all([submit(1), submit(2)])).rejects.toThrow('1 results for 2 items');
  });
});
