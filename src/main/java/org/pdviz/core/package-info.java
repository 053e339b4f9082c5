/**
 * The mathematics of diffusion and progressive distillation (Salimans &amp; Ho, ICLR 2022), in
 * pure Java: every formula has one home here, and the sampler, the trainer, the views and the
 * tests all call it. The subpackages: {@code schedule} (alpha, sigma, log-SNR, phi), {@code param}
 * (x, eps, v and the read-outs between them), {@code ddim} (the step and the sampler),
 * {@code distill} (the target and the weights), {@code exact} (closed-form denoisers),
 * {@code model} (the {@code Denoiser} seam), {@code data} (data sets and files), {@code metrics}.
 *
 * <p>Notation: the paper's symbols and their names in the code (the formulas are written out in
 * each class's documentation).
 * <table>
 * <caption>Paper symbol to code name</caption>
 * <tr><th>paper</th><th>meaning</th><th>code</th></tr>
 * <tr><td>t</td><td>time in [0, 1], 0 = data, 1 = noise</td><td>{@code t}</td></tr>
 * <tr><td>alpha_t</td><td>signal scale, {@code cos(phi_t)}</td>
 *     <td>{@code CosineSchedule.alpha(t)}, {@code NoiseLevel.alpha()}</td></tr>
 * <tr><td>sigma_t</td><td>noise scale, {@code sin(phi_t)}</td>
 *     <td>{@code CosineSchedule.sigma(t)}, {@code NoiseLevel.sigma()}</td></tr>
 * <tr><td>lambda_t</td><td>log signal-to-noise ratio, {@code log(alpha_t^2 / sigma_t^2)}</td>
 *     <td>{@code CosineSchedule.logSnr(t)}, {@code NoiseLevel.logSnr()}</td></tr>
 * <tr><td>phi_t</td><td>angle, {@code atan2(sigma_t, alpha_t)}</td>
 *     <td>{@code CosineSchedule.phi(t)}, {@code NoiseLevel.phi()}</td></tr>
 * <tr><td>z_t</td><td>noisy sample, {@code alpha_t x + sigma_t eps}</td><td>{@code z}, {@code zT}</td></tr>
 * <tr><td>x, eps</td><td>data and noise</td><td>{@code x}, {@code eps}</td></tr>
 * <tr><td>v</td><td>velocity {@code dz/dphi = alpha_t eps - sigma_t x}</td><td>{@code v}</td></tr>
 * <tr><td>x_hat, eps_hat, v_hat</td><td>a model's predictions</td>
 *     <td>{@code xHat}, {@code epsHat}, {@code vHat} ({@code param.Predictions})</td></tr>
 * <tr><td>x_tilde</td><td>Algorithm 2's target: one student step lands on two teacher steps</td>
 *     <td>{@code xTilde} ({@code distill.DistillTarget})</td></tr>
 * <tr><td>t', t''</td><td>the teacher's two half steps: {@code t - 0.5/N}, {@code t - 1/N}</td>
 *     <td>{@code tPrime}, {@code tDoublePrime} ({@code DistillTarget.Times})</td></tr>
 * <tr><td>z_t', z_t''</td><td>the states after the teacher's first and second step</td>
 *     <td>{@code zPrime}, {@code zpp} ({@code DistillTarget.xTilde})</td></tr>
 * <tr><td>w(lambda_t)</td><td>the loss weight in x-space (SNR+1, truncated SNR)</td>
 *     <td>{@code distill.Weighting.weight(level)}</td></tr>
 * <tr><td>N</td><td>sampling steps on the grid {@code t_i = i / N}</td><td>{@code steps}, {@code n}</td></tr>
 * </table>
 *
 * <p>May depend on: the JDK only (no JavaFX, ONNX Runtime, DJL, or any other layer of pdviz).
 */
package org.pdviz.core;
