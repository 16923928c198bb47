import { describe, expect, it } from 'vitest';
import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, STORE_KEYS } from '../../src/domain/model.js';
import { filmSchema, storeSchema } from '../../src/store/schema.js';

describe('the model and the store schema', () => {
  // The compiler proves they have the same keys and types (store/schema.ts, SchemaMatchesModel);
  // the order it cannot see: zod copies objects in the schema's order and the writers use the model's.
  it('the schema lists the model keys in the model order', () => {
    expect(Object.keys(storeSchema.shape)).toEqual([...STORE_KEYS]);
    expect(Object.keys(filmSchema.shape)).toEqual([...FILM_KEYS]);
    expect(Object.keys(filmSchema.shape.reviews.def.element.shape)).toEqual([...REVIEW_KEYS]);
    expect(Object.keys(filmSchema.shape.marks.def.element.shape)).toEqual([...MARK_KEYS]);
  });
});
