// After invocation 5 (locale tr_TR). Invocations 1-4 were checked by verify.1-4.groovy.
support = evaluate(new File(itSupport))
assert support.invocationLogs().size() == 5: 'invocation 5 did not run: an earlier check failed, see above'
assert support.zipHashes(support.lambdaDir('second-checkout/at/a/different/path')) == support.zipHashes(new File(basedir, 'first-build')):
        'a build in another locale (tr_TR) must give identical zips'
return true
