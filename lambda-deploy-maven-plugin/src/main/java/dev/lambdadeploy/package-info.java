/** Engine and Maven adapter of lambda-deploy-maven-plugin; only {@code dev.lambdadeploy.maven} imports Maven APIs. */
package dev.lambdadeploy;
