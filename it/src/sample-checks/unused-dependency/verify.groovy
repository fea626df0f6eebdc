import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
Map a = new JsonSlurper().parse(new File(support.lambdaDir(), 'analysis.json'))
def unit = { String artifactId -> a.units.find { it.coordinates?.contains(":${artifactId}:") } }

assert unit('bcprov-jdk18on').status == 'unused'
assert unit('bcprov-jdk18on').fix == 'remove the <dependency> org.bouncycastle:bcprov-jdk18on from the POM'
assert unit('jackson-module-scala_2.13').status == 'service-only'
assert unit('jackson-module-scala_2.13').services == ['com.fasterxml.jackson.databind.Module']
assert unit('scala-library').status == 'service-only'
assert unit('jackson-databind').status == 'used'

Map p = a.probe
assert p.withoutUnusedJars.outcome == 'ok'
assert p.withoutServiceOnlyJars.size() == 1 && p.withoutServiceOnlyJars[0].outcome == 'ok'
assert p.withoutServiceOnlyJars[0].removed.containsAll(['opt/java/lib/jackson-module-scala_2.13-2.22.4.jar',
                                                        'opt/java/lib/scala-library-2.13.18.jar'])
Map scala = a.recommendations.find { it.id == 'service-only-jars' }
// removing the module removes what only it brought: one POM change, not three
assert scala.action == 'remove the <dependency> com.fasterxml.jackson.module:jackson-module-scala_2.13 from the POM'
assert a.recommendations.find { it.id == 'remove-unused-jars' }.bytes == unit('bcprov-jdk18on').bytes

// The advice applied (profile without-unused): the same handler, a smaller package.
Map before = support.manifest()
Map after = new JsonSlurper().parse(new File(basedir, 'target/lambda-after/lambda-package.json'))
long unzippedBefore = before.layers.sum { it.unzippedBytes } + before.function.unzippedBytes
long unzippedAfter = after.layers.sum { it.unzippedBytes } + after.function.unzippedBytes
long removed = ['bcprov-jdk18on', 'jackson-module-scala_2.13', 'scala-library', 'paranamer'].sum { unit(it).bytes }
assert unzippedBefore - unzippedAfter >= removed * 0.99
assert !after.jars.any { it.artifactId in ['bcprov-jdk18on', 'scala-library'] }
return true
