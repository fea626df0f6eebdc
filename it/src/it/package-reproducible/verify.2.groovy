support = evaluate(new File(itSupport))
assert support.zipHashes(support.lambdaDir()) == support.zipHashes(new File(basedir, 'first-build')):
        'an incremental rebuild must give identical zips'
return true
