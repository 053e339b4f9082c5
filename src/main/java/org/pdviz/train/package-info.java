/**
 * The trainer: teacher training, progressive distillation (Algorithm 2, round by round) and the
 * classifier's training, with checkpoints, resumable state and the teacher's engine (DJL or ONNX
 * Runtime).
 *
 * <p>May depend on: {@code core}, {@code runtime}, DJL with PyTorch and Jackson; never {@code app},
 * {@code ui}, {@code cli} or JavaFX.
 */
package org.pdviz.train;
