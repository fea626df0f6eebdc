support = evaluate(new File(itSupport))
assert support.zipHashes(support.lambdaDir('second-checkout/at/a/different/path')) == support.zipHashes(new File(basedir, 'first-build')):
        'a build in another time zone (TZ=Pacific/Chatham) must give identical zips'
return true
