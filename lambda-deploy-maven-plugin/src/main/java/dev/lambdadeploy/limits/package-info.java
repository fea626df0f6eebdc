/** Lambda's hard limits. A leaf: depends on nothing else of the plugin, so every layer may use it. */
package dev.lambdadeploy.limits;
