/**
 * The activations of PaddlePaddle's CPU GRU kernels
 * (`operators/math/detail/activation_functions.h`), clipped as they are.
 *
 * @module
 */

/**
 * Paddle's sigmoid: the input clipped to [-40, 13] first.
 *
 * @example
 * sigmoid(0); // 0.5
 */
export function sigmoid(x: number): number {
  const clipped = x < -40 ? -40 : x > 13 ? 13 : x;
  return 1 / (1 + Math.exp(-clipped));
}

/**
 * Paddle's tanh: `2 / (1 + exp(-2x)) - 1`, with `-2x` capped at 40.
 *
 * @example
 * tanh(0); // 0
 */
export function tanh(x: number): number {
  let t = -2 * x;
  if (t > 40) t = 40;
  return 2 / (1 + Math.exp(t)) - 1;
}
