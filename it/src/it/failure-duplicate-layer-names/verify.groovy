support = evaluate(new File(itSupport))
String errors = support.assertPackageFailure(['shared-libs'])
assert errors.toLowerCase().contains('layer'): "must say it is about the layer names:\n${errors}"
assert !new File(basedir, 'target/lambda/function.zip').exists()
return true
