package dev.lambdadeploy.analyze;

import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * What one class file refers to: every type named anywhere in it (supertypes, signatures, instructions, constants,
 * annotations, invokedynamic arguments: ASM's {@link ClassRemapper} visits them all and we record instead of renaming),
 * its string constants (candidates for {@code Class.forName}), and whether its static initializer does something that
 * SnapStart snapshots badly (random seeds, unique ids).
 */
final class BytecodeScanner {
    private static final int API = Opcodes.ASM9;

    record Refs(Set<String> types, Set<String> strings, Set<String> snapStartHazards) {}

    private BytecodeScanner() {}

    static Refs scan(byte[] classFile) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> strings = new LinkedHashSet<>();
        Set<String> hazards = new LinkedHashSet<>();
        Remapper collector = new Remapper(API) {
            @Override
            public String map(String internalName) {
                types.add(elementType(internalName));
                return internalName;
            }
        };
        new ClassReader(classFile)
                .accept(
                        new ClassRemapper(new Sink(strings, hazards), collector),
                        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        types.remove(null);
        return new Refs(types, strings, hazards);
    }

    private static String elementType(String name) {
        String n = name;
        while (n.startsWith("[")) {
            n = n.substring(1);
        }
        if (n.startsWith("L") && n.endsWith(";")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.length() <= 1 ? null : n; // primitives
    }

    /** Receives the remapped class; non-null visitors everywhere so the remapper walks every part. */
    private static final class Sink extends ClassVisitor {
        private final Set<String> strings;
        private final Set<String> hazards;
        private final AnnotationVisitor annotations = new AnnotationVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                return this;
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }

            @Override
            public void visit(String name, Object value) {
                if (value instanceof String s) {
                    strings.add(s);
                }
            }
        };

        Sink(Set<String> strings, Set<String> hazards) {
            super(API);
            this.strings = strings;
            this.hazards = hazards;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotations;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(
                int typeRef, org.objectweb.asm.TypePath typePath, String descriptor, boolean visible) {
            return annotations;
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            return new RecordComponentVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean v) {
                    return annotations;
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (value instanceof String s) {
                strings.add(s);
            }
            return new FieldVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean v) {
                    return annotations;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            boolean clinit = "<clinit>".equals(name);
            return new MethodVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean v) {
                    return annotations;
                }

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return annotations;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int p, String d, boolean v) {
                    return annotations;
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String s) {
                        strings.add(s);
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String mname, String desc, boolean itf) {
                    if (clinit) {
                        String h = hazard(owner, mname);
                        if (h != null) {
                            hazards.add(h);
                        }
                    }
                }
            };
        }

        private static String hazard(String owner, String name) {
            return switch (owner + "." + name) {
                case "java/security/SecureRandom.<init>",
                        "java/util/Random.<init>",
                        "java/util/UUID.randomUUID",
                        "java/util/concurrent/ThreadLocalRandom.current" -> owner.replace('/', '.') + "." + name;
                default -> null;
            };
        }
    }
}
