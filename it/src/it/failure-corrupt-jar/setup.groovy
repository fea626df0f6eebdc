support = evaluate(new File(itSupport))
byte[] garbage = ('PK' + 'this is not a zip file, although it starts like one ' * 20).getBytes('US-ASCII')
support.installFake('dev.lambdadeploy.it.corrupt', 'broken-lib', '1.0', garbage)
return true
