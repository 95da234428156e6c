import type { z } from 'zod';

/**
 * One API method: a zod schema for its input and a phantom for its output type. Main validates
 * the input with the schema; the output type flows to the renderer's client through inference.
 */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time: carries the output type. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;
