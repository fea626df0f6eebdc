// Invocation 3 (no skip property) proves the plugin is bound in this POM, so the skips above were real.
support = evaluate(new File(itSupport))
Map m = support.manifest()
support.checkZipRecord(m.function, support.lambdaDir())
assert support.layer(m, 'skip-function')
return true
