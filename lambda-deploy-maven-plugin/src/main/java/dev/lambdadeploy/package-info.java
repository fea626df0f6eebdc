/**
 * Engine and Maven adapter of lambda-deploy-maven-plugin, in layers; a package uses only its own layer and the ones
 * below, with no cycles ({@code ArchitectureTest} checks this, CONTRIBUTING.md "Packages and layers" explains it):
 *
 * <ol>
 *   <li>{@code maven}: the mojos. The only package that imports Maven APIs; it adapts POM parameters into requests,
 *       calls an engine and renders the result with {@code report}.
 *   <li>{@code report}: presentation. Console summaries, {@code size-report.json/.html}, Markdown step summaries,
 *       and listeners such as {@code DeployProgress} that show what a running engine reports.
 *   <li>Engines: {@code assemble}, {@code budget}, {@code publish} (+ {@code publish.image}), {@code lifecycle},
 *       {@code analyze}, {@code invoke}, {@code iam}, {@code outputs}, {@code fleet}. Plain Java behind request and
 *       result objects; they log progress through {@code log.BuildLog}, return data and never call {@code report}
 *       (a small listener in their own package, like {@code publish.DeployListener}, when the caller wants to show
 *       something mid-run).
 *   <li>Foundations: {@code aws} (SDK clients, calls, errors), {@code config}, {@code manifest}, {@code json},
 *       {@code log}, and the leaves {@code units} (byte sizes for people) and {@code limits} (Lambda's limits).
 * </ol>
 *
 * The AWS SDK appears only where AWS is called ({@code aws}, {@code iam}, {@code lifecycle}, {@code outputs},
 * {@code publish}), Jib only in {@code publish.image}.
 */
package dev.lambdadeploy;
