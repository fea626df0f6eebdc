support = evaluate(new File(itSupport))
assert !new File(basedir, 'orders-core/target/lambda').exists(): 'orders-core does not declare the plugin'
assert !new File(basedir, 'target/lambda').exists()

File lambda = support.lambdaDir('orders-function')
Map m = support.manifest('orders-function')
File fnZip = support.checkZipRecord(m.function, lambda)
assert m.function.jars == ['lib/orders-core-1.0.0.jar']: 'a same-reactor dependency goes to function.zip even with a release version'
List<String> fnFiles = support.fileEntryNames(fnZip)
assert fnFiles.contains('com/example/orders/function/OrderTotalHandler.class')
assert support.nestedEntryNames(fnZip, 'lib/orders-core-1.0.0.jar').contains('com/example/orders/core/Order.class')

assert m.layers*.name == ['orders-function']
File layerZip = support.checkZipRecord(m.layers[0], lambda)
List<String> layerFiles = support.fileEntryNames(layerZip)
assert layerFiles.size() == 4
assert layerFiles.containsAll(['java/lib/jackson-databind-2.22.4.jar', 'java/lib/jackson-core-2.22.4.jar',
                               'java/lib/aws-lambda-java-core-1.2.3.jar'])
assert layerFiles.any { it ==~ /java\/lib\/jackson-annotations-2\.[0-9.]+\.jar/ }
Map core = support.jar(m, 'com.example.orders', 'orders-core')
assert core.target == 'function'
assert core.zipEntry == 'lib/orders-core-1.0.0.jar'
return true
