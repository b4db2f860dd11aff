/**
 * Coalesces concurrent calls into batches: `submit(item)` resolves with the item's own result,
 * computed by one `run(items)` call for every item submitted while earlier batches were in
 * flight. A lone call is not delayed (its batch starts in the same turn of the event loop, after
 * the calls made in that turn); under load, each database round trip and commit then carries
 * many items instead of one. At most `maxInFlight` batches run at once, each of at most
 * `maxBatch` items, in the order submitted.
 */
export interface CoalesceOptions<I, O> {
  /** One result per item, in the items' order; a thrown error fails every item of the batch. */
  run: (items: I[]) => Promise<O[]>;
  maxBatch: number;
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

export function coalesce<I, O>({ run, maxBatch, maxInFlight }: CoalesceOptions<I, O>): (item: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const start = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        start();
      });
    }
  };

  const runBatch = async (batch: Pending<I, O>[]) => {
    try {
      const results = await run(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`coalesce: ${results.length} results for ${batch.length} items`);
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && inFlight < maxInFlight) {
        scheduled = true;
        queueMicrotask(start);
      }
    });
}
